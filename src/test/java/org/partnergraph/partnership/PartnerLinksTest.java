package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.GraphMigrations;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.GraphRunsClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;

/**
 * The partner links the projector keeps (PartnerLinks) are, after every kind of change that can alter them,
 * exactly what deriving them afresh from the whole graph gives (migration V0007's statement): a school and
 * its department written, the school moved to another province, the department moved to another
 * organisation, a programme's TARGETS relationship moved to another school, a region moved under another
 * province, and a rebuild from the change log. Each step also names the links it must (and must not) leave.
 * That the links follow the partnership rules is CompiledReadsTest's part: partner lists read from them
 * equal the lists worked out from the partnerships.
 */
@QuarkusTest
class PartnerLinksTest extends WriteTest {

    @Inject
    GraphMigrations migrations;

    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");

    static final String STORED = """
            MATCH (a:Organization)-[l:%s]->(b:Organization)
            RETURN a.id + ' ' + type(l) + ' ' + b.id AS link
            """.formatted(PartnerLinks.ALL_TYPES);

    static final String SCHOOL = "test-links-school";
    static final String DEPARTMENT = "test-links-school-dept";
    static final String PROGRAMME = "test-links-programme";

    Set<String> stored() {
        return new TreeSet<>(graph.readList(STORED, Map.of(), r -> r.get("link").asString()));
    }

    /** The links deriving afresh gives: every link dropped, then the migration's statement over the graph. */
    Set<String> derivedAfresh() throws IOException {
        String statement = migrations.statements("V0007__Partner_links.cypher").get(0);
        graph.write(tx -> {
            tx.run("MATCH ()-[l:" + PartnerLinks.ALL_TYPES + "]->() DELETE l", Map.of());
            tx.run(statement, Map.of());
            return null;
        });
        return stored();
    }

    /** The projector's links, then (the same graph) derived afresh: they must be equal. */
    Set<String> assertKept(String when) throws IOException {
        Set<String> kept = stored();
        Set<String> afresh = derivedAfresh();
        Set<String> missing = new TreeSet<>(afresh);
        missing.removeAll(kept);
        Set<String> stale = new TreeSet<>(kept);
        stale.removeAll(afresh);
        assertEquals(afresh, kept, "partner links " + when + ": missing " + missing + ", stale " + stale);
        return kept;
    }

    /** One change: a bundle of these sections (JSON members), every other section empty. */
    void importBundle(String name, String sections) {
        String empty = List.of("documents", "regions", "organizations", "departments", "majors", "agreements",
                "programmes", "events", "statedCounts", "relationships").stream()
                .filter(section -> !sections.contains("\"" + section + "\":"))
                .map(section -> "\"" + section + "\": []").collect(Collectors.joining(", "));
        datasets.importBundle("{\"bundle\": \"" + name + "\", " + empty + ", " + sections + "}", false, null,
                "system:test");
    }

    static String source(String quote) {
        return "\"sources\": [{\"document\": \"" + WriteFixture.DOCUMENT + "\", \"quote\": \"" + quote + "\"}]";
    }

    static String relationship(String id, String type, String from, String to) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"from\": \"" + from + "\", \"to\": \"" + to
                + "\", " + source(id) + "}";
    }

    @Test
    void theSeededGraphHasItsLinks() throws IOException {
        Set<String> links = assertKept("after the seed");
        assertTrue(links.size() > 40, "the curated network's links: " + links.size());
        assertTrue(links.stream().anyMatch(l -> l.contains(" PARTNER_PAIRED_WITH ")), "pairings");
        assertTrue(links.stream().anyMatch(l -> l.contains(" PARTNER_PROGRAMME ")), "programmes");
    }

    /** Regions and organisations of this test's own (other tests' fixture stays as it was). */
    static final String PROVINCE = "test-links-province";
    static final String COUNTY = "test-links-county";
    static final String EAST = "test-links-east";
    static final String COLLEGE = "test-links-college";
    static final String EAST_COLLEGE = "test-links-east-college";
    static final String OTHER_SCHOOL = "test-links-other-school";

    static String region(String id, String level, String parent) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"level\": \"" + level + "\", "
                + (parent == null ? "" : "\"parent\": \"" + parent + "\", ") + source(id) + "}";
    }

    static String organization(String id, String kind, String region) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"kind\": \"" + kind + "\", \"region\": \""
                + region + "\", " + source(id) + "}";
    }

    @Test
    void everyChangeKeepsTheLinksAndARebuildWritesThemAgain() throws IOException {
        String college = COLLEGE;
        String east = EAST_COLLEGE;
        importBundle("test-links-1", """
                "regions": [%10$s, %11$s, %12$s],
                "organizations": [%13$s, %14$s, %15$s,
                                  {"id": "%1$s", "name": "链接测试学校", "kind": "SECONDARY_VOCATIONAL_SCHOOL",
                                   "region": "%4$s", %5$s}],
                "departments": [{"id": "%2$s", "name": "链接测试系", "organization": "%1$s", %5$s}],
                "programmes": [{"id": "%3$s", "name": "链接测试培训", "category": "TRAINING", "mode": "OTHER",
                                "year": 2025, %5$s}],
                "relationships": [%6$s, %7$s, %8$s, %9$s]
                """.formatted(SCHOOL, DEPARTMENT, PROGRAMME, COUNTY, source("链接测试"),
                relationship("test-links-runs", "RUNS", east, PROGRAMME),
                relationship("test-links-targets", "TARGETS", PROGRAMME, DEPARTMENT),
                relationship("test-links-supports", "SUPPORTS", college, DEPARTMENT),
                relationship("test-links-co-builds", "CO_BUILDS", DEPARTMENT, east),
                region(PROVINCE, "PROVINCE", null), region(COUNTY, "COUNTY", PROVINCE), region(EAST, "PROVINCE", null),
                organization(COLLEGE, "HIGHER_VOCATIONAL_COLLEGE", PROVINCE), organization(EAST_COLLEGE, "UNIVERSITY", EAST),
                organization(OTHER_SCHOOL, "SECONDARY_VOCATIONAL_SCHOOL", COUNTY)));
        Set<String> links = assertKept("after a school, its department, a programme and support were written");
        assertTrue(links.contains(east + " PARTNER_PROGRAMME " + SCHOOL), "a programme into its department, from outside");
        assertTrue(links.contains(college + " PARTNER_SUPPORTS " + SCHOOL), "support of its department counts for it");
        assertTrue(links.contains(SCHOOL + " PARTNER_CO_BUILDS " + east), "its department co-builds: it gives");

        importBundle("test-links-2", """
                "organizations": [{"id": "%s", "name": "链接测试学校", "kind": "SECONDARY_VOCATIONAL_SCHOOL",
                                   "region": "%s", %s}]""".formatted(SCHOOL, EAST, source("迁校")));
        links = assertKept("after the school moved into the programme's province");
        assertFalse(links.contains(east + " PARTNER_PROGRAMME " + SCHOOL), "no longer from outside");
        assertTrue(links.contains(college + " PARTNER_SUPPORTS " + SCHOOL));

        importBundle("test-links-3", """
                "departments": [{"id": "%s", "name": "链接测试系", "organization": "%s", %s}]"""
                .formatted(DEPARTMENT, college, source("迁系")));
        links = assertKept("after the department moved to the college");
        assertTrue(links.stream().noneMatch(l -> l.contains(SCHOOL + " ") || l.endsWith(" " + SCHOOL)),
                "the school kept nothing: " + links);
        assertTrue(links.contains(college + " PARTNER_CO_BUILDS " + east), "the department now co-builds for the college");
        assertTrue(links.contains(east + " PARTNER_PROGRAMME " + college), "the programme now targets the college");
        assertFalse(links.contains(college + " PARTNER_SUPPORTS " + college), "no organisation partners itself");

        importBundle("test-links-4", "\"relationships\": [" + relationship("test-links-targets", "TARGETS", PROGRAMME,
                OTHER_SCHOOL) + "]");
        links = assertKept("after the programme's TARGETS moved to another school");
        assertFalse(links.contains(east + " PARTNER_PROGRAMME " + college), "the old target's link went");
        assertTrue(links.contains(east + " PARTNER_PROGRAMME " + OTHER_SCHOOL), "the new target's came");

        importBundle("test-links-5", "\"regions\": [" + region(COUNTY, "COUNTY", EAST) + "]");
        links = assertKept("after the school's county moved under the programme's province");
        assertFalse(links.contains(east + " PARTNER_PROGRAMME " + OTHER_SCHOOL), "no longer from outside");

        Set<String> live = stored();
        assertEquals("DONE", GraphRunsClient.rebuild(ADMIN).get("status"));
        assertEquals(live, stored(), "the rebuilt graph has the same links");
    }

    /**
     * A rebuild writes the log without partner links and derives them all at its end; the graph notes the debt
     * when it is cleared. A rebuild cut short (the service or Neo4j dying before the end) leaves links missing
     * and the note set: the next drain, whatever change it applies, derives them all and clears the note.
     */
    @Test
    void linksARebuildOwesAreDerivedByTheNextDrain() throws IOException {
        String school = "test-links-owed-school";
        String supporter = "test-links-owed-supporter";
        importBundle("test-links-owed", """
                "regions": [%s],
                "organizations": [%s, %s],
                "relationships": [%s]""".formatted(region("test-links-owed-province", "PROVINCE", null),
                organization(school, "SECONDARY_VOCATIONAL_SCHOOL", "test-links-owed-province"),
                organization(supporter, "UNIVERSITY", "test-links-owed-province"),
                relationship("test-links-owed-supports", "SUPPORTS", supporter, school)));
        String link = supporter + " PARTNER_SUPPORTS " + school;
        assertTrue(stored().contains(link));
        graph.write(tx -> {
            tx.run("MATCH (:Organization {id: $id})-[l:" + PartnerLinks.ALL_TYPES + "]-() DELETE l", Map.of("id", supporter));
            tx.run("MATCH (p:__Projection {id: 'change-log'}) SET p.linksPending = true", Map.of());
            return null;
        });
        assertFalse(stored().contains(link), "cut short: the link is missing");

        importBundle("test-links-owed-2", "\"regions\": [" + region("test-links-owed-elsewhere", "PROVINCE", null) + "]");
        assertTrue(stored().contains(link), "the next drain derived the owed links");
        assertEquals(List.of(false), graph.readList("MATCH (p:__Projection {id: 'change-log'}) "
                + "RETURN p.linksPending IS NOT NULL AS owed", Map.of(), r -> r.get("owed").asBoolean()), "debt cleared");
        assertKept("after a drain paid the links a rebuild owed");
    }

    /** The links are derived data: paths, statistics and exports see the dataset's relationships only. */
    @Test
    void pathsAndStatisticsDoNotSeeTheLinks() {
        String school = "test-links-path-school";
        String department = school + "-dept";
        String supporter = "test-links-path-supporter";
        importBundle("test-links-path", """
                "regions": [%s],
                "organizations": [%s, %s],
                "departments": [{"id": "%s", "name": "路径测试系", "organization": "%s", %s}],
                "relationships": [%s]""".formatted(region("test-links-path-province", "PROVINCE", null),
                organization(school, "SECONDARY_VOCATIONAL_SCHOOL", "test-links-path-province"),
                organization(supporter, "UNIVERSITY", "test-links-path-province"), department, school,
                source("路径测试系"), relationship("test-links-path-supports", "SUPPORTS", supporter, department)));
        assertTrue(stored().contains(supporter + " PARTNER_SUPPORTS " + school));
        JsonPath path = ok(GraphQLClient.anonymous().file("analytics/shortestPath", Map.of(
                "fromId", supporter, "toId", school)));
        assertEquals(2, path.getInt("data.shortestPath.length"), "through the department, not the derived link");
        List<String> types = ok(GraphQLClient.as("alice", "analyst").file("dataset/graphStats"))
                .getList("data.graphStats.relationshipTypes.name");
        assertTrue(types.contains("SUPPORTS"), "" + types);
        assertTrue(types.stream().noneMatch(t -> t.startsWith("PARTNER_")), "" + types);
    }
}
