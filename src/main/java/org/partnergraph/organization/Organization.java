package org.partnergraph.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnergraph.document.Provenance;
import org.partnergraph.document.Sourced;
import org.partnergraph.fact.Fact;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.node.Node;

@Type("Organization")
@Description("A body in the network: the education commission and its offices, districts' bureaus, "
        + "alliances and groups, universities, colleges, schools, enterprises.")
public record Organization(
        @Id @NonNull @Description("Stable business id, e.g. chuxiong-medical-college.") String id,
        @NonNull @Description("Official Chinese name, e.g. 楚雄医药高等专科学校.") String name,
        @NonNull @Description("Short names and aliases the documents use, e.g. 楚雄医专.") List<@NonNull String> shortNames,
        @Description("English name, where known.") String nameEn,
        @NonNull @Description("What sort of body it is.") OrganizationKind kind,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    /** Maps a row that returns the organisation node as {@code o}. */
    static Organization from(Record record) {
        return from(record.get("o"));
    }

    public static Organization from(Value node) {
        return new Organization(
                node.get("id").asString(),
                node.get("name").asString(),
                node.get("shortNames").asList(Value::asString, List.of()),
                node.get("nameEn").asString(null),
                OrganizationKind.valueOf(node.get("kind").asString()),
                StatedFacts.facts(node), Provenance.from(node));
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
        return "Organization";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return kind.name();
    }
}
