package org.partnergraph.partnership;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who partners whom, kept in the graph as one relationship per supporter organisation, supported organisation
 * and kind ({@code (:Organization)-[:PARTNER_PAIRED_WITH]->(:Organization)} …), so that a partner list without
 * link details is one expansion from the organisation, as a hand-written query over organisation-level
 * relationships would be, instead of a walk through departments and majors, programmes and province checks
 * at every read. The links follow {@link PartnerRules}: stated support (pairing, support, co-building) given or
 * received by an organisation itself or through its departments and majors, and programmes it runs that target
 * it, its departments or majors from outside their province; a department or major counts for the organisation
 * that has it; regions are no partners; an organisation is not its own partner.
 * <p>
 * They are derived data: the projector writes them with the change that alters them
 * (dataset.BundleWriter), so replaying the change log ({@code rebuildGraph}) writes them again, and migration
 * V0007 derives them for graphs written before. They are not part of the dataset: exports, paths, neighbourhoods
 * and the graph's statistics walk only the dataset's relationship types (dataset.BundleWriter#DATASET_TYPES).
 */
public final class PartnerLinks {

    private PartnerLinks() {
    }

    /** The link's relationship type for a kind: a fixed name per enum constant, never client text. */
    static String type(PartnershipKind kind) {
        return "PARTNER_" + kind.name();
    }

    /** Every link type, as a relationship-type alternation. */
    public static final String ALL_TYPES = Arrays.stream(PartnershipKind.values()).map(PartnerLinks::type)
            .collect(Collectors.joining("|"));

    /** The link types of these kinds (null: all) as an alternation. */
    static String types(List<PartnershipKind> kinds) {
        return kinds == null ? ALL_TYPES : kinds.stream().map(PartnerLinks::type).collect(Collectors.joining("|"));
    }

    /**
     * The organisations whose links a change to the nodes {@code $ids} can alter, one end of every such link:
     * the organisation a node is or belongs to (a department or major, up to two steps), and the implementers
     * of a programme. The projector asks before and after writing a change, so an organisation a department
     * left is recomputed as well as the one it joined.
     */
    public static final String AFFECTED = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            CALL (n) {
              MATCH (org:Organization)-[:HAS_DEPARTMENT|OFFERS*0..2]->(n)
              RETURN org
              UNION
              MATCH (org:Organization)-[:RUNS]->(n:Programme)
              RETURN org
            }
            RETURN collect(DISTINCT org.id) AS organizations
            """;

    /** Drops every link of the organisations {@code $organizations}, in both directions, before DERIVE. */
    public static final String DROP = """
            UNWIND $organizations AS id
            MATCH (:Organization {id: id})-[link:%s]-()
            WITH DISTINCT link
            DELETE link
            """.formatted(ALL_TYPES);

    /**
     * Writes every link of the organisations {@code $organizations}, given and received: together with DROP,
     * afterwards their links are exactly what the graph implies. MERGE, so a link between two of them is one.
     */
    public static final String DERIVE = """
            UNWIND $organizations AS id
            MATCH (o:Organization {id: id})
            CALL (o) {
              MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->()-[r:%1$s]->(x)
              RETURN o AS giver, x AS receiver, type(r) AS kind
              UNION
              MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->()<-[r:%1$s]-(x)
              RETURN x AS giver, o AS receiver, type(r) AS kind
              UNION
              MATCH (o)-[:RUNS]->(:Programme)-[:TARGETS]->(target)
              WITH o AS s, target
              WHERE %2$s
              RETURN s AS giver, target AS receiver, 'PROGRAMME' AS kind
              UNION
              MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->(target)<-[:TARGETS]-(:Programme)<-[:RUNS]-(s:Organization)
              WHERE %2$s
              RETURN s AS giver, o AS receiver, 'PROGRAMME' AS kind
            }
            WITH DISTINCT giver, receiver, kind
            WITH %3$s AS a, %4$s AS b, kind
            WITH DISTINCT a, b, kind
            WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
            %5$s
            """.formatted(PartnerRules.STATED_TYPES, PartnerRules.FROM_OUTSIDE.strip(),
            PartnerRules.organizationOf("giver", "owner"), PartnerRules.organizationOf("receiver", "owner"),
            Arrays.stream(PartnershipKind.values()).map(kind -> "FOREACH (_ IN CASE WHEN kind = '%s' THEN [1] ELSE [] END | MERGE (a)-[:%s]->(b))"
                    .formatted(kind.name(), type(kind))).collect(Collectors.joining("\n")));
}
