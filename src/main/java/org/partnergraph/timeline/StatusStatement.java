package org.partnergraph.timeline;

import java.util.List;

import org.neo4j.driver.Value;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Provenance;

/**
 * A status as a document states it: the value, the date it is stated for, and the citations. Stored on the
 * partnership relationship or agreement node as {@code status}, {@code statusDate} and the parallel lists
 * {@code statusSources}, {@code statusQuotes}, {@code statusImpliedFlags} (Neo4j properties cannot hold maps).
 */
public record StatusStatement(CooperationStatus status, String date, List<Citation> citations) {

    static final StatusStatement NONE = new StatusStatement(null, null, List.of());

    /**
     * Reads the status properties of {@code entity}: a node or relationship, or the map of them the
     * partnership statements return under {@code status}.
     */
    public static StatusStatement from(Value entity) {
        if (entity == null || entity.isNull() || entity.get("status").isNull()) {
            return NONE;
        }
        Provenance provenance = new Provenance(entity.get("statusSources").asList(Value::asString, List.of()),
                entity.get("statusQuotes").asList(Value::asString, List.of()),
                entity.get("statusImpliedFlags").asList(Value::asBoolean, List.of()));
        return new StatusStatement(CooperationStatus.valueOf(entity.get("status").asString()),
                entity.get("statusDate").asString(null), provenance.citations());
    }
}
