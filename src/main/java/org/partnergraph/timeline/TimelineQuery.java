package org.partnergraph.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.PageRequest;

/**
 * A validated timeline request: the range as the first and last day it covers, the filters, the page. Dates a
 * client sends are checked here (a real date, from not after to) before anything reaches Neo4j.
 */
record TimelineQuery(TimelineFilter filter, PageRequest page, String fromDay, String toDay) {

    static TimelineQuery of(TimelineFilter filter, Integer first, String after) {
        TimelineFilter f = filter == null ? new TimelineFilter(null, null, null, null, null, null) : filter;
        String from = date("filter.from", f.from());
        String to = date("filter.to", f.to());
        if (f.kind() != null && f.kind().isEmpty()) {
            throw new BadUserInputException("filter.kind: name at least one kind, or leave it out for all.");
        }
        if (from != null && to != null && PartialDate.last(to).isBefore(PartialDate.first(from))) {
            throw new BadUserInputException("filter.to: '" + to + "' is before filter.from '" + from + "'.");
        }
        return new TimelineQuery(f, PageRequest.of(first, after, TimelineConnection.SORT),
                from == null ? null : PartialDate.first(from).toString(),
                to == null ? null : PartialDate.last(to).toString());
    }

    private static String date(String field, String value) {
        if (value == null) {
            return null;
        }
        String date = value.strip();
        if (!PartialDate.valid(date)) {
            throw new BadUserInputException(field + ": '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).");
        }
        return date;
    }

    boolean subregions() {
        return !Boolean.FALSE.equals(filter.includeSubregions());
    }

    /** The kinds asked for, in a fixed order (each is a part of the statement). */
    List<TimelineEntryKind> kinds() {
        return filter.kind() == null ? List.of(TimelineEntryKind.values())
                : Arrays.stream(TimelineEntryKind.values()).filter(filter.kind()::contains).toList();
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("from", fromDay);
        parameters.put("to", toDay);
        parameters.put("organizationId", filter.organizationId());
        parameters.put("regionId", filter.regionId());
        return parameters;
    }

    /** NOT_FOUND for a filter id that names nothing, as the organisations filter answers. */
    void checkFound(boolean organizationFound, boolean regionFound) {
        if (!organizationFound) {
            throw new NotFoundException("filter.organizationId: no organisation has the id '" + filter.organizationId()
                    + "'.");
        }
        if (!regionFound) {
            throw new NotFoundException("filter.regionId: no region has the id '" + filter.regionId() + "'.");
        }
    }
}
