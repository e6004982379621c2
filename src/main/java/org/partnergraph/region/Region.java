package org.partnergraph.region;

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

@Type("Region")
@Description("A province, prefecture, county or district, in a hierarchy (PART_OF); organisations are located in regions.")
public record Region(
        @Id @NonNull @Description("Stable business id, e.g. yunnan-chuxiong.") String id,
        @NonNull @Description("Official Chinese name, e.g. 楚雄彝族自治州.") String name,
        @NonNull @Description("Short names the documents use, e.g. 楚雄州.") List<@NonNull String> shortNames,
        @Description("English name, where known.") String nameEn,
        @NonNull @Description("Administrative level.") RegionLevel level,
        @NonNull @Description(Node.FACTS) List<@NonNull Fact> facts,
        @Ignore Provenance provenance) implements Node, Sourced {

    public static Region from(Value node) {
        return new Region(
                node.get("id").asString(),
                node.get("name").asString(),
                node.get("shortNames").asList(Value::asString, List.of()),
                node.get("nameEn").asString(null),
                RegionLevel.valueOf(node.get("level").asString()),
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
        return "Region";
    }

    @Override
    @Query("subtype")
    @Description(Node.SUBTYPE)
    public String subtype() {
        return level.name();
    }
}
