package org.partnergraph.common;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.schema.visibility.GraphqlFieldVisibility;

/**
 * Gives the schema graphql-java's plain field visibility where SmallRye's setting asks for nothing to be hidden.
 * Quarkus' {@code quarkus.smallrye-graphql.field-visibility} defaults to {@code default}, and SmallRye (2.17) turns
 * every value but {@code no-introspection} into a {@code BlockedFields} of regular expressions, the word
 * {@code default} included: graphql-java then builds the text {@code Type.field} and runs that expression against
 * it for every field of every object it completes, to hide nothing (no {@code Type.field} is the word "default").
 * Profiled under load that was 3-5% of the service's CPU on the partner lists. Any other setting (patterns,
 * {@code no-introspection}) keeps SmallRye's visibility. Introspection is governed by the request guard either way
 * ({@code partnergraph.graphql.introspection}).
 */
final class FieldVisibility {

    static final String SETTING = "quarkus.smallrye-graphql.field-visibility";
    /** Quarkus' default for {@link #SETTING}: hide nothing. */
    static final String NOTHING_HIDDEN = "default";

    private FieldVisibility() {
    }

    static GraphQLSchema apply(GraphQLSchema schema) {
        String setting = ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse(NOTHING_HIDDEN);
        return apply(schema, setting);
    }

    static GraphQLSchema apply(GraphQLSchema schema, String setting) {
        if (!NOTHING_HIDDEN.equals(setting.strip())) {
            return schema;
        }
        GraphqlFieldVisibility plain = DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY;
        return schema.transform(builder -> builder.codeRegistry(
                schema.getCodeRegistry().transform(registry -> registry.fieldVisibility(plain))));
    }
}
