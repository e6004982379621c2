package org.partnergraph.read;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * What the planner can compile, gathered from the features' {@link ReadContribution}s: node shapes by
 * GraphQL type, field reads by type and field, root reads by query field, and how to map a node of any
 * other label (in positions typed by an interface).
 */
public final class ReadCatalog {

    private final Map<String, NodeShape> shapes;
    private final Map<String, FieldRead> fields;
    private final Map<String, RootRead> roots;
    private final Function<Value, Object> anyNode;

    private ReadCatalog(Builder builder) {
        this.shapes = Map.copyOf(builder.shapes);
        this.fields = Map.copyOf(builder.fields);
        this.roots = Map.copyOf(builder.roots);
        this.anyNode = builder.anyNode;
    }

    public static ReadCatalog of(List<? extends ReadContribution> contributions) {
        Builder builder = new Builder();
        contributions.forEach(c -> c.contribute(builder));
        return new ReadCatalog(builder);
    }

    NodeShape shape(String type) {
        return shapes.get(type);
    }

    Iterable<NodeShape> shapes() {
        return shapes.values();
    }

    FieldRead field(String type, String field) {
        return fields.get(type + "." + field);
    }

    RootRead root(String field) {
        return roots.get(field);
    }

    Map<String, RootRead> roots() {
        return roots;
    }

    Function<Value, Object> anyNode() {
        return anyNode;
    }

    public static final class Builder {
        private final Map<String, NodeShape> shapes = new LinkedHashMap<>();
        private final Map<String, FieldRead> fields = new HashMap<>();
        private final Map<String, RootRead> roots = new HashMap<>();
        private Function<Value, Object> anyNode = value -> null;

        /**
         * A node type: its plain fields (GraphQL field = node property), those its mapper needs whatever is
         * selected, and the mapper.
         */
        public Builder shape(String type, String label, List<String> fields, List<String> required,
                Function<Value, Object> mapper) {
            return shape(type, label, fields, required, Map.of(), mapper);
        }

        /**
         * A node type with derived fields too: each computed by the mapper from the plain fields it names (which
         * are among {@code fields}).
         */
        public Builder shape(String type, String label, List<String> fields, List<String> required,
                Map<String, List<String>> derived, Function<Value, Object> mapper) {
            derived.values().forEach(from -> {
                if (!fields.containsAll(from)) {
                    throw new IllegalArgumentException(type + ": a derived field's properties must be plain fields");
                }
            });
            shapes.put(type, new NodeShape(type, label, fields, required, Map.copyOf(derived), mapper));
            return this;
        }

        public Builder field(String type, String field, FieldRead read) {
            fields.put(type + "." + field, read);
            return this;
        }

        public Builder root(String field, RootRead read) {
            roots.put(field, read);
            return this;
        }

        /** Maps a node of a label without a shape, returned whole with {@code __labels}. */
        public Builder anyNode(Function<Value, Object> mapper) {
            anyNode = mapper;
            return this;
        }
    }
}
