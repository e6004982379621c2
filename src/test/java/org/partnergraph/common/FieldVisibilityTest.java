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
        GraphQLSchema blocking = smallRyeSchema.transform(builder -> builder.codeRegistry(smallRyeSchema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(BlockedFields.newBlock().addPattern("Query.organization").build()))));
        for (String setting : new String[] {"Query.organization", "no-introspection"}) {
            assertSame(blocking, FieldVisibility.apply(blocking, setting), setting);
        }
        assertNull(blocking.getCodeRegistry().getFieldVisibility().getFieldDefinition(blocking.getQueryType(), "organization"));
        GraphQLSchema plain = FieldVisibility.apply(blocking, " default ");
        assertNotNull(plain.getCodeRegistry().getFieldVisibility().getFieldDefinition(plain.getQueryType(), "organization"));
    }
}
