package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Transformation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;

/**
 * The shortcut past SmallRye's field fetcher: taken for plain accessors only, and reading what SmallRye
 * would read. Built on SmallRye's own fetcher, so an upgrade that hides its field model fails here rather
 * than silently making every field slow again.
 */
class PlainPropertiesTest {

    public record School(String name, List<String> aliases, String failing) {
        @Override
        public String failing() {
            throw new IllegalStateException("no value");
        }
    }

    private static FieldDataFetcher<Object> smallRye(String method, java.util.function.Consumer<Field> tweak) {
        Reference owner = new Reference();
        owner.setClassName(School.class.getName());
        Reference string = new Reference();
        string.setClassName(String.class.getName());
        Field field = new Field(method, method, method, string);
        tweak.accept(field);
        return new FieldDataFetcher<>(field, new Type(School.class.getName(), "School", null), owner);
    }

    private static Object fetch(DataFetcher<?> fetcher, Object source) throws Exception {
        return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(source).build());
    }

    @Test
    void aPlainAccessorIsReadDirectlyAndAnswersWhatTheRecordHolds() throws Exception {
        int before = PlainProperties.taken();
        DataFetcher<Object> name = PlainProperties.of(smallRye("name", f -> { })).orElseThrow();
        DataFetcher<Object> aliases = PlainProperties.of(smallRye("aliases", f -> f.setWrapper(
                new Wrapper(WrapperType.COLLECTION, List.class.getName())))).orElseThrow();

        School school = new School("喀什理工职业技术学院", List.of("喀什理工"), null);
        assertEquals("喀什理工职业技术学院", fetch(name, school));
        assertEquals(List.of("喀什理工"), fetch(aliases, school));
        assertNull(fetch(name, null));
        assertEquals(before + 2, PlainProperties.taken());
    }

    @Test
    void anAccessorsExceptionReachesGraphQLJavaAsItself() {
        DataFetcher<Object> failing = PlainProperties.of(smallRye("failing", f -> { })).orElseThrow();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> fetch(failing, new School("a", List.of(), null)));
        assertEquals("no value", thrown.getMessage());
    }

    @Test
    void whatSmallRyeTransformsOrAdaptsKeepsSmallRyesFetcher() {
        assertTrue(PlainProperties.of(smallRye("name", f -> f.setTransformation(
                new Transformation(Transformation.Type.NUMBER, "#,###", null, false)))).isEmpty());
        assertTrue(PlainProperties.of(smallRye("name", f -> f.setWrapper(
                new Wrapper(WrapperType.MAP, java.util.Map.class.getName())))).isEmpty());
        assertTrue(PlainProperties.of(smallRye("noSuchAccessor", f -> { })).isEmpty());
        assertTrue(PlainProperties.of(environment -> "not SmallRye's").isEmpty());
    }

    @Test
    void theShortcutIsTrivialAsSmallRyesIs() {
        assertInstanceOf(graphql.TrivialDataFetcher.class, PlainProperties.of(smallRye("name", f -> { })).orElseThrow());
    }
}
