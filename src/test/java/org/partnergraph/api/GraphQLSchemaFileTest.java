package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed schema file is what clients code against; it must be exactly what the code serves.
 * Regenerate with: ./mvnw verify -Dpartnergraph.update-schema=true
 */
@QuarkusTest
class GraphQLSchemaFileTest {

    static final Path SCHEMA_FILE = Path.of("graphql-schema", "schema.graphql");

    @Test
    void committedSchemaMatchesTheServedSchema() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("partnergraph.update-schema")) {
            Files.writeString(SCHEMA_FILE, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SCHEMA_FILE) ? Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "graphql-schema/schema.graphql is out of date with the code. "
                + "Rewrite it with: ./mvnw verify -Dpartnergraph.update-schema=true  (then review and commit it)");
    }
}
