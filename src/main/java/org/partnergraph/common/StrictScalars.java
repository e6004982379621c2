package org.partnergraph.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;

/**
 * Input that is not of the declared type must be refused as BAD_USER_INPUT, never reinterpreted.
 * SmallRye's own Int and ID scalars are lenient where graphql-java's are not: a literal
 * {@code first: 4294967297} wraps around to 1 and answers a one-item page; the same number or 1.5 in a
 * variable fails later inside SmallRye, which the client would see as INTERNAL; {@code first: 2.0} and
 * {@code 1e2} pass as Int; a Float of {@code 1e999} becomes infinity; an ID variable may be an object, a
 * list or a boolean, which is turned into text and looked up; and an ID with a line break or a NUL is
 * looked up as it is. This puts a check in
 * front of SmallRye's coercion, in the schema graphql-java validates against, so such input is refused
 * before anything runs; input that passes is handed to SmallRye's coercion unchanged.
 */
final class StrictScalars implements Coercing<Object, Object> {

    private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final Coercing<?, ?> delegate;
    /** Why an input value (from variables) or literal is not of the type, or null when it is. */
    private final Function<Object, String> problem;

    private StrictScalars(Coercing<?, ?> delegate, Function<Object, String> problem) {
        this.delegate = delegate;
        this.problem = problem;
    }

    /**
     * The schema with its Int and ID scalars guarded; everything else, data fetchers included, is kept.
     * Rebuilding the schema makes new type objects, while SmallRye's type resolvers (which object type a
     * {@code Node} is) still answer the old ones, and graphql-java matches {@code ... on Agreement} by
     * identity: so each resolver's answer is looked up again, by name, in the schema being executed.
     */
    static GraphQLSchema apply(GraphQLSchema schema) {
        GraphQLSchema guarded = guardScalars(schema);
        GraphQLCodeRegistry registry = guarded.getCodeRegistry();
        return guarded.transform(builder -> builder.codeRegistry(registry.transform(code -> {
            for (GraphQLNamedType type : guarded.getAllTypesAsList()) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType face ? registry.getTypeResolver(face)
                        : type instanceof GraphQLUnionType union ? registry.getTypeResolver(union) : null;
                if (resolver != null) {
                    code.typeResolver(type.getName(), environment -> {
                        GraphQLObjectType resolved = resolver.getType(environment);
                        return resolved == null ? null : environment.getSchema().getObjectType(resolved.getName());
                    });
                }
            }
        })));
    }

    private static GraphQLSchema guardScalars(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                Function<Object, String> problem = switch (scalar.getName()) {
                    case "Int" -> StrictScalars::notAnInt;
                    case "Float" -> StrictScalars::notAFloat;
                    case "ID" -> StrictScalars::notAnId;
                    default -> null;
                };
                if (problem == null || scalar.getCoercing() instanceof StrictScalars) {
                    return TraversalControl.CONTINUE;
                }
                return TreeTransformerUtil.changeNode(context,
                        scalar.transform(builder -> builder.coercing(new StrictScalars(scalar.getCoercing(), problem))));
            }
        });
    }

    static String notAnInt(Object input) {
        if (input instanceof FloatValue literal) {
            return "Int: " + literal.getValue().toString() + " is not an Int; write a whole number without a decimal "
                    + "point or exponent.";
        }
        Object value = input instanceof IntValue literal ? literal.getValue() : input;
        if (value == null || value instanceof Value<?>) {
            return null; // Null and other literals: graphql-java's validation refuses what is not an Int.
        }
        if (!(value instanceof Number number)) {
            // SmallRye would turn the text "2025" into 2025; the spec and graphql-java accept numbers only.
            return "Int: must be a whole number (got " + kind(value) + ").";
        }
        BigDecimal decimal;
        try {
            decimal = number instanceof BigDecimal d ? d
                    : number instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return "Int: " + number + " is not a number.";
        }
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            return "Int: " + number + " is not a whole number.";
        }
        if (number instanceof BigDecimal d && d.scale() != 0) {
            // Variables arrive as JSON numbers, BigDecimal with the scale they were written with: 2.0 and 1e2
            // are JSON's floats, and the spec accepts only integers as Int input.
            return "Int: " + number + " is not an Int; write a whole number without a decimal point or exponent.";
        }
        boolean fits = decimal.compareTo(MIN_INT) >= 0 && decimal.compareTo(MAX_INT) <= 0;
        return fits ? null : "Int: " + number + " is outside the 32-bit range.";
    }

    /** A number that is a double; 1e999 would become infinity, which no store or JSON answer can hold. */
    static String notAFloat(Object input) {
        Object value = input instanceof IntValue literal ? literal.getValue()
                : input instanceof FloatValue literal ? literal.getValue() : input;
        if (value == null || value instanceof Value<?>) {
            return null;
        }
        if (!(value instanceof Number number)) {
            return "Float: must be a number (got " + kind(value) + ").";
        }
        return Double.isFinite(number.doubleValue()) ? null : "Float: " + abbreviate(number.toString())
                + " is outside the range of a Float.";
    }

    /**
     * As the GraphQL spec and graphql-java's own ID: a string or a whole number, nothing else; and, being
     * an identifier, no control characters at all (tabs and line breaks included).
     */
    static String notAnId(Object input) {
        Object value = input instanceof StringValue literal ? literal.getValue() : input;
        if (value instanceof String text) {
            int at = firstControl(text);
            return at < 0 ? null : "ID: must not contain control characters (U+"
                    + String.format("%04X", text.codePointAt(at)) + " at position " + (at + 1) + ").";
        }
        if (input instanceof Value<?>) {
            return null; // Literals: SmallRye already accepts only strings and integers.
        }
        if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
            return null;
        }
        if (input instanceof BigDecimal decimal && (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0)) {
            return null;
        }
        return "ID: must be a string (got " + (input == null ? "null" : kind(input)) + ").";
    }

    /** Other text is checked for control characters at the edge, where its field is known ({@link ControlCharacters}). */
    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.CONTROL) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String kind(Object input) {
        return input instanceof java.util.Map ? "an object" : input instanceof java.util.Collection ? "a list"
                : input instanceof Boolean ? "a boolean" : input instanceof Number ? "a fractional number"
                : input instanceof String ? "a string" : "a "
                        + input.getClass().getSimpleName();
    }

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        return delegate.serialize(value, context, locale);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object serialize(Object value) {
        return delegate.serialize(value);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        checkValue(input);
        return delegate.parseValue(input, context, locale);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object parseValue(Object input) {
        checkValue(input);
        return delegate.parseValue(input);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        checkLiteral(input);
        return delegate.parseLiteral(input, variables, context, locale);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object parseLiteral(Object input) {
        checkLiteral(input);
        return delegate.parseLiteral(input);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return delegate.valueToLiteral(input, context, locale);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Value valueToLiteral(Object input) {
        return delegate.valueToLiteral(input);
    }

    private void checkValue(Object input) {
        String why = problem.apply(input);
        if (why != null) {
            throw new CoercingParseValueException(why);
        }
    }

    private void checkLiteral(Object input) {
        String why = problem.apply(input);
        if (why != null) {
            throw new CoercingParseLiteralException(why);
        }
    }
}
