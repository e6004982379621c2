package org.partnergraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static org.partnergraph.testing.Responses.ok;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.partnergraph.security.Roles;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.NodePackages;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The explorer page in Debian's headless Chromium (npm playwright-core pointed at /usr/bin/chromium, never a
 * downloaded browser): one run of src/test/node/explorer/explore.mjs searches, clicks, follows a deep link,
 * finds a path, reads the chart, signs in with a pasted token and through the test identity provider (the
 * Authorization Code flow with PKCE), and reports what the page showed; each test compares one part of that with
 * the API's own answer or the identity provider's request log. ensure-chromium.sh installs Debian's chromium and fonts-noto-cjk first
 * where they are missing (a fresh CI machine). Screenshots go to target/explorer/.
 */
@QuarkusTest
class ExplorerBrowserTest {

    static final Path SOURCE = Path.of("src", "test", "node", "explorer");
    static final Path WORK = Path.of("target", "explorer-browser");
    static final Path SHOTS = Path.of("target", "explorer");
    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", Roles.ANALYST);

    static final String CLIENT_ID = "partnergraph-explorer";
    static final String REALM = "/auth/realms/quarkus";
    /** Signed by the test issuer for this API, but expired ten minutes ago. */
    static final String EXPIRED = Jwt.preferredUserName("alice").groups(Set.of(Roles.ANALYST)).subject("alice")
            .issuer("https://server.example.com").audience("https://server.example.com")
            .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
            .jws().keyId("1").sign("privateKey.jwk");
    /** Signed by the test issuer and not expired, but meant for another service (aud): the API refuses it. */
    static final String REFUSED = OidcWiremockTestResource.generateJwtToken("alice", Set.of(Roles.ANALYST), "alice",
            "Bearer", Set.of("https://other.example.com"));

    private static JsonNode observed;

    @TestHTTPResource("/")
    URL base;

    @OidcWireMock
    WireMockServer identityProvider;

    String origin() {
        return base.toString().replaceAll("/$", "");
    }

    /**
     * What a real identity provider (Keycloak) does for a registered public client and its web origin, and the
     * shared mock does not: CORS on the discovery document and the token endpoint, and a token only for a
     * code exchanged with a PKCE verifier by this client for the page's redirect URI. Anything else falls to
     * the mock's own stubs, whose answers carry no CORS header: the page cannot read them and stays signed out.
     */
    void identityProviderForThePage() throws Exception {
        String discovery = REALM + "/.well-known/openid-configuration";
        String metadata;
        try (InputStream in = URI.create(identityProvider.baseUrl() + discovery).toURL().openStream()) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        identityProvider.stubFor(WireMock.get(WireMock.urlEqualTo(discovery)).atPriority(1)
                .willReturn(WireMock.okJson(metadata).withHeader("Access-Control-Allow-Origin", origin())));
        String analyst = OidcWiremockTestResource.generateJwtToken("alice", Set.of(Roles.ANALYST), "alice", "Bearer");
        identityProvider.stubFor(WireMock.post(WireMock.urlEqualTo(REALM + "/token")).atPriority(1)
                .withRequestBody(WireMock.containing("grant_type=authorization_code"))
                .withRequestBody(WireMock.containing("client_id=" + CLIENT_ID))
                .withRequestBody(WireMock.containing("redirect_uri=" + URLEncoder.encode(origin() + "/explore", StandardCharsets.UTF_8)))
                .withRequestBody(WireMock.matching(".*code_verifier=[A-Za-z0-9._~-]{43,128}.*"))
                .willReturn(WireMock.okJson(new ObjectMapper().writeValueAsString(Map.of("access_token", analyst,
                        "token_type", "Bearer", "expires_in", 300)))
                        .withHeader("Access-Control-Allow-Origin", origin())));
    }

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
            identityProviderForThePage();
            String output = NodePackages.run(List.of("node", "explore.mjs", origin(), token,
                    SHOTS.toAbsolutePath().toString(), EXPIRED, REFUSED), WORK, 4, "the explorer's browser run failed");
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
    void eachSupporterLineNamesTheProgrammeItRunsThrough() throws Exception {
        JsonNode search = step("search");
        List<Map<String, Object>> supporters = ok(ANONYMOUS.query("""
                query($id: ID!) { supportersOf(id: $id) { kind supporter { label } supported { label } programme { label } } }""",
                Map.of("id", search.get("focused").asText()))).getList("data.supportersOf");
        List<String> lines = list(search.get("supporterLines"));
        assertEquals(supporters.size(), lines.size());
        long programmes = supporters.stream().filter(p -> p.get("programme") != null).count();
        assertTrue(programmes >= 2, "the fixture school has supporters through several programmes");
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> p = supporters.get(i);
            String expected = label(p.get("supporter")) + " " + p.get("kind") + " "
                    + (p.get("programme") == null ? "" : "「" + label(p.get("programme")) + "」 ") + "→ " + label(p.get("supported"));
            assertTrue(lines.get(i).startsWith(expected), "line " + i + ": " + lines.get(i) + ", expected " + expected);
        }
        assertEquals(lines.size(), new TreeSet<>(lines).size(), "no two supporter lines look the same: " + lines);
    }

    @Test
    void aDeepLinkToNothingSaysSoInThePagesWords() throws Exception {
        JsonNode unknown = step("unknownFocus");
        String apiMessage = ANONYMOUS.query("query($id: ID!) { neighbourhood(id: $id) { nodes { id } } }",
                Map.of("id", "no-such-node")).getString("errors[0].message");
        String expected = "Nothing in the graph has the id “no-such-node”: the link may be mistyped or out of date. Search by name instead.";
        assertEquals(expected, unknown.get("status").asText());
        assertEquals(expected, unknown.get("panel").asText());
        assertTrue(apiMessage != null && !unknown.get("status").asText().contains(apiMessage),
                "the API's own message (" + apiMessage + ") is not what the page shows");
    }

    @Test
    void signingInAtTheIdentityProviderComesBackToTheSameViewWithTheAnalystViews() throws Exception {
        JsonNode oidc = step("oidc");
        String focus = step("search").get("focused").asText();
        assertEquals("Anonymous: public data only.", oidc.get("before").get("state").asText());
        assertTrue(oidc.get("before").get("button").asBoolean(), "a Sign in button when redirect sign-in is on");
        assertEquals(URI.create(identityProvider.baseUrl()).getPort(), URI.create(oidc.get("atProvider").asText()).getPort(),
                "the browser went to the identity provider");
        JsonNode after = oidc.get("after");
        assertEquals(origin() + "/explore?focus=" + focus, after.get("url").asText(), "back on the view, code and state gone");
        assertEquals("signed-in", after.get("signIn").asText());
        assertTrue(after.get("state").asText().startsWith("Signed in as alice (analyst)"), after.get("state").asText());
        assertTrue(after.get("pending").isNull(), "the round trip's state and verifier are used once");
        assertFalse(oidc.get("signInButton").asBoolean(), "no Sign in button while signed in");
        JsonPath network = ok(ANALYST.query("{ supportNetwork(first: 15) { ranking { organization { label } } } }", Map.of()));
        assertEquals(network.getList("data.supportNetwork.ranking.organization.label"), list(oidc.get("rows")));
        List<String> neighbourhood = ok(ANONYMOUS.query("query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 500) { nodes { id } } }",
                Map.of("id", focus))).getList("data.neighbourhood.nodes.id");
        assertEquals(neighbourhood.size(), oidc.get("download").get("nodes").asInt(), "the export downloaded with that token");

        JsonNode out = oidc.get("signedOut");
        assertEquals("anonymous", out.get("signIn").asText());
        assertTrue(out.get("token").isNull(), "signing out forgets the token");
        assertEquals("Anonymous: public data only.", out.get("state").asText());
        assertTrue(out.get("analyst").asText().contains("Sign in as an analyst"), out.get("analyst").asText());
        assertTrue(out.get("signInButton").asBoolean());
    }

    @Test
    void theCodeIsExchangedAsAPublicClientWithAnS256Verifier() throws Exception {
        JsonNode authorize = step("oidc").get("authorize");
        assertEquals("code", authorize.get("response_type").asText());
        assertEquals(CLIENT_ID, authorize.get("client_id").asText());
        assertEquals(origin() + "/explore", authorize.get("redirect_uri").asText(), "a fixed redirect URI, the view kept aside");
        assertEquals("openid", authorize.get("scope").asText());
        assertEquals("S256", authorize.get("code_challenge_method").asText());
        List<Map<String, String>> exchanges = tokenRequests();
        assertEquals(1, exchanges.size(), "one code exchanged in the whole run (not the refused ones): " + exchanges);
        Map<String, String> exchange = exchanges.get(0);
        assertFalse(exchange.containsKey("client_secret"), "a public client has no secret");
        String verifier = exchange.get("code_verifier");
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(authorize.get("code_challenge").asText(), challenge, "BASE64URL(SHA-256(verifier)) is the challenge sent");
        assertTrue(authorize.get("state").asText().length() >= 20, "an unguessable state");
    }

    @Test
    void anAnswerWithAnotherStateIsRefusedAndNothingIsExchanged() throws Exception {
        JsonNode tampered = step("tamperedState");
        assertTrue(tampered.get("message").asText().startsWith("Sign-in refused: the answer did not belong to a sign-in"),
                tampered.get("message").asText());
        assertEquals(origin() + "/explore", tampered.get("url").asText(), "code and state removed from the address");
        assertEquals("anonymous", tampered.get("signIn").asText());
        assertTrue(tampered.get("token").isNull() && tampered.get("pending").isNull());
        step("oidc");
        assertEquals(1, tokenRequests().size(), "the refused answer's code was never exchanged");
    }

    @Test
    void aSignInRefusedAtTheIdentityProviderSaysSoAndKeepsTheView() throws Exception {
        JsonNode denied = step("accessDenied");
        assertEquals("Sign-in was cancelled or refused at the identity provider: The user declined. You are still anonymous.",
                denied.get("message").asText());
        assertEquals(origin() + "/explore?focus=" + step("search").get("focused").asText(), denied.get("url").asText());
        assertEquals("anonymous", denied.get("signIn").asText());
        assertTrue(denied.get("token").isNull());
    }

    @Test
    void anExpiredOrRefusedTokenSignsOutWithAClearMessageAndPublicDataStillLoads() throws Exception {
        given().auth().oauth2(EXPIRED).contentType(ContentType.JSON).body(Map.of("query", "{ documents { id } }"))
                .post("/graphql").then().statusCode(401);
        given().auth().oauth2(REFUSED).contentType(ContentType.JSON).body(Map.of("query", "{ documents { id } }"))
                .post("/graphql").then().statusCode(401);
        JsonNode expired = step("expired");
        assertTrue(expired.get("message").asText().startsWith("Your sign-in has expired"), expired.get("message").asText());
        assertEquals("anonymous", expired.get("signIn").asText());
        assertTrue(expired.get("token").isNull());
        assertTrue(expired.get("analyst").asText().contains("Sign in as an analyst"), expired.get("analyst").asText());

        JsonNode refused = step("rejected");
        assertTrue(refused.get("message").asText().startsWith("The service did not accept your sign-in"),
                refused.get("message").asText());
        assertEquals("anonymous", refused.get("signIn").asText());
        assertTrue(refused.get("token").isNull());
        assertEquals(texts(step("search").get("nodes")), texts(refused.get("nodes")), "the view loaded anonymously");
        assertFalse(page().get("provoked").isEmpty(), "the refused token was sent and answered 401");
        for (JsonNode failed : page().get("provoked")) {
            assertTrue(failed.asText().matches(".*/graphql: HTTP 401"), "only the refused token's requests failed: " + failed);
        }
    }

    /** The code exchanges the page made at the identity provider's token endpoint, as form fields. */
    private List<Map<String, String>> tokenRequests() {
        List<Map<String, String>> requests = new ArrayList<>();
        for (LoggedRequest request : identityProvider.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(REALM + "/token"))
                .withRequestBody(WireMock.containing("client_id=" + CLIENT_ID)))) {
            Map<String, String> form = new TreeMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                String[] nameValue = pair.split("=", 2);
                form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
            requests.add(form);
        }
        return requests;
    }

    private static String label(Object node) {
        return (String) ((Map<?, ?>) node).get("label");
    }

    @Test
    void thePageLoadsNothingFromOutsideAndRunsWithoutErrors() throws Exception {
        JsonNode page = page();
        assertEquals("{}", page.get("errors").toString(), "every step of the run finished");
        assertEquals(List.of(), list(page.get("outside")), "requests to other hosts");
        assertEquals(List.of(), list(page.get("pageErrors")), "script errors");
        assertEquals(List.of(), list(page.get("failed")), "failed requests");
        for (String shot : List.of("search-kashgar.png", "expanded.png", "analyst.png", "signed-in.png")) {
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
