package org.partnergraph.common;

import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import graphql.language.Argument;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.StringValue;
import graphql.language.VariableDefinition;

/**
 * Finds text a request carries that holds control characters: NUL and the other C0 and C1 controls, but
 * not tab, line feed and carriage return, which a quote or an imported bundle may contain. No name, id,
 * quote or document number has them; PostgreSQL refuses NUL outright, which surfaced as INTERNAL. The
 * check runs at the edge ({@link GraphQLRequestGuard}) over every string in the variables and every
 * string literal in the document, so no feature can forget it, and the answer names where the text is
 * ({@code variables.input.name}, {@code argument idempotencyKey}). ID-typed values are stricter still
 * (no line breaks or tabs either): that needs the schema, so {@link StrictScalars} checks it.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static Optional<String> inVariables(JsonValue variables) {
        return in(variables, "variables");
    }

    private static Optional<String> in(JsonValue value, String path) {
        if (value instanceof JsonString text) {
            return problem(text.getString(), path);
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                Optional<String> found = in(field.getValue(), path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                Optional<String> found = in(array.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** String literals, named by the argument (and input fields) or variable default they are in. */
    static Optional<String> inDocument(Node<?> node) {
        return inNode(node, "document");
    }

    private static Optional<String> inNode(Node<?> node, String path) {
        if (node instanceof StringValue literal) {
            return problem(literal.getValue(), path);
        }
        String here = node instanceof Argument argument ? "argument " + argument.getName()
                : node instanceof ObjectField field ? path + "." + field.getName()
                : node instanceof VariableDefinition variable ? "default of $" + variable.getName() : path;
        for (Node<?> child : node.getChildren()) {
            Optional<String> found = inNode(child, here);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(path + ": must not contain control characters (U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + ").");
            }
        }
        return Optional.empty();
    }
}
