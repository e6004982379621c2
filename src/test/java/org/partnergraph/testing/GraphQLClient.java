package org.partnergraph.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Sends GraphQL documents kept under {@code src/test/resources/graphql/} to the running service,
 * anonymously or with a real signed token for a user with the given roles.
 */
public final class GraphQLClient {

    /**
     * The test issuer's tokens live 5 minutes, and clients are kept in static fields: a test class that runs
     * longer than that on a loaded machine was refused with 401. A client for a user mints a new token when
     * its current one is a minute old.
     */
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Supplier<String> mint;
    private String token;
    private Instant minted = Instant.MIN;

    private GraphQLClient(Supplier<String> mint) {
        this.mint = mint;
    }

    public static GraphQLClient anonymous() {
        return new GraphQLClient(() -> null);
    }

    /** A token whose subject ({@code sub}, the author of what it writes) and preferred_username are the user. */
    public static GraphQLClient as(String user, String... roles) {
        Set<String> granted = Set.of(roles);
        return new GraphQLClient(() -> OidcWiremockTestResource.generateJwtToken(user, granted, user, "Bearer"));
    }

    /** Exactly this token on every request, however old (tests of expired, forged or odd tokens). */
    public static GraphQLClient withRawToken(String token) {
        GraphQLClient client = new GraphQLClient(() -> token);
        client.minted = Instant.MAX;
        client.token = token;
        return client;
    }

    private synchronized String token() {
        Instant now = Instant.now();
        if (minted != Instant.MAX && (token == null || minted.plus(FRESH).isBefore(now))) {
            token = mint.get();
            minted = now;
        }
        return token;
    }

    /** Runs {@code graphql/<path>.graphql} and returns the JSON body (HTTP 200 expected). */
    public JsonPath file(String path, Map<String, Object> variables) {
        return query(document(path), variables);
    }

    public JsonPath file(String path) {
        return file(path, Map.of());
    }

    public JsonPath query(String query, Map<String, Object> variables) {
        return request(query, variables).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    public RequestSpecification request(String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables));
        String bearer = token();
        return bearer == null ? request : request.auth().oauth2(bearer);
    }

    public static String document(String path) {
        try (InputStream in = GraphQLClient.class.getResourceAsStream("/graphql/" + path + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No GraphQL document graphql/" + path + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
