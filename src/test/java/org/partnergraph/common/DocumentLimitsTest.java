package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** The document measure behind the alias, directive, depth and complexity limits: pure logic, no service. */
class DocumentLimitsTest {

    /** The shipped defaults (application.properties). */
    static final GraphQLSettings DEFAULTS = new GraphQLSettings() {
        public boolean codedErrors() { return true; }
        public int maxAliases() { return 30; }
        public int maxDirectives() { return 20; }
        public int maxDepth() { return 12; }
        public int maxComplexity() { return 1000; }
        public int maxTokens() { return 5000; }
        public int maxNodes() { return 5000; }
        public int maxPageSize() { return 100; }
        public boolean introspection() { return true; }
        public io.quarkus.runtime.configuration.MemorySize documentCache() {
            return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1 << 20));
        }
    };

    static DocumentLimits.Size measure(String text) {
        Document document = Parser.parse(text);
        return DocumentLimits.measure(document, document.getDefinitionsOfType(OperationDefinition.class).get(0));
    }

    static Optional<String> exceeded(String text) {
        return DocumentLimits.exceeded(Parser.parse(text), DEFAULTS);
    }

    @Test
    void aFragmentsAliasesCountAtEachSpread() {
        // 3 aliased regions, each spreading 10 aliases: 33, though the text holds only 13.
        String text = "{ r1: region(id: \"a\") { ...R } r2: region(id: \"b\") { ...R } r3: region(id: \"c\") { ...R } }"
                + " fragment R on Region { " + IntStream.range(0, 10).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" ")) + " }";
        assertEquals(33, measure(text).aliases());
        assertTrue(exceeded(text).orElseThrow().startsWith("aliases:"), exceeded(text)::get);
    }

    @Test
    void directivesOnFieldsSpreadsFragmentsAndVariablesAllCount() {
        String text = "query($a: Boolean = true @deprecated) @skip(if: false) { ...F @include(if: true) x: __typename @skip(if: false) }"
                + " fragment F on Query @include(if: true) { __typename @include(if: true) }";
        assertEquals(6, measure(text).directives());
    }

    @Test
    void depthAndFieldsGoThroughFragments() {
        DocumentLimits.Size size = measure("{ region(id: \"a\") { ...P } } fragment P on Region { parent { parent { id } } }");
        assertEquals(4, size.depth());
        assertEquals(4, size.fields());
    }

    @Test
    void aFragmentBombIsMeasuredInLinearTimeAndRefusedAsComplexity() {
        // F60 expands to 2^60 fields: counting by expansion would never finish.
        String text = "{ ...F60 } fragment F0 on Query { __typename } " + IntStream.rangeClosed(1, 60)
                .mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
                .collect(Collectors.joining(" "));
        Optional<String> message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> exceeded(text));
        assertEquals(1L << 60, measure(text).fields());
        assertTrue(message.orElseThrow().startsWith("complexity:"), message::get);
    }

    @Test
    void countsSaturateInsteadOfOverflowing() {
        String text = "{ ...F70 } fragment F0 on Query { a: __typename } " + IntStream.rangeClosed(1, 70)
                .mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
                .collect(Collectors.joining(" "));
        assertEquals(Long.MAX_VALUE, measure(text).aliases());
        assertTrue(exceeded(text).orElseThrow().startsWith("aliases:"));
    }

    @Test
    void aFragmentCycleEndsAndCountsAsEmptyWhereItCloses() {
        String text = "{ ...A } fragment A on Query { a: __typename ...B } fragment B on Query { b: __typename ...A }";
        DocumentLimits.Size size = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> measure(text));
        assertEquals(2, size.aliases());
        assertFalse(exceeded(text).isPresent(), "validation, not the limits, refuses the cycle");
    }

    @Test
    void anUnusedFragmentIsMeasuredToo() {
        // Validation would walk it; a bomb must not get there by not being spread.
        String text = "{ __typename } fragment F0 on Query { __typename } " + IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
                .collect(Collectors.joining(" "));
        assertTrue(exceeded(text).orElseThrow().startsWith("complexity:"));
    }

    @Test
    void theBiggestRealQueriesAreWellWithinTheDefaults() {
        String deepPage = "{ organizations(first: 100) { edges { node { partners(first: 100) { edges { node {"
                + " supporter { region { parent { parent { id } } } } } } } } } } }";
        assertEquals(11, measure(deepPage).depth());
        assertFalse(exceeded(deepPage).isPresent());
    }

    @Test
    void introspectionIsFoundThroughFragmentsAtTheRoot() {
        Document document = Parser.parse("query Q { ...F } fragment F on Query { ... on Query { __type(name: \"Query\") { name } } }");
        assertTrue(DocumentLimits.introspects(document, document.getDefinitionsOfType(OperationDefinition.class).get(0)));
        Document plain = Parser.parse("{ __typename organization(id: \"a\") { __typename } }");
        assertFalse(DocumentLimits.introspects(plain, plain.getDefinitionsOfType(OperationDefinition.class).get(0)));
    }

    @Test
    void theStandardIntrospectionQueryIsMeasuredApartAndIsWithinItsOwnBound() throws Exception {
        String text = new String(DocumentLimitsTest.class.getResourceAsStream("/graphql/introspection/full.graphql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Document document = Parser.parse(text);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        // 15 levels of introspection: deeper than the data limit (12), within good faith's 20.
        assertEquals(15, DocumentLimits.measureIntrospection(document, operation).depth());
        assertEquals(0, DocumentLimits.measure(document, operation).depth());
        assertFalse(exceeded(text).isPresent(), () -> exceeded(text).get());
    }

    @Test
    void introspectionCountsItsCyclingFieldsAtEachSpreadAndKeepsDataLimitsForDataFields() {
        assertTrue(exceeded("{ __schema { types { ...T } } } fragment T on __Type { fields { type { ...T2 } } }"
                + " fragment T2 on __Type { fields { name } }").orElseThrow().contains("__Type.fields 2 times"));
        assertTrue(exceeded("{ __schema { types { name } } __type(name: \"Query\") { name } q: __schema { description } }")
                .orElseThrow().contains("__schema 2 times"));
        // A fragment on an introspection type is bounded as introspection even where nothing spreads it.
        String deepFragment = "{ __typename } fragment F on __Type { " + "ofType { ".repeat(21) + "name" + " }".repeat(21) + " }";
        assertTrue(exceeded(deepFragment).orElseThrow().startsWith("introspection:"), exceeded(deepFragment)::get);
        String mixed = "{ __schema { types { name } } region(id: \"a\") { " + "parent { ".repeat(12) + "id" + " }".repeat(12) + " } }";
        assertTrue(exceeded(mixed).orElseThrow().startsWith("depth:"));
    }

    @Test
    void graphqlJavasOwnBadFaithIntrospectionErrorIsCodedAsALimit() {
        graphql.GraphQLError coded = ErrorCodes.coded(
                graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError.tooManyFields("__Type.fields"));
        assertEquals("LIMIT_EXCEEDED", coded.getExtensions().get("code"));
        assertTrue(coded.getMessage().startsWith("introspection: "), coded.getMessage());
    }
}
