package org.partnergraph.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Sends GraphQL documents kept under {@code src/test/resources/graphql/} to the running service,
 * anonymously or with a real signed token for a user with the given roles.
 */
public final class GraphQLClient {

    private final String token;

    private GraphQLClient(String token) {
        this.token = token;
    }

    public static GraphQLClient anonymous() {
        return new GraphQLClient(null);
    }

    /** A token whose subject ({@code sub}, the author of what it writes) and preferred_username are the user. */
    public static GraphQLClient as(String user, String... roles) {
        return new GraphQLClient(OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer"));
    }

    public static GraphQLClient withRawToken(String token) {
        return new GraphQLClient(token);
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
        return token == null ? request : request.auth().oauth2(token);
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
