package org.partnergraph.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Value;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.node.Node;

@Type("Agreement")
@Description("An agreement, memorandum or action plan between parties (PARTY_TO).")
public record Agreement(
        @Id @NonNull @Description("Stable business id.") String id,
        @NonNull @Description("Name as the documents give it.") String name,
        @NonNull @Description("What sort of agreement.") AgreementKind kind,
        @Description("Date signed or issued (YYYY, YYYY-MM or YYYY-MM-DD), where stated.") String date,
        @Description("Period it covers, e.g. 2018-2020.") String period,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Agreement from(Value node) {
        return new Agreement(node.get("id").asString(), node.get("name").asString(),
                AgreementKind.valueOf(node.get("kind").asString()), node.get("date").asString(null),
                node.get("period").asString(null), Provenance.from(node));
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
        return "Agreement";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return kind.name();
    }
}
