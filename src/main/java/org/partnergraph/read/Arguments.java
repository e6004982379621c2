package org.partnergraph.read;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads graphql-java's coerced argument values (defaults applied) into the types the features'
 * validation takes. Enum values arrive as their names or as Java enums, depending on the schema.
 */
public final class Arguments {

    private Arguments() {
    }

    public static String string(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        return value == null ? null : value.toString();
    }

    public static Integer integer(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    public static Boolean bool(Map<String, Object> arguments, String name) {
        return (Boolean) arguments.get(name);
    }

    public static <E extends Enum<E>> E enumValue(Map<String, Object> arguments, String name, Class<E> type) {
        return toEnum(arguments.get(name), type);
    }

    public static <E extends Enum<E>> List<E> enumList(Map<String, Object> arguments, String name, Class<E> type) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        return ((List<?>) value).stream().map(v -> toEnum(v, type)).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> arguments, String name) {
        return (Map<String, Object>) arguments.get(name);
    }

    public static <T> T map(Map<String, Object> arguments, String name, Function<Map<String, Object>, T> mapper) {
        Map<String, Object> value = object(arguments, name);
        return value == null ? null : mapper.apply(value);
    }

    private static <E extends Enum<E>> E toEnum(Object value, Class<E> type) {
        if (value == null) {
            return null;
        }
        return type.isInstance(value) ? type.cast(value) : Enum.valueOf(type, value.toString());
    }
}
