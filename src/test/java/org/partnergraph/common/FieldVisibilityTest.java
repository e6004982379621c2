package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema the engine executes hides nothing through a per-field regular expression when the setting asks to
 * hide nothing, and keeps SmallRye's visibility for any other setting.
 */
@QuarkusTest
class FieldVisibilityTest {

    @Inject
    GraphQLSchema smallRyeSchema;

    @Test
    void theDefaultSettingGivesTheEnginePlainVisibility() {
        // SmallRye's own schema carries the regular expression "default" (the reason for FieldVisibility): should
        // an upgrade stop doing that, this says so and FieldVisibility can go.
        assertInstanceOf(BlockedFields.class, smallRyeSchema.getCodeRegistry().getFieldVisibility());
        GraphQLSchema executable = ErrorCodes.executable(smallRyeSchema);
        assertSame(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY, executable.getCodeRegistry().getFieldVisibility());
        // Nothing else changed: every field of Query is still there and visible.
        GraphQLObjectType query = executable.getQueryType();
        assertEquals(smallRyeSchema.getQueryType().getFieldDefinitions().size(), query.getFieldDefinitions().size());
        query.getFieldDefinitions().forEach(field -> assertNotNull(
                executable.getCodeRegistry().getFieldVisibility().getFieldDefinition(query, field.getName()), field.getName()));
    }

    @Test
    void anyOtherSettingKeepsSmallRyesVisibility() {
        // A schema of its own: transforming the application's shared one here would rewire its types in place
        // for every engine built after (graphql-java rebuilds type references; see ErrorCodes.executable).
        GraphQLSchema own = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(
                "type Query { organization: String, region: String }"), RuntimeWiring.newRuntimeWiring().build());
        GraphQLSchema blocking = own.transform(builder -> builder.codeRegistry(own.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(BlockedFields.newBlock().addPattern("Query.organization").build()))));
        for (String setting : new String[] {"Query.organization", "no-introspection"}) {
            assertSame(blocking, FieldVisibility.apply(blocking, setting), setting);
        }
        assertNull(blocking.getCodeRegistry().getFieldVisibility().getFieldDefinition(blocking.getQueryType(), "organization"));
        GraphQLSchema plain = FieldVisibility.apply(blocking, " default ");
        assertNotNull(plain.getCodeRegistry().getFieldVisibility().getFieldDefinition(plain.getQueryType(), "organization"));
        assertNotNull(plain.getCodeRegistry().getFieldVisibility().getFieldDefinition(plain.getQueryType(), "region"));
    }
}
