package org.partnergraph.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;
import org.partnergraph.partnership.PartnerLinks;
import org.partnergraph.search.SearchNames;

/**
 * Writes the effect of a validated bundle into a Neo4j write transaction (the change-log projector's).
 * Every statement MERGEs on ids and replaces properties, so writing the same effect twice changes nothing.
 * Labels and relationship types cannot be Cypher parameters; the statements per label and type
 * are built once, from the fixed vocabularies below, never from input.
 */
@ApplicationScoped
public class BundleWriter {

    /** Derived links owned by the node at their end (a department owns its HAS_DEPARTMENT). */
    static final Set<String> OWNED_BY_TARGET = Set.of("HAS_DEPARTMENT", "OFFERS");

    static final List<String> LABELS = List.copyOf(BundleReader.SECTION_LABELS.values());
    /** The relationship types the dataset writes (stated ones and those that come from a node's fields). */
    public static final List<String> TYPES = types();

    /**
     * The relationship types the dataset writes, as an alternation for patterns that walk "any" relationship
     * (exports, paths, neighbourhoods, counts): they must not see derived links such as the partner links.
     */
    public static final String DATASET_TYPES = String.join("|", TYPES);

    private static final Map<String, String> UPSERT_NODES = LABELS.stream().collect(Collectors.toMap(l -> l, l -> """
            UNWIND $rows AS row
            MERGE (n:Entity {id: row.id})
            SET n = row, n:%s
            """.formatted(l)));

    /** Drops a derived link whose field changed (a region moved, a parent replaced) before the new one is merged. */
    private static final Map<String, String> DROP_STALE_DERIVED = TYPES.stream().collect(Collectors.toMap(t -> t, t -> (OWNED_BY_TARGET.contains(t) ? """
            UNWIND $owners AS owner
            MATCH ()-[r:%s {derived: true}]->(:Entity {id: owner})
            WHERE NOT r.id IN $keep
            DELETE r
            """ : """
            UNWIND $owners AS owner
            MATCH (:Entity {id: owner})-[r:%s {derived: true}]->()
            WHERE NOT r.id IN $keep
            DELETE r
            """).formatted(t)));

    /** An explicit relationship whose id now connects other nodes is moved, not duplicated. */
    private static final Map<String, String> DROP_MOVED = TYPES.stream().collect(Collectors.toMap(t -> t, t -> """
            UNWIND $rows AS row
            MATCH (a)-[r:%s {id: row.props.id}]->(b)
            WHERE a.id <> row.from OR b.id <> row.to
            DELETE r
            RETURN a.id AS from, b.id AS to
            """.formatted(t)));

    private static final Map<String, String> UPSERT_RELATIONSHIPS = TYPES.stream().collect(Collectors.toMap(t -> t, t -> """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.from})
            MATCH (b:Entity {id: row.to})
            MERGE (a)-[r:%s {id: row.props.id}]->(b)
            SET r = row.props
            """.formatted(t)));

    /**
     * Which provinces (top-level regions) a region, organisation, department or major lies in, written with
     * the change that moves it, so that reads compare two lists instead of walking {@code PART_OF*} (the
     * support rules' "from outside the province"): a region lies in the top of its PART_OF chain; an
     * organisation, and the departments and majors it has (HAS_DEPARTMENT|OFFERS, up to two steps), in the
     * provinces of the regions the organisation is located in. {@code $written} are nodes the change wrote
     * (their properties were replaced): each gets its own again. {@code $moved} are nodes the change placed
     * somewhere (the start of a LOCATED_IN or PART_OF it wrote, the end of a HAS_DEPARTMENT or OFFERS): what
     * lies in them follows, that is the regions under a region, the organisations located there, and what an
     * organisation or department has. A new school in a big region costs the school, not the region.
     */
    static final String DERIVE_PROVINCES = """
            CALL {
              UNWIND $moved AS id
              MATCH (n:Entity {id: id})
              CALL (n) {
                MATCH (r:Region)-[:PART_OF*0..]->(n) RETURN r AS root
                UNION
                MATCH (o:Organization)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(n) RETURN o AS root
                UNION
                RETURN n AS root
              }
              MATCH (root)-[:HAS_DEPARTMENT|OFFERS*0..2]->(m)
              RETURN m
              UNION
              UNWIND $written AS id
              MATCH (m:Entity {id: id})
              RETURN m
            }
            WITH DISTINCT m
            WHERE m:Region OR m:Organization OR m:Department OR m:Major
            WITH m, m.provinces AS before
            SET m.provinces = COLLECT {
              CALL (m) {
                MATCH (m)-[:PART_OF*0..]->(p:Region) WHERE m:Region AND NOT EXISTS { (p)-[:PART_OF]->(:Region) }
                RETURN p.id AS province
                UNION
                MATCH (m)<-[:HAS_DEPARTMENT|OFFERS*0..2]-(:Organization)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(p:Region)
                WHERE NOT EXISTS { (p)-[:PART_OF]->(:Region) }
                RETURN p.id AS province
              }
              RETURN province ORDER BY province
            }
            WITH m WHERE before IS NULL OR before <> m.provinces
            RETURN collect(m.id) AS changed
            """;

    /** Links that place their start (it lies in, or is part of, their end). */
    static final Set<String> PLACING_START = Set.of("LOCATED_IN", "PART_OF");
    /** Links that place their end (a department or major lies where what has it lies). */
    static final Set<String> PLACING_END = Set.of("HAS_DEPARTMENT", "OFFERS");

    /** The links the partner links (partnership.PartnerLinks) follow: a change to one may alter them. */
    static final Set<String> LINKING = Set.of("PAIRED_WITH", "SUPPORTS", "CO_BUILDS", "RUNS", "TARGETS",
            "HAS_DEPARTMENT", "OFFERS");

    /**
     * Writes every node, then every relationship, of one change's effect, then what follows from them: the
     * provinces of what it placed, and the partner links of the organisations it can have touched (those the
     * change's linking relationships reached before it and after it, where an explicit relationship it moved
     * ran from and to, and what changed province).
     */
    public void write(Graph.Tx tx, Effect effect) {
        Set<Object> organizations = new LinkedHashSet<>();
        write(tx, effect, organizations);
        deriveLinks(tx, organizations);
    }

    /**
     * As {@link #write(Graph.Tx, Effect)}, but the partner links are left to {@link #deriveLinks}: the
     * organisations whose links the change can alter are added to {@code organizations}. A batch of changes in
     * one transaction (the projector's drain, a replay) derives them once, at its end: a change of a hub
     * organisation recomputes all its links, and doing that per change went quadratic.
     */
    public void write(Graph.Tx tx, Effect effect, Set<Object> organizations) {
        Set<Object> seeds = linkSeeds(effect);
        organizations.addAll(affected(tx, seeds));
        seeds.addAll(writeEffect(tx, effect));
        organizations.addAll(affected(tx, seeds));
    }

    /**
     * Writes the change and what follows from it except the partner links: a rebuild writes the whole log
     * this way and derives every organisation's links once at its end (GraphProjection#deriveAllLinks), where
     * keeping them per batch re-derived the same hubs for every batch of the log.
     */
    public void writeWithoutLinks(Graph.Tx tx, Effect effect) {
        writeEffect(tx, effect);
    }

    /**
     * Every node, then every relationship, of the change, then the provinces of what it placed. Answers the
     * nodes whose partner links it may have altered beyond its own linking relationships: the ends of explicit
     * relationships it moved, and what changed province.
     */
    private Set<Object> writeEffect(Graph.Tx tx, Effect effect) {
        Set<Object> seeds = new LinkedHashSet<>();
        // The pinyin a node is found by is derived here, not stored with the change: a replay or rebuild
        // derives it again, and changes logged before it existed get it too.
        effect.nodes().forEach((label, rows) -> tx.run(statement(UPSERT_NODES, label),
                Map.of("rows", rows.stream().map(SearchNames::withPinyin).toList())));
        effect.relationships().forEach((type, rows) -> {
            List<Map<String, Object>> derived = rows.stream().filter(BundleWriter::isDerived).toList();
            List<Map<String, Object>> explicit = rows.stream().filter(r -> !isDerived(r)).toList();
            if (!derived.isEmpty()) {
                tx.run(statement(DROP_STALE_DERIVED, type), Map.of(
                        "owners", derived.stream().map(r -> r.get("owner")).distinct().toList(),
                        "keep", derived.stream().map(BundleWriter::id).toList()));
            }
            if (!explicit.isEmpty()) {
                tx.list(statement(DROP_MOVED, type), Map.of("rows", explicit.stream().map(BundleWriter::wire).toList()),
                        r -> List.of(r.get("from").asObject(), r.get("to").asObject())).forEach(seeds::addAll);
            }
            tx.run(statement(UPSERT_RELATIONSHIPS, type), Map.of("rows", rows.stream().map(BundleWriter::wire).toList()));
        });
        Placed placed = placed(effect);
        if (!placed.written().isEmpty() || !placed.moved().isEmpty()) {
            tx.single(DERIVE_PROVINCES, Map.of("written", placed.written(), "moved", placed.moved()),
                    r -> r.get("changed").asList(Value::asObject)).ifPresent(seeds::addAll);
        }
        return seeds;
    }

    /** Drops and writes again every partner link of {@code organizations}, from the graph as it stands. */
    public void deriveLinks(Graph.Tx tx, Set<Object> organizations) {
        if (!organizations.isEmpty()) {
            Map<String, Object> parameters = Map.of("organizations", List.copyOf(organizations));
            tx.run(PartnerLinks.DROP, parameters);
            tx.run(PartnerLinks.DERIVE, parameters);
        }
    }

    /** The ends of the change's linking relationships (LINKING), whose organisations' partner links may change. */
    static Set<Object> linkSeeds(Effect effect) {
        Set<Object> seeds = new LinkedHashSet<>();
        effect.relationships().forEach((type, rows) -> {
            if (LINKING.contains(type)) {
                rows.forEach(row -> {
                    seeds.add(row.get("from"));
                    seeds.add(row.get("to"));
                });
            }
        });
        return seeds;
    }

    private static List<Object> affected(Graph.Tx tx, Set<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.single(PartnerLinks.AFFECTED, Map.of("ids", List.copyOf(ids)),
                r -> r.get("organizations").asList(Value::asObject)).orElse(List.of());
    }

    /** The nodes a change wrote, and those its links placed somewhere (see DERIVE_PROVINCES). */
    record Placed(List<Object> written, List<Object> moved) {
    }

    static Placed placed(Effect effect) {
        Set<Object> written = new LinkedHashSet<>();
        effect.nodes().values().forEach(rows -> rows.forEach(row -> written.add(row.get("id"))));
        Set<Object> moved = new LinkedHashSet<>();
        effect.relationships().forEach((type, rows) -> rows.forEach(row -> {
            if (PLACING_START.contains(type)) {
                moved.add(row.get("from"));
            } else if (PLACING_END.contains(type)) {
                moved.add(row.get("to"));
            }
        }));
        return new Placed(List.copyOf(written), List.copyOf(moved));
    }

    /** Labels and types come from stored changes: only the fixed vocabularies are ever turned into Cypher. */
    private static String statement(Map<String, String> statements, String key) {
        String cypher = statements.get(key);
        if (cypher == null) {
            throw new IllegalArgumentException("Not a label or relationship type of the dataset: " + key);
        }
        return cypher;
    }

    private static boolean isDerived(Map<String, Object> row) {
        return row.containsKey("owner");
    }

    private static Object id(Map<String, Object> row) {
        return ((Map<?, ?>) row.get("props")).get("id");
    }

    /** Only what the statements read goes over the wire. */
    private static Map<String, Object> wire(Map<String, Object> row) {
        return Map.of("from", row.get("from"), "to", row.get("to"), "props", row.get("props"));
    }

    private static List<String> types() {
        List<String> types = new ArrayList<>();
        for (RelationshipType type : RelationshipType.values()) {
            types.add(type.name());
        }
        for (String derived : List.of("LOCATED_IN", "HAS_DEPARTMENT", "OFFERS", "COUNTS", "NAMES")) {
            types.add(derived);
        }
        return List.copyOf(types);
    }
}
