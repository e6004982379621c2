package org.partnergraph.common;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.buffer.Buffer;

/**
 * The bytes of an answer, as SmallRye's handler would send them, written in one pass. SmallRye turns the result
 * into a JSON-P tree (a builder and a map per object), prints the tree to a string and encodes the string; an
 * answer without errors is here written by the same JSON-P generator, value by value in SmallRye's order and with
 * SmallRye's conversion of each value ({@code ExecutionResponse.toJsonValue}), straight into the response's
 * buffer. Anything else — errors (SmallRye formats them with their codes and locations), extensions, a value
 * SmallRye would hand to JSON-B, the option that leaves nulls out — is SmallRye's own string, unchanged.
 * <p>
 * This application adds no extensions to an answer (SmallRye's {@code addExtension} is not used), which
 * {@link ExecutionResponse} does not expose; with assertions on (every test), each streamed answer is compared
 * with SmallRye's string for the same response, so an answer that would differ fails the test that sent it.
 */
final class ResponseJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());
    private static final int FIRST_CAPACITY = 1024;
    /** Answers written here since start (tests: the application's answers take this way). */
    private static final AtomicLong STREAMED = new AtomicLong();

    private ResponseJson() {
    }

    /** The answer's bytes (UTF-8). */
    static Buffer of(ExecutionResponse response) {
        ExecutionResult result = response.getExecutionResult();
        if (result.getErrors().isEmpty() && result.getExtensions() == null
                && !io.smallrye.graphql.spi.config.Config.get().isExcludeNullFieldsInResponses()) {
            Buffer buffer = Buffer.buffer(FIRST_CAPACITY);
            try (JsonGenerator json = GENERATORS.createGenerator(new Appending(buffer), StandardCharsets.UTF_8)) {
                json.writeStartObject();
                if (result.isDataPresent()) {
                    value(json, "data", result.getData());
                }
                json.writeEnd();
            } catch (NotStreamed e) {
                return smallRyes(response);
            }
            assert sameAsSmallRyes(buffer, response);
            STREAMED.incrementAndGet();
            return buffer;
        }
        return smallRyes(response);
    }

    static long streamed() {
        return STREAMED.get();
    }

    private static Buffer smallRyes(ExecutionResponse response) {
        return Buffer.buffer(response.getExecutionResultAsString(), "UTF-8");
    }

    /** One value, under its name in an object or (name null) as an item of an array. */
    private static void value(JsonGenerator json, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (name == null) {
                json.writeStartObject();
            } else {
                json.writeStartObject(name);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new NotStreamed();
                }
                value(json, key, entry.getValue());
            }
            json.writeEnd();
        } else if (value instanceof Collection<?> items) {
            if (name == null) {
                json.writeStartArray();
            } else {
                json.writeStartArray(name);
            }
            for (Object item : items) {
                value(json, null, item);
            }
            json.writeEnd();
        } else if (value instanceof String text) {
            if (name == null) {
                json.write(text);
            } else {
                json.write(name, text);
            }
        } else {
            JsonValue leaf = leaf(value);
            if (name == null) {
                json.write(leaf);
            } else {
                json.write(name, leaf);
            }
        }
    }

    /** SmallRye's conversion of a value that is neither an object nor a list nor a string. */
    private static JsonValue leaf(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Double number) {
            return JSON.createValue(number.doubleValue());
        } else if (value instanceof Float number) {
            // As SmallRye: through its decimal text, since widening to double would add digits.
            return JSON.createValue(new BigDecimal(String.valueOf(number.floatValue())));
        } else if (value instanceof Long number) {
            return JSON.createValue(number.longValue());
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).intValue());
        } else if (value instanceof BigDecimal number) {
            return JSON.createValue(number);
        } else if (value instanceof BigInteger number) {
            return JSON.createValue(number);
        } else if (value instanceof Enum<?> constant) {
            return JSON.createValue(constant.name());
        }
        throw new NotStreamed(); // SmallRye hands it to JSON-B: its string, then.
    }

    /** The bytes SmallRye's handler would send: its string, encoded as UTF-8 (half a surrogate pair becomes '?'). */
    private static boolean sameAsSmallRyes(Buffer streamed, ExecutionResponse response) {
        String ours = streamed.toString(StandardCharsets.UTF_8);
        String theirs = response.getExecutionResultAsString();
        if (!Arrays.equals(streamed.getBytes(), smallRyes(response).getBytes())) {
            throw new AssertionError("The streamed answer differs from SmallRye's:\n" + abbreviate(ours) + "\n" + abbreviate(theirs));
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
    }

    /** A value the stream leaves to SmallRye. */
    private static final class NotStreamed extends RuntimeException {
        NotStreamed() {
            super(null, null, false, false);
        }
    }

    /** The generator's bytes, appended to the response's buffer. */
    private static final class Appending extends OutputStream {
        private final Buffer buffer;

        Appending(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }
}
