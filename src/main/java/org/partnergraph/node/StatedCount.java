package org.partnergraph.node;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.StatedFacts;

@Type("StatedCount")
@Description("A count a document states without naming every member (\"22所院校\", \"28个职教集团\"). "
        + "The graph keeps the count and only the members the document names; namedCount ≤ count.")
public record StatedCount(
        @Id @NonNull @Description("Stable business id.") String id,
        @NonNull @Description("The number the document states.") int count,
        @NonNull @Description("What is counted, in the document's words.") String description,
        @NonNull @Description("True when the document's list of the counted members ends open (等, \"… and others\"): "
                + "the named members are examples, not the list. False when it gives the count alone or names every member.")
        boolean openList,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static StatedCount from(Value node) {
        return new StatedCount(node.get("id").asString(), node.get("count").asInt(),
                node.get("description").asString(), node.get("openList").asBoolean(false), StatedFacts.facts(node), Provenance.from(node));
    }

    @Override
    @Query("label")
    @NonNull
    @Description(Node.LABEL)
    public String label() {
        return count + " " + description;
    }

    @Override
    @Query("type")
    @NonNull
    @Description(Node.TYPE)
    public String type() {
        return "StatedCount";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return null;
    }
}
