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

@Type("Major")
@Description("A major (专业) offered by an organisation or one of its departments.")
public record Major(
        @Id @NonNull @Description("Stable business id.") String id,
        @NonNull @Description("Name as the documents give it, e.g. 计算机网络技术.") String name,
        @NonNull @Description("Other names the documents use.") List<@NonNull String> shortNames,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Major from(Value node) {
        return new Major(node.get("id").asString(), node.get("name").asString(),
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
        return "Major";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return null;
    }
}
