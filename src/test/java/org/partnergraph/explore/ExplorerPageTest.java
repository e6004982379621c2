package org.partnergraph.explore;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * /explore over plain HTTP: the page (with or without a trailing slash and a focus), its own scripts and
 * style, and the two libraries it imports from the service's jar all answer 200 with the right content type,
 * and nothing the page loads names another host.
 */
@QuarkusTest
class ExplorerPageTest {

    static final Path ASSETS = Path.of("src", "main", "resources", "META-INF", "resources", "explore");
    static final Pattern IMPORT = Pattern.compile("from '([^']+)'");

    @Test
    void thePageAnswersWithAPolicyThatKeepsItOnThisService() {
        for (String path : List.of("/explore", "/explore/", "/explore?focus=kashgar-polytechnic")) {
            given().get(path).then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .body(containsString("<script type=\"module\" src=\"/explore/app.js\">"));
        }
    }

    @Test
    void withAClientIdThePageIsToldToSignInAtTheIssuerAndMayConnectToItsOriginOnly() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class).replaceAll("/+$", "");
        URI uri = URI.create(issuer);
        given().get("/explore/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .header("Cache-Control", "no-cache")
                .body("redirectSignIn", equalTo(true))
                .body("issuer", equalTo(issuer))
                .body("clientId", equalTo("partnergraph-explorer"))
                .body("scopes", equalTo("openid"));
        String policy = given().get("/explore").then().statusCode(200).extract().header("Content-Security-Policy");
        assertEquals("connect-src 'self' http://localhost:" + uri.getPort(), directive(policy, "connect-src"),
                "the issuer's origin, nothing more: " + policy);
        assertEquals("default-src 'self'", directive(policy, "default-src"));
        assertEquals("script-src 'self'", directive(policy, "script-src"));
        assertEquals("form-action 'self'", directive(policy, "form-action"));
    }

    @Test
    void theEChartsModuleNeedsNoneOfTheJarsItsSourcesDependOn() {
        // dist/echarts.esm.min.js has zrender and tslib compiled in; their jars are excluded from the build.
        given().get("/_static/zrender/6.0.0/lib/all.js").then().statusCode(404);
        given().get("/_static/tslib/tslib.html").then().statusCode(404);
    }

    /** One directive of a Content-Security-Policy, as sent. */
    static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith(name + " ") || d.equals(name))
                .findFirst().orElse("");
    }

    @Test
    void everyScriptAndStyleAndEveryModuleTheyImportAnswers200() throws IOException {
        given().get("/explore/explore.css").then().statusCode(200).contentType(startsWith("text/css"));
        List<String> scripts;
        try (Stream<Path> files = Files.list(ASSETS)) {
            scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList();
        }
        assertTrue(scripts.contains("app.js") && scripts.size() >= 5, "scripts: " + scripts);
        for (String script : scripts) {
            given().get("/explore/" + script).then().statusCode(200).contentType(startsWith("text/javascript"));
            String source = Files.readString(ASSETS.resolve(script));
            assertFalse(source.contains("http://") || source.contains("https://"), script + " names no other host");
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String target = imports.group(1);
                String path = target.startsWith("/") ? target : "/explore/" + target.replaceFirst("^\\./", "");
                given().get(path).then().statusCode(200).contentType(startsWith("text/javascript"));
            }
        }
        // The libraries, served from their jars: Cytoscape.js from the webjar, ECharts from mvnpm.
        given().get("/webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        given().get("/_static/echarts/6.0.0/dist/echarts.esm.min.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
    }

    @Test
    void thePageNamesNoOtherHost() throws IOException {
        for (String file : List.of("index.html", "explore.css")) {
            String text = Files.readString(ASSETS.resolve(file));
            assertFalse(text.contains("http://") || text.contains("https://") || text.contains("//cdn"), file);
        }
    }
}
