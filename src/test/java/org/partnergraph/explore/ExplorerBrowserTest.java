package org.partnergraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.partnergraph.security.Roles;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.NodePackages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The explorer page in Debian's headless Chromium (npm playwright-core pointed at /usr/bin/chromium, never a
 * downloaded browser): one run of src/test/node/explorer/explore.mjs searches, clicks, follows a deep link,
 * finds a path, reads the chart and signs in, and reports what the page showed; each test compares one part
 * of that with the API's own answer. ensure-chromium.sh installs Debian's chromium and fonts-noto-cjk first
 * where they are missing (a fresh CI machine). Screenshots go to target/explorer/.
 */
@QuarkusTest
class ExplorerBrowserTest {

    static final Path SOURCE = Path.of("src", "test", "node", "explorer");
    static final Path WORK = Path.of("target", "explorer-browser");
    static final Path SHOTS = Path.of("target", "explorer");
    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", Roles.ANALYST);

    private static JsonNode observed;

    @TestHTTPResource("/")
    URL base;

    /** The page's run, once for the class: the browser start and the scenario take a few seconds. */
    synchronized JsonNode page() throws Exception {
        if (observed == null) {
            long started = System.nanoTime();
            NodePackages.run(List.of("bash", SOURCE.resolve("ensure-chromium.sh").toString()), Path.of("."), 10,
                    "Debian's chromium and fonts-noto-cjk are needed for the explorer's browser tests");
            long installed = System.nanoTime();
            NodePackages.install(SOURCE, WORK, List.of("package.json", "explore.mjs"));
            long npm = System.nanoTime();
            Files.createDirectories(SHOTS);
            String token = OidcWiremockTestResource.generateJwtToken("alice", Set.of(Roles.ANALYST), "alice", "Bearer");
            String output = NodePackages.run(List.of("node", "explore.mjs", base.toString().replaceAll("/$", ""), token,
                    SHOTS.toAbsolutePath().toString()), WORK, 3, "the explorer's browser run failed");
            System.out.printf("explorer browser test: chromium check/install %.1f s, npm ci %.1f s, browser run %.1f s%n",
                    (installed - started) / 1e9, (npm - installed) / 1e9, (System.nanoTime() - npm) / 1e9);
            String line = Arrays.stream(output.split("\n")).filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser run printed no result:\n" + output));
            observed = new ObjectMapper().readTree(line.substring("RESULT ".length()));
        }
        return observed;
    }

    /** What the page showed in one step of the run; a step that stopped fails the tests that read it. */
    JsonNode step(String name) throws Exception {
        JsonNode run = page();
        JsonNode error = run.get("errors").get(name);
        assertTrue(error == null, () -> "the browser run's step '" + name + "' stopped: " + error.asText()
                + "\nscript errors " + run.get("pageErrors") + ", failed requests " + run.get("failed"));
        return run.get(name);
    }

    @Test
    void searchingKashgarDrawsItWithItsSupporters() throws Exception {
        JsonNode search = step("search");
        String expected = ok(ANONYMOUS.query("query($t: String!) { search(text: $t, first: 1) { node { id label } } }",
                Map.of("t", "喀什理工"))).getString("data.search[0].node.id");
        assertEquals(expected, search.get("focused").asText(), "the first hit is focused");
        assertEquals("喀什理工职业技术学院", search.get("hits").get(0).get("text").asText().split(" ")[0]);

        List<Map<String, Object>> supporters = ok(ANONYMOUS.query("""
                query($id: ID!) { supportersOf(id: $id) { id kind supporter { id } supported { id } } }""",
                Map.of("id", expected))).getList("data.supportersOf");
        assertFalse(supporters.isEmpty(), "the fixture school has supporters");
        Set<String> nodes = texts(search.get("nodes"));
        Set<String> edges = new TreeSet<>();
        search.get("edges").forEach(e -> edges.add(e.get("id").asText() + " " + e.get("type").asText() + " "
                + e.get("from").asText() + " " + e.get("to").asText()));
        List<String> supporterIds = new ArrayList<>();
        for (Map<String, Object> p : supporters) {
            String supporter = id(p.get("supporter"));
            String supported = id(p.get("supported"));
            supporterIds.add(supporter);
            assertTrue(nodes.contains(supporter) && nodes.contains(supported), supporter + " → " + supported);
            assertTrue(edges.contains(p.get("id") + " " + p.get("kind") + " " + supporter + " " + supported),
                    () -> p.get("id") + " is drawn from supporter to supported: " + edges);
        }
        assertEquals(supporterIds, list(search.get("panelSupporters")), "the side panel lists the supporters in the API's order");
    }

    @Test
    void clickingANodeAddsItsNeighbours() throws Exception {
        JsonNode expand = step("expand");
        String clicked = expand.get("clicked").asText();
        assertEquals(step("search").get("panelSupporters").get(0).asText(), clicked, "the clicked supporter expanded");
        Set<String> before = texts(expand.get("before"));
        Set<String> after = texts(expand.get("after"));
        List<String> neighbours = ok(ANONYMOUS.query("query($id: ID!) { neighbourhood(id: $id, hops: 1, limit: 200) { nodes { id } } }",
                Map.of("id", clicked))).getList("data.neighbourhood.nodes.id");
        Set<String> expected = new TreeSet<>(before);
        expected.addAll(neighbours);
        assertTrue(after.size() > before.size(), "the drawing grew: " + before.size() + " → " + after.size());
        assertEquals(expected, after, "the drawing is what it was plus the API's neighbourhood of " + clicked);
    }

    @Test
    void theSidePanelShowsEveryCitationAsTheApiGivesIt() throws Exception {
        JsonNode search = step("search");
        String id = search.get("focused").asText();
        String citation = "citations { implied quote document { title number } }";
        JsonPath body = ok(ANONYMOUS.query("query($id: ID!) { organization(id: $id) { " + citation + " } supportersOf(id: $id) { "
                + citation + " } }", Map.of("id", id)));
        List<Map<String, Object>> expected = new ArrayList<>(body.getList("data.organization.citations"));
        body.<List<Map<String, Object>>>getList("data.supportersOf.citations").forEach(expected::addAll);
        assertFalse(expected.isEmpty(), "the API cites documents for " + id);
        Set<String> shown = new LinkedHashSet<>();
        search.get("citations").forEach(c -> shown.add(c.get("title").asText() + " | " + c.get("number").asText("")
                + " | " + c.get("quote").asText() + " | " + c.get("stated").asText()));
        for (Map<String, Object> c : expected) {
            Map<?, ?> document = (Map<?, ?>) c.get("document");
            String number = document.get("number") == null ? "" : (String) document.get("number");
            String line = document.get("title") + " | " + number + " | " + c.get("quote") + " | "
                    + (Boolean.TRUE.equals(c.get("implied")) ? "implied" : "stated");
            assertTrue(shown.contains(line), () -> "the panel shows " + line + "; it shows " + shown);
        }
    }

    @Test
    void theFiltersHideKindsRelationshipsAndOtherYears() throws Exception {
        JsonNode search = step("search");
        JsonNode filters = step("filters");
        String id = search.get("focused").asText();
        JsonPath body = ok(ANONYMOUS.query("""
                query($id: ID!) { neighbourhood(id: $id, hops: 1, limit: 200) { nodes { id type } edges { id type } }
                  supportersOf(id: $id) { id kind } }""", Map.of("id", id)));
        Set<String> departments = new TreeSet<>();
        Set<String> supports = new TreeSet<>();
        body.<Map<String, Object>>getList("data.neighbourhood.nodes").stream().filter(n -> "Department".equals(n.get("type")))
                .forEach(n -> departments.add((String) n.get("id")));
        body.<Map<String, Object>>getList("data.neighbourhood.edges").stream().filter(e -> "SUPPORTS".equals(e.get("type")))
                .forEach(e -> supports.add((String) e.get("id")));
        body.<Map<String, Object>>getList("data.supportersOf").stream().filter(p -> "SUPPORTS".equals(p.get("kind")))
                .forEach(p -> supports.add((String) p.get("id")));
        assertFalse(departments.isEmpty() || supports.isEmpty(), "the focus has departments and SUPPORTS links");

        Set<String> all = texts(filters.get("all").get("nodes"));
        assertEquals(texts(search.get("nodes")), all, "undoing the filters shows everything again");
        Set<String> expected = new TreeSet<>(all);
        expected.removeAll(departments);
        assertEquals(expected, texts(filters.get("withoutDepartments").get("nodes")), "departments left out");
        Set<String> edges = texts(filters.get("all").get("edges"));
        Set<String> expectedEdges = new TreeSet<>(edges);
        expectedEdges.removeAll(supports);
        assertTrue(edges.containsAll(supports), "every SUPPORTS link is drawn");
        assertEquals(expectedEdges, texts(filters.get("withoutSupports").get("edges")), "SUPPORTS links left out");
        JsonNode inYear = filters.get("inYear");
        int year = inYear.get("year").asInt();
        inYear.get("programmeYears").forEach(y -> assertTrue(y.isNull() || y.asInt() == year, "a programme of " + y + " in " + year));
        inYear.get("since").forEach(s -> assertTrue(s.isNull() || Integer.parseInt(s.asText().substring(0, 4)) <= year,
                "a link since " + s + " is not shown for " + year));
        boolean otherYears = false;
        for (JsonNode y : filters.get("all").get("programmeYears")) {
            otherYears |= !y.isNull() && y.asInt() != year;
        }
        assertTrue(otherYears, "the focus has programmes of more than one year");
        assertTrue(inYear.get("nodes").size() < all.size(), year + " leaves out the other years' programmes");
    }

    @Test
    void aDeepLinkOpensTheSameView() throws Exception {
        JsonNode search = step("search");
        JsonNode deepLink = step("deepLink");
        String id = search.get("focused").asText();
        assertTrue(search.get("url").asText().endsWith("/explore?focus=" + id), "the URL names the focus: " + search.get("url"));
        assertEquals(id, deepLink.get("focused").asText());
        assertEquals(texts(search.get("nodes")), texts(deepLink.get("nodes")));
    }

    @Test
    void theFundingChartAddsUpToTheProgrammesTotal() throws Exception {
        JsonNode chart = step("chart");
        double total = ok(ANONYMOUS.query("{ programmes(first: 1) { totalFundingWan } }", Map.of()))
                .getDouble("data.programmes.totalFundingWan");
        assertTrue(total > 0, "the curated programmes state funding");
        assertEquals(total, chart.get("total").asDouble(), 1e-6, chart.get("totalText").asText());
        double bars = 0;
        for (JsonNode bar : chart.get("byYear")) {
            bars += bar.asDouble();
        }
        assertEquals(total, bars, 1e-6, "a programme has one year, so the year bars add up to the total");
        List<Object> years = ok(ANONYMOUS.query("{ programmeBreakdown(by: [YEAR]) { groups { year } } }", Map.of()))
                .getList("data.programmeBreakdown.groups.year");
        assertEquals(years.size(), chart.get("categories").size(), "one bar per year group");
    }

    @Test
    void thePathFinderDrawsTheApisShortestPath() throws Exception {
        String from = step("search").get("focused").asText();
        String to = ok(ANONYMOUS.query("query($t: String!) { search(text: $t, first: 1) { node { id } } }",
                Map.of("t", "沪滇联盟"))).getString("data.search[0].node.id");
        List<String> expected = ok(ANONYMOUS.query("query($f: ID!, $t: ID!) { shortestPath(fromId: $f, toId: $t, maxHops: 6) { nodes { id } } }",
                Map.of("f", from, "t", to))).getList("data.shortestPath.nodes.id");
        assertEquals(String.join(" ", expected), step("path").get("ids").asText(), step("path").get("status").asText());
    }

    @Test
    void analystViewsAskAnonymousUsersToSignInAndLoadForAnAnalyst() throws Exception {
        assertTrue(step("search").get("signInMessage").asText().contains("Sign in as an analyst"),
                step("search").get("signInMessage").asText());
        JsonNode analyst = step("analyst");
        JsonPath network = ok(ANALYST.query("{ supportNetwork(first: 15) { ranking { organization { label } } } }", Map.of()));
        assertEquals(network.getList("data.supportNetwork.ranking.organization.label"), list(analyst.get("rows")));
        assertFalse(analyst.get("signInMessage").asBoolean(), "no sign-in message once signed in");
        assertEquals(3, analyst.get("exports").size(), "export buttons: " + analyst.get("exports"));
        assertTrue(analyst.get("signedInAs").asText().contains("alice"), analyst.get("signedInAs").asText());
        String focus = step("search").get("focused").asText();
        List<String> neighbourhood = ok(ANONYMOUS.query("query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 500) { nodes { id } } }",
                Map.of("id", focus))).getList("data.neighbourhood.nodes.id");
        assertEquals("partnergraph-cytoscape.json", analyst.get("download").get("name").asText());
        assertEquals(new TreeSet<>(neighbourhood), texts(analyst.get("download").get("nodes")),
                "the Cytoscape JSON export of the focus's 2-hop neighbourhood, downloaded with the token");
    }

    @Test
    void thePageLoadsNothingFromOutsideAndRunsWithoutErrors() throws Exception {
        JsonNode page = page();
        assertEquals("{}", page.get("errors").toString(), "every step of the run finished");
        assertEquals(List.of(), list(page.get("outside")), "requests to other hosts");
        assertEquals(List.of(), list(page.get("pageErrors")), "script errors");
        assertEquals(List.of(), list(page.get("failed")), "failed requests");
        for (String shot : List.of("search-kashgar.png", "expanded.png", "analyst.png")) {
            assertTrue(Files.size(SHOTS.resolve(shot)) > 10_000, shot);
        }
    }

    private static String id(Object node) {
        return (String) ((Map<?, ?>) node).get("id");
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> texts(JsonNode array) {
        return new TreeSet<>(list(array));
    }
}
