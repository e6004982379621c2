package org.partnergraph.programme;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.agreement.Agreement;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Sizes;
import org.partnergraph.common.LimitExceededException;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.event.Event;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;

@ApplicationScoped
class ProgrammeService {

    static final ProgrammeSort DEFAULT_SORT = ProgrammeSort.YEAR_DESC;
    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2100;
    static final int MAX_TEXT_LENGTH = 100;

    static final int BREAKDOWN_GROUPS_DEFAULT = 500;
    static final int BREAKDOWN_GROUPS_MAX = 5000;
    static final int BREAKDOWN_DIMENSIONS_MAX = 4;

    private final ProgrammeRepository programmes;
    private final BreakdownRepository breakdowns;
    private final DocumentService documents;

    ProgrammeService(ProgrammeRepository programmes, BreakdownRepository breakdowns, DocumentService documents) {
        this.programmes = programmes;
        this.breakdowns = breakdowns;
        this.documents = documents;
    }

    ProgrammeBreakdown breakdown(ProgrammeFilter filter, List<ProgrammeDimension> by, Integer first) {
        if (by == null || by.isEmpty() || by.contains(null)) {
            throw new BadUserInputException("by: give one to " + BREAKDOWN_DIMENSIONS_MAX
                    + " dimensions, e.g. [PROVINCE, YEAR], without null.");
        }
        if (by.size() > BREAKDOWN_DIMENSIONS_MAX) {
            throw new LimitExceededException("by: at most " + BREAKDOWN_DIMENSIONS_MAX + " dimensions (got "
                    + by.size() + ").");
        }
        if (new java.util.HashSet<>(by).size() < by.size()) {
            throw new BadUserInputException("by: each dimension once (got " + by + ").");
        }
        int groups = Sizes.within("first", first == null ? BREAKDOWN_GROUPS_DEFAULT : first, BREAKDOWN_GROUPS_MAX);
        ProgrammeQuery query = validate(filter);
        BreakdownRepository.Result result = breakdowns.breakdown(query, List.copyOf(by), groups);
        found(query, result.regionFound(), result.implementerFound(), result.partOfFound());
        return result.breakdown();
    }

    ProgrammeConnection programmes(ProgrammeFilter filter, ProgrammeSort sort, Integer first, String after) {
        ProgrammeSort order = sort == null ? DEFAULT_SORT : sort;
        PageRequest request = PageRequest.of(first, after, order.name());
        if (request.after() != null && order.numericKey() && !isInteger(request.after().key())) {
            throw new BadUserInputException("after: not a cursor from this API.");
        }
        ProgrammeQuery query = validate(filter);

        ProgrammeRepository.Result result = programmes.page(query, order, request);
        found(query, result.regionFound(), result.implementerFound(), result.partOfFound());

        Page<ProgrammeRepository.Row> page = new Page<>(result.rows(), result.totalCount(), request);
        List<ProgrammeEdge> edges = page.items().stream()
                .map(row -> new ProgrammeEdge(cursor(order, row), row.programme())).toList();
        return new ProgrammeConnection(edges, page.pageInfo(row -> cursor(order, row)), page.totalCount(),
                result.totalFundingWan());
    }

    List<Programme> partOf(List<Programme> parts) {
        return programmes.parents(ids(parts));
    }

    List<List<Programme>> parts(List<Programme> groups) {
        return programmes.parts(ids(groups));
    }

    List<List<Organization>> implementers(List<Programme> batch) {
        return programmes.implementers(ids(batch));
    }

    List<List<Organization>> responsibleOffices(List<Programme> batch) {
        return programmes.responsibleOffices(ids(batch));
    }

    List<List<Organization>> hosts(List<Programme> batch) {
        return programmes.hosts(ids(batch));
    }

    List<List<Organization>> participatingOrganizations(List<Programme> batch) {
        return programmes.participants(ids(batch));
    }

    List<List<Node>> targets(List<Programme> batch) {
        return programmes.targets(ids(batch));
    }

    List<List<Event>> events(List<Programme> batch) {
        return programmes.events(ids(batch));
    }

    List<Agreement> agreement(List<Programme> batch) {
        return programmes.agreements(ids(batch));
    }

    List<List<Document>> sources(List<Programme> batch) {
        return documents.sourcesOf(batch);
    }

    List<List<Citation>> citations(List<Programme> batch) {
        return batch.stream().map(p -> p.provenance().citations()).toList();
    }

    /** NOT_FOUND naming the first id of the filter that names nothing. */
    private static void found(ProgrammeQuery query, boolean region, boolean implementer, boolean partOf) {
        if (!region) {
            throw new NotFoundException("filter.regionId: no region has id '" + query.regionId() + "'.");
        }
        if (!implementer) {
            throw new NotFoundException("filter.implementerId: no organisation has id '" + query.implementerId() + "'.");
        }
        if (!partOf) {
            throw new NotFoundException("filter.partOfId: no programme has id '" + query.partOfId() + "'.");
        }
    }

    /** The filter checked and normalised; BAD_USER_INPUT naming the first bad field. */
    static ProgrammeQuery validate(ProgrammeFilter filter) {
        if (filter == null) {
            return ProgrammeQuery.ALL;
        }
        String regionId = id("regionId", filter.regionId);
        String implementerId = id("implementerId", filter.implementerId);
        String partOfId = id("partOfId", filter.partOfId);
        if (filter.mode != null && filter.mode.isEmpty()) {
            throw new BadUserInputException("filter.mode: give at least one mode, or leave it out for any mode.");
        }
        if (filter.category != null && filter.category.isEmpty()) {
            throw new BadUserInputException(
                    "filter.category: give at least one category, or leave it out for any category.");
        }
        if (filter.year != null && (filter.year < MIN_YEAR || filter.year > MAX_YEAR)) {
            throw new BadUserInputException("filter.year: must be between " + MIN_YEAR + " and " + MAX_YEAR
                    + " (got " + filter.year + ").");
        }
        String text = filter.text == null ? null : filter.text.strip();
        if (text != null && text.isEmpty()) {
            throw new BadUserInputException("filter.text: must not be blank; leave it out to match any name.");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new BadUserInputException("filter.text: at most " + MAX_TEXT_LENGTH + " characters.");
        }
        boolean includeSubregions = filter.includeSubregions == null || filter.includeSubregions;
        return new ProgrammeQuery(regionId, includeSubregions, filter.mode, filter.category, filter.year,
                implementerId, partOfId, text);
    }

    private static String id(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new BadUserInputException("filter." + field + ": must not be blank; leave it out instead.");
        }
        return value;
    }

    private static String cursor(ProgrammeSort sort, ProgrammeRepository.Row row) {
        return Cursor.of(sort.name(), row.sortKey(), row.programme().id()).encode();
    }

    private static boolean isInteger(String key) {
        try {
            Long.parseLong(key);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> ids(List<Programme> batch) {
        return batch.stream().map(Programme::id).toList();
    }
}
