package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.partnergraph.graph.Graph;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Reads run under partnergraph.graph.transaction-timeout (5 s by default): Neo4j stops a read that runs
 * longer, and the API answers LIMIT_EXCEEDED naming the timeout.
 * <p>
 * The slow read is deliberate Cypher sent through the real {@link Graph} (10^10 rows, which would take
 * minutes), because no API query is reliably slow on the test dataset, and a tiny timeout does not help:
 * Neo4j checks timeouts every couple of seconds, so short reads finish whatever their timeout, and a
 * timeout short enough to catch an ordinary read would also stop the reads the service makes at start.
 * The client-facing half is the real {@link CodedErrorsInterceptor}, given the driver's real exception.
 */
@QuarkusTest
class ReadTimeoutTest {

    static final String SLOW = "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n";

    @Inject
    Graph graph;

    @ConfigProperty(name = "partnergraph.graph.transaction-timeout")
    Duration timeout;

    @Test
    void aReadPastTheTimeoutIsStoppedByNeo4jAndAnsweredLimitExceeded() throws Exception {
        Instant start = Instant.now();
        Supplier<Long> slowRead = () -> graph.readSingle(SLOW, Map.of(), r -> r.get("n").asLong()).orElseThrow();

        ClientException stopped = assertThrows(ClientException.class, slowRead::get);
        Duration took = Duration.between(start, Instant.now());
        assertTrue(stopped.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut"), stopped.code());
        assertTrue(took.compareTo(timeout) >= 0 && took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);

        // What an API method that made this read answers: the interceptor gets the driver's exception.
        LimitExceededException answer = assertThrows(LimitExceededException.class,
                () -> new CodedErrorsInterceptor(timeout).translate(invocation(() -> {
                    throw stopped;
                })));
        assertTrue(answer.getMessage().startsWith("timeout:") && answer.getMessage().contains("5 s"), answer.getMessage());
    }

    /** The API method call the interceptor wraps: here, a read. */
    static InvocationContext invocation(Supplier<?> call) throws NoSuchMethodException {
        Method method = ReadTimeoutTest.class.getDeclaredMethod("aReadPastTheTimeoutIsStoppedByNeo4jAndAnsweredLimitExceeded");
        return new InvocationContext() {
            public Object getTarget() { return null; }
            public Object getTimer() { return null; }
            public Method getMethod() { return method; }
            public Constructor<?> getConstructor() { return null; }
            public Object[] getParameters() { return new Object[0]; }
            public void setParameters(Object[] parameters) { }
            public Map<String, Object> getContextData() { return new HashMap<>(); }
            public Object proceed() { return call.get(); }
        };
    }
}
