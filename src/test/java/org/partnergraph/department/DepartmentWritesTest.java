package org.partnergraph.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** addDepartment: adds, never replaces; refuses invalid input whole. */
@QuarkusTest
class DepartmentWritesTest extends WriteTest {

    static final String ADD = "department/addDepartment";
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static JsonPath add(GraphQLClient client, Map<String, Object> input) {
        return client.file(ADD, Map.of("input", input));
    }

    @Test
    void aDepartmentIsAddedToItsOrganisation() {
        JsonPath body = ok(add(EDITOR, Map.of("id", "test-w-college-nursing", "organizationId", WriteFixture.COLLEGE,
                "name", "护理系", "source", WriteFixture.source("护理系"))));

        assertEquals("APPLIED", body.getString("data.addDepartment.change.status"));
        assertEquals(WriteFixture.COLLEGE, body.getString("data.addDepartment.department.organization.id"));
        JsonPath read = ok(GraphQLClient.anonymous().file("node/department", Map.of("id", "test-w-college-nursing")));
        assertEquals("护理系", read.getString("data.department.name"));
    }

    @Test
    void invalidDepartmentsAreRefusedAndNothingIsWritten() {
        Snapshot before = snapshot();

        assertError(add(EDITOR, Map.of("id", WriteFixture.DEPARTMENT, "organizationId", WriteFixture.SCHOOL, "name", "土木系",
                "source", WriteFixture.source("土木系"))), "BAD_USER_INPUT", "input.id: 'test-w-school-civil' already exists");
        assertError(add(EDITOR, Map.of("organizationId", "no-such-college", "name", "机电系",
                "source", WriteFixture.source("机电系"))), "BAD_USER_INPUT", "input.organizationId: unknown reference");
        assertError(add(EDITOR, Map.of("organizationId", WriteFixture.PROVINCE, "name", "机电系",
                "source", WriteFixture.source("机电系"))), "BAD_USER_INPUT", "input.organizationId: 'test-w-province' is a Region");
        assertError(add(EDITOR, Map.of("organizationId", WriteFixture.COLLEGE, "name", "机电系")), "BAD_USER_INPUT",
                "input.source");
        assertError(add(EDITOR, Map.of("organizationId", WriteFixture.COLLEGE, "name", " ",
                "source", WriteFixture.source("机电系"))), "BAD_USER_INPUT", "input.name: must not be blank");
        assertError(add(GraphQLClient.as("alice", "analyst"), Map.of("organizationId", WriteFixture.COLLEGE, "name", "机电系",
                "source", WriteFixture.source("机电系"))), "FORBIDDEN", "editor");

        assertEquals(before, snapshot());
    }
}
