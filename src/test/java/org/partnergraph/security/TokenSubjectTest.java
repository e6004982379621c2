package org.partnergraph.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Who a signed token says its holder is: its subject, checked; and what a malformed Authorization header
 * gets (401 and nothing else), with real tokens signed by the OIDC test server's key.
 */
@QuarkusTest
class TokenSubjectTest extends WriteTest {

    static final String ISSUER = "https://server.example.com";
    static final String ANY_QUERY = "{ documents { id } }";

    static JwtClaimsBuilder claims(String preferredUsername, String... roles) {
        return Jwt.preferredUserName(preferredUsername).groups(Set.of(roles)).issuer(ISSUER).audience(ISSUER);
    }

    static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    @Test
    void theAuthorIsTheSubjectNotThePreferredUsername() {
        String token = signed(claims("system:dataset-seed", Roles.EDITOR).subject("mallory-7f3c"));
        JsonPath body = ok(GraphQLClient.withRawToken(token).file("organization/upsertOrganization", Map.of("input",
                Map.of("id", "test-w-subject-school", "name", "主体测试学校", "kind", "SCHOOL",
                        "source", WriteFixture.source("主体测试学校")))));

        assertEquals("APPLIED", body.getString("data.upsertOrganization.change.status"));
        assertEquals("mallory-7f3c", body.getString("data.upsertOrganization.change.author"));
    }

    @Test
    void aSubjectOfTwoHundredCharactersSignsIn() {
        String token = signed(claims("alice", Roles.ANALYST).subject("s".repeat(200)));
        ok(GraphQLClient.withRawToken(token).file("security/graphStats"));
    }

    @Test
    void aSignedTokenWhoseSubjectCannotBeAnAuthorIsRefused() {
        for (String subject : List.of("s".repeat(201), "mallory\u0000", "mal\nlory", "mallory\u202e", "   ")) {
            refused("Bearer " + signed(claims("alice", Roles.ANALYST).subject(subject)));
        }
        refused("Bearer " + signed(claims("alice", Roles.ANALYST)));
    }

    @Test
    void aMalformedAuthorizationHeaderIs401WithAnEmptyBody() {
        String good = signed(claims("alice", Roles.ANALYST).subject("alice"));
        for (String header : List.of("Bearer .", "Bearer", "Bearer ", "Bearer ..", "Bearer a.b", "Bearer a.b.c.d",
                "Bearer " + good + " extra", "Bearer  " + good, "bearer\t" + good, "", ".", "Bearer %%%.%%%.%%%")) {
            refused(header);
        }
    }

    /** Only bearer tokens sign anyone in: another scheme is refused, not read as anonymous. */
    @Test
    void anotherSchemeIs401NotAnonymous() {
        for (String header : List.of("Basic YWxpY2U6c2VjcmV0", "Digest username=alice", "Token " + signed(
                claims("alice", Roles.ANALYST).subject("alice")))) {
            refused(header);
        }
        given().contentType(ContentType.JSON).body(Map.of("query", ANY_QUERY)).post("/graphql").then().statusCode(200);
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        String good = "Bearer " + signed(claims("alice", Roles.ANALYST).subject("alice"));
        given().contentType(ContentType.JSON).header("Authorization", good).header("Authorization", good)
                .body(Map.of("query", ANY_QUERY)).post("/graphql").then().statusCode(401).body(emptyString());
    }

    private static void refused(String header) {
        given().contentType(ContentType.JSON).header("Authorization", header).body(Map.of("query", ANY_QUERY))
                .post("/graphql").then().statusCode(401).body(emptyString());
    }
}
