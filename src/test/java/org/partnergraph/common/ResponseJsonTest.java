package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.buffer.Buffer;

/**
 * The answer written in one pass has exactly SmallRye's bytes, for every kind of value graphql-java hands over,
 * and anything the stream does not write itself is SmallRye's own string. Each case is compared with
 * {@link ExecutionResponse#getExecutionResultAsString()} of the same response, so it holds whatever SmallRye
 * version is on the class path.
 */
class ResponseJsonTest {

    private enum Kind { PAIRED_WITH }

    @Test
    void everyKindOfValueIsWrittenAsSmallRyeWritesIt() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "kashgar-polytechnic");
        node.put("name", "喀什职业技术学院 \"quoted\" back\\slash \u0000\u001f tab\t line\n é 𝄞 \u2028 </script>");
        node.put("emoji", "👩🏽‍🏫");
        node.put("none", null);
        node.put("yes", true);
        node.put("no", false);
        node.put("int", Integer.MIN_VALUE);
        node.put("short", (short) 7);
        node.put("byte", (byte) -3);
        node.put("long", Long.MAX_VALUE);
        node.put("double", 1.0e10);
        node.put("small", 0.1);
        node.put("negativeZero", -0.0);
        node.put("whole", 12.0);
        node.put("float", 0.1f);
        node.put("decimal", new BigDecimal("12345678901234567890.000100"));
        node.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        node.put("kind", Kind.PAIRED_WITH);
        node.put("json", Json.createObjectBuilder().add("a", 1).add("b", Json.createArrayBuilder().add("x").addNull()).build());
        node.put("empty", Map.of());
        node.put("nothing", List.of());
        node.put("nested", List.of(List.of(1, 2), List.of(), Arrays.asList(null, "x", Map.of("k", 1.5))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organization", node);
        data.put("alias", new ArrayList<>(List.of(node, node)));
        data.put("missing", null);
        assertSame(ExecutionResultImpl.newExecutionResult().data(data).build());
    }

    /**
     * Every character of the BMP but the surrogates, and supplementary characters across the whole range, as
     * values and as names: escaped and encoded exactly as SmallRye's JSON-P writer does, by the streamed path.
     */
    @Test
    void everyCharacterIsEscapedAndEncodedAsSmallRyeDoes() {
        Map<String, Object> data = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!Character.isSurrogate((char) c)) {
                data.put("c" + c, "<" + (char) c + ">");
                all.append((char) c);
            }
        }
        for (int c = 0x10000; c <= 0x10FFFF; c += 97) {
            data.put("s" + c, new String(Character.toChars(c)));
            all.appendCodePoint(c);
        }
        data.put(all.toString(), all.toString());
        long streamed = ResponseJson.streamed();
        assertSame(ExecutionResultImpl.newExecutionResult().data(data).build());
        assertEquals(streamed + 1, ResponseJson.streamed(), "written by the stream, not SmallRye's string");
    }

    /** Half a surrogate pair, as a value or a name, anywhere in the answer: the bytes SmallRye's handler would send. */
    @Test
    void anUnpairedSurrogateIsSentAsSmallRyeSendsIt() {
        for (String odd : List.of("\uD834", "a\uDD1E", "\uDD1E\uD834", "x\uD834y")) {
            assertSameBytes(ExecutionResultImpl.newExecutionResult().data(Map.of("list", List.of("ok", Map.of("name", odd)))).build());
            assertSameBytes(ExecutionResultImpl.newExecutionResult().data(Map.of(odd, 1)).build());
        }
    }

    @Test
    void noDataAndNullDataAreAsSmallRyeWritesThem() {
        assertSame(ExecutionResultImpl.newExecutionResult().build());
        assertSame(ExecutionResultImpl.newExecutionResult().data(null).build());
        assertSame(ExecutionResultImpl.newExecutionResult().data(new HashMap<>()).build());
    }

    @Test
    void errorsExtensionsAndValuesForJsonBAreSmallRyesOwnString() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organization", null);
        assertSame(ExecutionResultImpl.newExecutionResult().data(data)
                .addError(GraphqlErrorBuilder.newError().message("organization: no organization with id 'x'.")
                        .path(ResultPath.parse("/organization")).extensions(Map.of("code", "NOT_FOUND")).build())
                .build());
        assertSame(ExecutionResultImpl.newExecutionResult().data(Map.of("a", 1))
                .extensions(Map.of("cost", 3)).build());
        // Not a value graphql-java completes to, but SmallRye would give it to JSON-B: so does the answer.
        assertSame(ExecutionResultImpl.newExecutionResult().data(Map.of("day", LocalDate.of(2026, 12, 3))).build());
    }

    /** As SmallRye's handler sends its string: encoded as UTF-8 (an unpaired surrogate becomes {@code ?}). */
    private static void assertSameBytes(ExecutionResult result) {
        ExecutionResponse response = new ExecutionResponse(result);
        byte[] expected = Buffer.buffer(response.getExecutionResultAsString(), "UTF-8").getBytes();
        assertArrayEquals(expected, ResponseJson.of(response).getBytes());
    }

    private static void assertSame(ExecutionResult result) {
        ExecutionResponse response = new ExecutionResponse(result);
        String expected = response.getExecutionResultAsString();
        assertEquals(expected, ResponseJson.of(response).toString(StandardCharsets.UTF_8));
    }
}
