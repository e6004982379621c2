package org.partnergraph.timeline;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnergraph.change.Drafts;
import org.partnergraph.change.SourceInput;
import org.partnergraph.dataset.Problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A status statement added to a partnership's or an agreement's row, as setPartnershipStatus and
 * setAgreementStatus write it: the row's first statement when it has none (status, statusDate, statusSources),
 * else one more in {@code furtherStatuses}. The row is then validated as any bundle row is, so a statement from a
 * mutation obeys exactly the importer's rules (dates, documents, quotes, no duplicate, no personal data).
 */
public final class StatusDrafts {

    static final String FURTHER = "furtherStatuses";

    /** A field of a statement in furtherStatuses: furtherStatuses[2].sources[0].quote. */
    private static final Pattern FURTHER_FIELD = Pattern.compile(FURTHER + "\\[\\d+](\\.(status|date|sources))?(.*)");
    private static final Pattern SOURCE_PART = Pattern.compile("(\\[\\d+])?(\\.(document|quote|implied))?");

    private StatusDrafts() {
    }

    /** Adds the statement to {@code row} (a copy of the ledger's row). */
    public static void add(ObjectNode row, CooperationStatus status, String date, SourceInput source) {
        if (!row.hasNonNull("status")) {
            row.put("status", status == null ? null : status.name());
            Drafts.put(row, "statusDate", date);
            row.remove("statusSources");
            Drafts.cite(row, "statusSources", source);
            return;
        }
        ArrayNode further = row.has(FURTHER) && row.get(FURTHER).isArray() ? (ArrayNode) row.get(FURTHER)
                : row.putArray(FURTHER);
        ObjectNode statement = further.addObject();
        statement.put("status", status == null ? null : status.name());
        Drafts.put(statement, "date", date);
        Drafts.cite(statement, "sources", source);
    }

    /**
     * The client's names for the fields of the bundle row the statement went into: status → input.status, a
     * statement's date → input.statusDate, its citations → input.source…, a whole statement (a duplicate) →
     * input; any other field → input.{@code field} through {@code others}.
     */
    public static UnaryOperator<String> fieldNames(UnaryOperator<String> others) {
        return field -> {
            Matcher further = FURTHER_FIELD.matcher(field);
            if (further.matches()) {
                if (further.group(2) == null) {
                    return "input";
                }
                return switch (further.group(2)) {
                    case "status" -> "input.status";
                    case "date" -> "input.statusDate";
                    default -> source(further.group(3));
                };
            }
            if (field.equals("statusDate")) {
                return "input.statusDate";
            }
            if (field.startsWith("statusSources")) {
                return source(field.substring("statusSources".length()));
            }
            return others.apply(field);
        };
    }

    private static String source(String rest) {
        Matcher part = SOURCE_PART.matcher(rest);
        if (!part.matches() || part.group(3) == null) {
            return "input.source";
        }
        return "input.source." + ("document".equals(part.group(3)) ? "documentId" : part.group(3));
    }

    /**
     * A mutation's statement is always dated (the input requires it): a blank date would be read as an undated
     * statement (the importer drops blank optional fields), so it is refused here as not a date.
     */
    public static void checkDate(String date, List<Problem> problems) {
        if (date != null && date.isBlank()) {
            problems.add(new Problem("input", "statusDate", "'" + date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
        }
    }

    /** One line for the change history. */
    public static String summary(String noun, String id, CooperationStatus status, String date) {
        String summary = "Stated " + noun + " " + id + " " + status + (date == null ? "" : " on " + date);
        return summary.length() > 500 ? summary.substring(0, 500) : summary;
    }
}
