package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.GraphMigrations;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.GraphRunsClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The provinces written with the graph (what "support from outside the province" compares) are what the
 * walk over the graph says, for every region, organisation, department and major — after the seed, after
 * writes that move a school and give it a department, and after a rebuild. The expected values are worked
 * out here, in Java, from the graph's links, not by the statement under test.
 */
@QuarkusTest
class DerivedProvincesTest extends WriteTest {

    @Inject
    GraphMigrations migrations;

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");

    static final String LINKS = """
            MATCH (a:Entity)-[r:LOCATED_IN|PART_OF|HAS_DEPARTMENT|OFFERS]->(b:Entity)
            RETURN a.id AS from, labels(a) AS fromLabels, type(r) AS type, b.id AS to, labels(b) AS toLabels
            """;

    static final String STORED = """
            MATCH (m) WHERE m:Region OR m:Organization OR m:Department OR m:Major
            RETURN m.id AS id, m.provinces AS provinces
            """;

    /** Every placed node's provinces as stored, by id (null: not stored). */
    Map<String, List<String>> stored() {
        Map<String, List<String>> stored = new TreeMap<>();
        graph.readList(STORED, Map.of(), r -> stored.put(r.get("id").asString(),
                r.get("provinces").isNull() ? null : r.get("provinces").asList(v -> v.asString())));
        return stored;
    }

    /** The same, from the links: regions up PART_OF to the top; organisations down to what they have. */
    Map<String, List<String>> walked(Set<String> ids) {
        Map<String, String> regionParent = new HashMap<>();
        Set<String> regions = new HashSet<>();
        Map<String, Set<String>> locatedIn = new HashMap<>();
        Map<String, Set<String>> has = new HashMap<>();
        Set<String> organizations = new HashSet<>();
        graph.readList(LINKS, Map.of(), r -> {
            String from = r.get("from").asString();
            String to = r.get("to").asString();
            List<Object> fromLabels = r.get("fromLabels").asList();
            List<Object> toLabels = r.get("toLabels").asList();
            if (fromLabels.contains("Region")) {
                regions.add(from);
            }
            if (toLabels.contains("Region")) {
                regions.add(to);
            }
            if (fromLabels.contains("Organization")) {
                organizations.add(from);
            }
            switch (r.get("type").asString()) {
                case "PART_OF" -> {
                    if (fromLabels.contains("Region") && toLabels.contains("Region")) {
                        regionParent.put(from, to);
                    }
                }
                case "LOCATED_IN" -> locatedIn.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                default -> has.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
            return null;
        });
        graph.readList("MATCH (r:Region) RETURN r.id AS id", Map.of(), r -> regions.add(r.get("id").asString()));
        Map<String, Set<String>> provinces = new HashMap<>();
        for (String region : regions) {
            String top = region;
            while (regionParent.containsKey(top)) {
                top = regionParent.get(top);
            }
            provinces.computeIfAbsent(region, k -> new TreeSet<>()).add(top);
        }
        for (String organization : organizations) {
            Set<String> tops = new TreeSet<>();
            locatedIn.getOrDefault(organization, Set.of()).forEach(region -> tops.addAll(provinces.get(region)));
            // The organisation, and what it has up to two steps down.
            Deque<String[]> todo = new ArrayDeque<>(List.<String[]>of(new String[] {organization, "0"}));
            while (!todo.isEmpty()) {
                String[] at = todo.pop();
                provinces.computeIfAbsent(at[0], k -> new TreeSet<>()).addAll(tops);
                if (Integer.parseInt(at[1]) < 2) {
                    has.getOrDefault(at[0], Set.of()).forEach(part -> todo.push(new String[] {part, String.valueOf(
                            Integer.parseInt(at[1]) + 1)}));
                }
            }
        }
        Map<String, List<String>> walked = new TreeMap<>();
        ids.forEach(id -> walked.put(id, List.copyOf(provinces.getOrDefault(id, Set.of()))));
        return walked;
    }

    void assertDerived(String when) {
        Map<String, List<String>> stored = stored();
        assertEquals(walked(stored.keySet()), stored, "provinces " + when);
    }

    @Test
    void theSeedAndTheWriteFixtureHaveTheirProvinces() {
        assertDerived("after the seed");
        Map<String, List<String>> stored = stored();
        assertTrue(stored.size() > 150, "the curated regions, organisations and departments: " + stored.size());
        assertTrue(stored.values().stream().filter(p -> !p.isEmpty()).count() > 100, "most lie somewhere");
        assertEquals(List.of(WriteFixture.PROVINCE), stored.get(WriteFixture.COUNTY));
        assertEquals(List.of(WriteFixture.PROVINCE), stored.get(WriteFixture.SCHOOL));
        assertEquals(List.of(WriteFixture.PROVINCE), stored.get(WriteFixture.DEPARTMENT), "a department: its school's");
        assertEquals(List.of(WriteFixture.EAST), stored.get(WriteFixture.EAST_COLLEGE));
    }

    /**
     * A write recomputes what it moves, not what lies beside it: a new school in a region leaves the other
     * schools of that region alone (their provinces were not written again), so a write costs the same in a
     * region of ten schools and of ten thousand.
     */
    @Test
    void aNewSchoolRecomputesItselfNotItsNeighbours() {
        String sentinel = "test-sentinel-not-recomputed";
        graph.write(tx -> {
            tx.run("MATCH (o:Organization {id: $id}) SET o.provinces = [$sentinel]",
                    Map.of("id", WriteFixture.SCHOOL, "sentinel", sentinel));
            return null;
        });
        try {
            ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-neighbour-school",
                    "name", "省份邻校", "kind", "SCHOOL", "regionId", WriteFixture.COUNTY,
                    "source", WriteFixture.source("邻校")), "key", "test-provinces-neighbour")));
            assertEquals(List.of(WriteFixture.PROVINCE), stored().get("test-w-neighbour-school"));
            assertEquals(List.of(sentinel), stored().get(WriteFixture.SCHOOL), "the school beside it was not rewritten");
        } finally {
            graph.write(tx -> {
                tx.run("MATCH (o:Organization {id: $id}) SET o.provinces = [$province]",
                        Map.of("id", WriteFixture.SCHOOL, "province", WriteFixture.PROVINCE));
                return null;
            });
        }
        assertDerived("after the write");
    }

    /** A graph written before the projector derived provinces gets them from migration V0005. */
    @Test
    void theMigrationGivesAnOlderGraphItsProvinces() throws Exception {
        Map<String, List<String>> derived = stored();
        graph.write(tx -> {
            tx.run("MATCH (m) WHERE m.provinces IS NOT NULL REMOVE m.provinces", Map.of());
            return null;
        });
        assertTrue(stored().values().stream().allMatch(java.util.Objects::isNull), "an older graph: no provinces");
        for (String statement : migrations.statements("V0005__Derived_provinces.cypher")) {
            graph.write(tx -> {
                tx.run(statement, Map.of());
                return null;
            });
        }
        assertEquals(derived, stored(), "the migration computes what the projector writes");
        assertDerived("after the migration");
    }

    @Test
    void movingASchoolMovesItAndItsDepartmentsAndARebuildReproducesThem() {
        String school = "test-w-provinces-school";
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", school, "name", "省份测试学校",
                "kind", "SCHOOL", "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("省份")),
                "key", "test-provinces-school")));
        ok(EDITOR.file("department/addDepartment", Map.of("input", Map.of("id", school + "-dept",
                "organizationId", school, "name", "省份测试系", "source", WriteFixture.source("省份系")),
                "key", "test-provinces-dept")));
        assertEquals(List.of(WriteFixture.PROVINCE), stored().get(school + "-dept"));

        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", school,
                "regionId", WriteFixture.EAST), "key", "test-provinces-school-moved")));
        assertEquals(List.of(WriteFixture.EAST), stored().get(school));
        assertEquals(List.of(WriteFixture.EAST), stored().get(school + "-dept"), "its department moved with it");
        assertDerived("after the writes");

        Map<String, List<String>> live = stored();
        assertEquals("DONE", GraphRunsClient.rebuild(ADMIN).get("status"));
        assertEquals(live, stored(), "the rebuilt graph has the same provinces");
        assertDerived("after the rebuild");
    }
}
