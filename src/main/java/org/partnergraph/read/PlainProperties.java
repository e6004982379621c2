package org.partnergraph.read;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import java.util.function.Supplier;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Reference;

/**
 * Reads a plain property (an accessor of a record or bean, with nothing for SmallRye to transform or adapt)
 * straight from its object. SmallRye's own fetcher for such a field first builds its per-field context,
 * including the JSON of the field's selected sub-fields, for every object of every list, though no code
 * reads it for a plain property: profiled under load that was a sixth of the service's CPU on a nested
 * partner list. Everything else (formatted dates and numbers, adapters, maps, public fields) keeps
 * SmallRye's fetcher.
 *
 * <p>SmallRye keeps a fetcher's field model private; it is read by reflection once, when the schema is
 * built. Should an upgrade rename it, every field keeps SmallRye's fetcher (slower, never wrong), and
 * {@code PlainPropertiesTest} fails to say so.
 */
final class PlainProperties {

    private static final Logger LOG = Logger.getLogger(PlainProperties.class);
    /** How many fields the schemas built so far read directly; tests check the shortcut is in use. */
    private static final AtomicInteger TAKEN = new AtomicInteger();

    private PlainProperties() {
    }

    /** A direct reader for what {@code smallRye} fetches, when it is a plain property. */
    static Optional<Accessor> of(DataFetcher<?> smallRye) {
        if (!(smallRye instanceof FieldDataFetcher<?>)) {
            return Optional.empty();
        }
        try {
            io.smallrye.graphql.schema.model.Field field = (io.smallrye.graphql.schema.model.Field) read(smallRye, "field");
            Reference owner = (Reference) read(smallRye, "owner");
            if (field.getMethodName() == null || field.hasTransformation() || field.isAdaptingWith()
                    || field.isAdaptingTo() || (field.hasWrapper() && field.getWrapper().isMap())) {
                return Optional.empty();
            }
            Class<?> type = Class.forName(owner.getClassName(), false, PlainProperties.class.getClassLoader());
            Method accessor = type.getMethod(field.getMethodName());
            if (Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() != 0) {
                return Optional.empty();
            }
            accessor.setAccessible(true);
            TAKEN.incrementAndGet();
            return Optional.of(new Accessor(accessor));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf(e, "Field kept on SmallRye's fetcher");
            return Optional.empty();
        }
    }

    static int taken() {
        return TAKEN.get();
    }

    private static Object read(Object fetcher, String name) throws ReflectiveOperationException {
        Field field = FieldDataFetcher.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(fetcher);
    }

    /**
     * Trivial, as SmallRye's is (graphql-java's instrumentation may skip it), and light: it needs only the
     * source object, so graphql-java need not build the field's environment.
     */
    record Accessor(Method method) implements LightDataFetcher<Object> {
        /** What {@link #read} answers when the accessor throws: graphql-java's fetch then reports it. */
        static final Object FAILED = new Object();

        @Override
        public Object get(graphql.schema.DataFetchingEnvironment environment) throws Exception {
            return invoke(environment.getSource());
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source,
                Supplier<graphql.schema.DataFetchingEnvironment> environment) throws Exception {
            return invoke(source);
        }

        /** The property's value, or {@link #FAILED} (for {@link DirectCompletion}, which leaves errors to graphql-java). */
        Object read(Object source) {
            try {
                return invoke(source);
            } catch (Exception e) {
                return FAILED;
            }
        }

        private Object invoke(Object source) throws Exception {
            if (source == null) {
                return null;
            }
            try {
                return method.invoke(source);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
