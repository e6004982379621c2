package org.partnergraph.department;

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
import org.partnergraph.node.Node;

@Type("Department")
@Description("A department (系, 部) or teaching-research office (教研室) of an organisation. "
        + "Departments can be supported on their own, e.g. 以校包系: a Shanghai college supports one department.")
public record Department(
        @Id @NonNull @Description("Stable business id, e.g. kashgar-polytechnic-civil-engineering.") String id,
        @NonNull @Description("Name as the documents give it, e.g. 土木工程系.") String name,
        @NonNull @Description("Other names the documents use.") List<@NonNull String> shortNames,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Department from(Value node) {
        return new Department(node.get("id").asString(), node.get("name").asString(),
                node.get("shortNames").asList(Value::asString, List.of()), StatedFacts.facts(node), Provenance.from(node));
    }

    @Override
    @Query("label")
    @NonNull
    @Description(Node.LABEL)
    public String label() {
        return name;
    }

    @Override
    @Query("type")
    @NonNull
    @Description(Node.TYPE)
    public String type() {
        return "Department";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return null;
    }
}
