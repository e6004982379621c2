package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnergraph.common.GraphQLOverHttp.Media;

/** Which media type an Accept header gets (pure logic; the HTTP side is in api.GraphQLOverHttpApiTest). */
class GraphQLOverHttpTest {

    @Test
    void noAcceptWildcardsAndJsonGetJson() {
        assertEquals(Optional.of(Media.JSON), GraphQLOverHttp.negotiate(null));
        assertEquals(Optional.of(Media.JSON), GraphQLOverHttp.negotiate(""));
        assertEquals(Optional.of(Media.JSON), GraphQLOverHttp.negotiate("*/*"));
        assertEquals(Optional.of(Media.JSON), GraphQLOverHttp.negotiate("application/json"));
        assertEquals(Optional.of(Media.JSON), GraphQLOverHttp.negotiate("text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    @Test
    void theGraphQLResponseTypeIsChosenWhenNamedAndPreferredOrTied() {
        assertEquals(Optional.of(Media.GRAPHQL_RESPONSE), GraphQLOverHttp.negotiate("application/graphql-response+json"));
        assertEquals(Optional.of(Media.GRAPHQL_RESPONSE),
                GraphQLOverHttp.negotiate("application/graphql-response+json, application/json;q=0.9"));
        assertEquals(Optional.of(Media.GRAPHQL_RESPONSE),
                GraphQLOverHttp.negotiate("application/json, application/graphql-response+json"));
        assertEquals(Optional.of(Media.JSON),
                GraphQLOverHttp.negotiate("application/graphql-response+json;q=0.5, application/json"));
    }

    @Test
    void nothingAcceptableIsEmptyAndQualityZeroExcludes() {
        assertEquals(Optional.empty(), GraphQLOverHttp.negotiate("text/html"));
        assertEquals(Optional.empty(), GraphQLOverHttp.negotiate("application/json;q=0"));
        assertEquals(Optional.empty(), GraphQLOverHttp.negotiate("application/xml, text/plain"));
    }
}
