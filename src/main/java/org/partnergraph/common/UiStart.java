package org.partnergraph.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * The service's root opens the GraphQL UI on the headline question, so a newcomer sees a real answer
 * (who supports 喀什理工's 土木工程系, how, since when, which document says so) with one click on Run.
 * Where the UI is off (production, unless PARTNERGRAPH_GRAPHQL_UI=true) the root is not a redirect to
 * a page that does not exist: it is simply not found.
 */
@ApplicationScoped
public class UiStart {

    static final String FIRST_QUERY = """
            # Who supports this department, how, through which programme, since when, and which document says so?
            # Try another id: kashgar-polytechnic (a college), yunnan-chuxiong (a region). Search: search(text: "楚雄医专")
            query WhoSupports {
              supportersOf(id: "kashgar-polytechnic-civil-engineering") {
                supporter { id name }
                kind
                scheme
                programme { name }
                since
                sources { title number date }
                citations { quote implied }
              }
            }
            """;

    static final String LOCATION = "/q/graphql-ui/?query=" + URLEncoder.encode(FIRST_QUERY, StandardCharsets.UTF_8)
            .replace("+", "%20");

    private final boolean uiEnabled;

    UiStart(@ConfigProperty(name = "quarkus.smallrye-graphql.ui.enabled") boolean uiEnabled) {
        this.uiEnabled = uiEnabled;
    }

    void routes(@Observes Router router) {
        if (uiEnabled) {
            router.get("/").handler(context -> context.redirect(LOCATION));
        }
    }
}
