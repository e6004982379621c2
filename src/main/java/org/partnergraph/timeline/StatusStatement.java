package org.partnergraph.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A status as a document states it: the value, the date it is stated for, and the citations.
 *
 * <p>Stored on the partnership relationship or agreement node in two forms. Every statement, in the order it was
 * recorded, as the parallel lists {@code statusHistoryStatuses}, {@code statusHistoryDates} ('' for undated: Neo4j
 * lists hold no null) and {@code statusHistoryCitations}; a statement's citations are a list of their own and Neo4j
 * lists cannot nest, so each is one JSON text (as fact/StatedFacts stores quantities). Status and date stay plain
 * lists because the timeline filters, orders and pages statements by them in Cypher, which cannot read JSON; the
 * citations are only read here. And the latest statement ({@link #LATEST}) as {@code status}, {@code statusDate}
 * and the parallel lists {@code statusSources}, {@code statusQuotes}, {@code statusImpliedFlags}, as before
 * histories were kept, so every existing reader and filter means the latest. A graph written before (no
 * history lists) has one statement: the latest.
 */
@Type("StatusStatement")
@Description("One statement of a partnership's or an agreement's status: what a document says it was on a date.")
public record StatusStatement(
        @NonNull @Description("The status stated.") CooperationStatus status,
        @Description("The date it is stated for (YYYY, YYYY-MM or YYYY-MM-DD), as precise as the document; for a "
                + "document's 目前 (currently), the document's own date. Null when not stated.") String date,
        @Description("How precise date is; null without one.") DatePrecision precision,
        @NonNull @Description("The documents and quotes that state it.") List<@NonNull Citation> citations,
        @Ignore int recorded) {

    static final StatusStatement NONE = new StatusStatement(null, null, null, List.of(), -1);

    /**
     * Date order: by the first day each date can mean, a year before a month before a day that start on the same
     * day (as the timeline orders), then in the order recorded; undated statements last, in the order recorded.
     */
    public static final Comparator<StatusStatement> DATE_ORDER = Comparator
            .comparing((StatusStatement s) -> sortKey(s.date())).thenComparingInt(StatusStatement::recorded);

    /**
     * The rule for which statement is the status: the last dated one in {@link #DATE_ORDER} (of two with the same
     * date and precision, the one recorded later); an undated statement only when none is dated, the last recorded
     * then. An undated statement cannot be placed after a dated one, and the API does not guess.
     */
    public static final String LATEST = "the latest dated statement (by date; of statements with the same date, the "
            + "one recorded last); an undated one only when none is dated";

    private static final ObjectMapper JSON = new ObjectMapper();

    public StatusStatement {
        citations = List.copyOf(citations);
    }

    /**
     * Reads the latest statement from the status properties of {@code entity}: a node or relationship, or the map
     * of them the partnership statements return under {@code status}.
     */
    public static StatusStatement from(Value entity) {
        if (entity == null || entity.isNull() || entity.get("status").isNull()) {
            return NONE;
        }
        Provenance provenance = new Provenance(entity.get("statusSources").asList(Value::asString, List.of()),
                entity.get("statusQuotes").asList(Value::asString, List.of()),
                entity.get("statusImpliedFlags").asList(Value::asBoolean, List.of()));
        String date = entity.get("statusDate").asString(null);
        return new StatusStatement(CooperationStatus.valueOf(entity.get("status").asString()), date,
                DatePrecision.of(date), provenance.citations(), 0);
    }

    /** Every statement stored on {@code entity} (as {@link #from}), in {@link #DATE_ORDER}. */
    public static List<StatusStatement> history(Value entity) {
        if (entity == null || entity.isNull()) {
            return List.of();
        }
        Value statuses = entity.get("statusHistoryStatuses");
        if (statuses.isNull()) {
            StatusStatement latest = from(entity);
            return latest == NONE ? List.of() : List.of(latest);
        }
        List<String> values = statuses.asList(Value::asString);
        List<String> dates = entity.get("statusHistoryDates").asList(Value::asString);
        List<String> citations = entity.get("statusHistoryCitations").asList(Value::asString);
        List<StatusStatement> history = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String date = dates.get(i).isEmpty() ? null : dates.get(i);
            history.add(new StatusStatement(CooperationStatus.valueOf(values.get(i)), date, DatePrecision.of(date),
                    citations(citations.get(i)), i));
        }
        history.sort(DATE_ORDER);
        return history;
    }

    /** The index of the status among statements dated {@code dates} (in the order recorded; null for undated). */
    public static int latest(List<String> dates) {
        int latest = -1;
        String latestKey = null;
        for (int i = 0; i < dates.size(); i++) {
            String key = sortKey(dates.get(i));
            if (dates.get(i) == null ? latestKey == null : latestKey == null || key.compareTo(latestKey) >= 0) {
                latest = i;
                latestKey = dates.get(i) == null ? null : key;
            }
        }
        return latest;
    }

    /** A statement's stored citations: a JSON list of {document, quote, implied}. */
    public static List<Citation> citations(String stored) {
        List<Citation> citations = new ArrayList<>();
        try {
            for (JsonNode source : JSON.readTree(stored)) {
                citations.add(new Citation(source.path("document").asText(), source.path("quote").asText(),
                        source.path("implied").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Stored status citations are not JSON", e);
        }
        return citations;
    }

    /** The timeline's key of a date (first day, then precision rank); undated sorts after every date. */
    private static String sortKey(String date) {
        if (date == null) {
            return "~";
        }
        return PartialDate.first(date) + " " + switch (date.length()) {
            case 4 -> '1';
            case 7 -> '2';
            default -> '3';
        };
    }
}
