package org.partnergraph.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.partnergraph.graph.CypherText;

import graphql.schema.SelectedField;

/**
 * One root field's part of a request's statement while it is being planned: its parameters, fresh variable
 * names, and the projections of nodes with the child fields the features compile. Everything a client sends
 * reaches Neo4j as a parameter; only names this class makes up are written into the text.
 *
 * <p>What it compiles holds nothing of the request it was compiled for (the readers record what they fetched
 * ahead in the {@link Prefetched} of the request being read, see {@link Prefetched#reading}), so the planner
 * can answer the next request of the same document and variables with it.
 */
public final class ReadPlan {

    private final ReadCatalog catalog;
    private final String prefix;
    // In the order they were made, as the text uses them (the debug log of a statement reads in that order).
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int names;

    ReadPlan(ReadCatalog catalog) {
        this(catalog, "");
    }

    /** A plan whose parameter names start with {@code prefix}: root fields planned apart share one statement. */
    ReadPlan(ReadCatalog catalog, String prefix) {
        this.catalog = catalog;
        this.prefix = prefix;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** A new parameter holding {@code value}; answers its reference ({@code $p3}). */
    public String parameter(Object value) {
        String name = prefix + "p" + names++;
        parameters.put(name, value);
        return "$" + name;
    }

    /** A variable name no other part of the statement uses. */
    public String variable(String hint) {
        return hint + "_" + names++;
    }

    /**
     * A repository's statement fragment with its {@code $parameters} renamed to fresh ones holding
     * {@code values}, so that fragments written on their own can share one statement. References to this
     * plan's own parameters (in nested projections already inserted) are left as they are.
     */
    public String bind(String cypher, Map<String, Object> values) {
        // A scan rather than a regular expression: this runs for every fragment of every compiled request, and
        // the expression's matcher was a visible share of the planner's CPU.
        Map<String, String> renamed = new HashMap<>();
        StringBuilder out = new StringBuilder(cypher.length() + 16);
        int copied = 0;
        for (int i = cypher.indexOf('$'); i >= 0; i = cypher.indexOf('$', i + 1)) {
            int end = i + 1;
            if (end >= cypher.length() || !isAsciiLetter(cypher.charAt(end))) {
                continue;
            }
            while (end < cypher.length() && isNameChar(cypher.charAt(end))) {
                end++;
            }
            String name = cypher.substring(i + 1, end);
            if (!values.containsKey(name) && parameters.containsKey(name)) {
                continue; // already one of this plan's parameters (a nested projection's)
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for $" + name + " in a compiled fragment");
            }
            String reference = renamed.computeIfAbsent(name, n -> parameter(values.get(n)));
            out.append(cypher, copied, i).append(reference);
            copied = end;
            i = end - 1;
        }
        return copied == 0 ? cypher : out.append(cypher, copied, cypher.length()).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /** The child fields selected under {@code field}. */
    public static List<SelectedField> children(SelectedField field) {
        return field.getSelectionSet().getImmediateFields();
    }

    /** The fields selected under a connection's {@code edges { node { … } } }. */
    public static List<SelectedField> connectionNodes(SelectedField connection) {
        return connectionNodes(children(connection));
    }

    /** The fields selected under {@code edges { node { … } } }, given the fields selected on a connection. */
    public static List<SelectedField> connectionNodes(List<SelectedField> connection) {
        List<SelectedField> nodes = new ArrayList<>();
        for (SelectedField edges : connection) {
            if (edges.getName().equals("edges")) {
                for (SelectedField node : children(edges)) {
                    if (node.getName().equals("node")) {
                        nodes.addAll(children(node));
                    }
                }
            }
        }
        return nodes;
    }

    /**
     * The node in {@code variable} as GraphQL type {@code type}: a map projection with the properties
     * its record needs and every selected child field some feature compiles; the reader builds the
     * record and records the children's values ahead for it. For a type without a shape (an interface
     * such as Node) each shaped label gets its own branch, and any other node is returned whole.
     */
    public Compiled node(String type, String variable, List<SelectedField> selection) {
        NodeShape shape = catalog.shape(type);
        if (shape != null) {
            return object(shape, variable, selection, false);
        }
        StringBuilder expression = new StringBuilder("CASE");
        Map<String, Function<Value, Object>> readers = new HashMap<>();
        for (NodeShape each : catalog.shapes()) {
            Compiled branch = object(each, variable, selection, true);
            expression.append(" WHEN ").append(variable).append(':').append(each.label()).append(" THEN ")
                    .append(branch.expression());
            readers.put(each.type(), branch.reader());
        }
        expression.append(" ELSE ").append(variable).append(" {.*, __labels: labels(").append(variable).append(")} END");
        Function<Value, Object> anyNode = catalog.anyNode();
        return new Compiled(expression.toString(), value -> {
            if (value == null || value.isNull()) {
                return null;
            }
            Function<Value, Object> reader = readers.get(value.get("__type").asString(null));
            return reader != null ? reader.apply(value) : anyNode.apply(value);
        });
    }

    private Compiled object(NodeShape shape, String variable, List<SelectedField> selection, boolean tagged) {
        List<String> entries = new ArrayList<>();
        record Child(String resultKey, String key, Function<Value, Object> reader) {
        }
        List<Child> children = new ArrayList<>();
        Set<String> plain = new HashSet<>();
        // A field no feature compiles runs its resolver on the record, which may read any of its properties
        // (provenance for sources and citations): then the record is built whole.
        boolean whole = false;
        for (SelectedField field : selection) {
            if (!field.getObjectTypeNames().contains(shape.type()) || field.getName().equals("__typename")) {
                continue;
            }
            if (shape.fields().contains(field.getName())) {
                plain.add(field.getName());
                continue;
            }
            if (shape.derivedFrom(field.getName()) != null) {
                plain.addAll(shape.derivedFrom(field.getName()));
                continue;
            }
            if (NodeShape.FROM_REQUIRED.contains(field.getName())) {
                continue;
            }
            FieldRead read = catalog.field(shape.type(), field.getName());
            Compiled compiled = read == null ? null : read.compile(this, variable, field);
            if (compiled == null) {
                whole = true;
                continue;
            }
            String key = "f" + names++;
            entries.add(key + ": " + compiled.expression());
            children.add(new Child(field.getResultKey(), key, compiled.reader()));
        }
        List<String> properties = whole ? shape.properties() : shape.properties(plain);
        List<String> projected = new ArrayList<>();
        properties.forEach(p -> projected.add("." + p));
        if (tagged) {
            projected.add("__type: '" + shape.type() + "'");
        }
        projected.addAll(entries);
        String expression = variable + " {" + String.join(", ", projected) + "}";
        return new Compiled(expression, value -> {
            if (value == null || value.isNull()) {
                return null;
            }
            Object record = shape.mapper().apply(value);
            if (!children.isEmpty()) {
                Prefetched ahead = Prefetched.reading();
                for (Child child : children) {
                    ahead.put(record, child.resultKey(), child.reader().apply(value.get(child.key())));
                }
            }
            return record;
        });
    }

    /** A single node at the end of {@code pattern} (with {@code %s} for its variable), or null. */
    public Compiled one(SelectedField field, String type, String pattern) {
        String v = variable("n");
        Compiled node = node(type, v, ReadPlan.children(field));
        return new Compiled("COLLECT { " + CypherText.fill(pattern, v) + " RETURN " + node.expression() + " LIMIT 1 }[0]",
                node.reader());
    }

    /** The distinct nodes at the end of {@code pattern}, by name then id. */
    public Compiled sortedByName(SelectedField field, String type, String pattern) {
        String v = variable("n");
        Compiled node = node(type, v, ReadPlan.children(field));
        return new Compiled("COLLECT { " + CypherText.fill(pattern, v) + " WITH DISTINCT " + v + " ORDER BY " + v + ".name, " + v
                + ".id RETURN " + node.expression() + " }", ReadPlan.listOf(node.reader()));
    }

    /**
     * A root field that looks one node up by id: the body of its subquery, answering the node projected as
     * {@code type} (label {@code label}), or null when no such node exists.
     */
    public Compiled byId(String label, String type, Object id, List<SelectedField> selection, String column) {
        String v = variable("n");
        Compiled node = node(type, v, selection);
        return new Compiled("OPTIONAL MATCH (" + v + ":" + label + " {id: " + parameter(id) + "})\nRETURN "
                + node.expression() + " AS " + column, node.reader());
    }

    /** Reads a list whose elements {@code element} reads. */
    public static Function<Value, Object> listOf(Function<Value, Object> element) {
        return value -> value == null || value.isNull() ? List.of() : value.asList(element::apply);
    }
}
