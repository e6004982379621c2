import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write benchmark: mutation latency with the projector inline (each write committed to the change log
 * and applied to the graph before the answer), then how long the projector takes to apply 1,000
 * changes (replayChanges over the last 1,000), then a rebuild of the whole graph from the log.
 * Run by bench/run.sh (compiled with Bench.java and Issuer.java): BenchWrites baseUrl issuerUrl [writes]
 */
public class BenchWrites {

    static final Pattern NUMBER = Pattern.compile("\"%s\":\"?(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String issuer = args[1];
        int writes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = client.send(HttpRequest.newBuilder(URI.create(issuer + "/token?sub=bench-editor&groups=editor,admin"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        System.out.printf("%nWrites: %d upsertOrganization + createPartnership pairs, sequential, projector inline%n", writes / 2);
        List<Double> upserts = new ArrayList<>();
        List<Double> pairings = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < writes / 2; i++) {
            String id = "bench-" + run + "-" + Integer.toString(i, 36);
            upserts.add(timed(client, base, token, """
                    mutation { upsertOrganization(input: {id: "%s", name: "基准学校%d", kind: SCHOOL, regionId: "yunnan-chuxiong",
                      source: {documentId: "doc-2023-chu-jiaofu-31", quote: "一对一"}}) { change { id status } } }"""
                    .formatted(id, i)));
            pairings.add(timed(client, base, token, """
                    mutation { createPartnership(input: {kind: PAIRED_WITH, supporterId: "jiading-education-bureau",
                      supportedId: "%s", since: "2025", source: {documentId: "doc-2023-chu-jiaofu-31", quote: "一对一"}})
                      { change { id status } } }""".formatted(id)));
        }
        report("upsertOrganization", upserts);
        report("createPartnership", pairings);

        String last = send(client, base, token, "{ changes(first: 1) { edges { node { id } } } }");
        long lastChange = number(last, "id");
        long after = Math.max(0, lastChange - 1000);
        String replay = run(client, base, token, "replayChanges(after: \"%d\", waitSeconds: 60)".formatted(after));
        System.out.printf("%nCatch-up: replayChanges applied %d pending changes in %d ms%n",
                number(replay, "changesApplied"), number(replay, "tookMillis"));
        String rebuild = run(client, base, token, "rebuildGraph(waitSeconds: 60)");
        System.out.printf("Rebuild: %d changes -> %d nodes, %d relationships in %d ms%n", number(rebuild, "changesApplied"),
                number(rebuild, "nodes"), number(rebuild, "relationships"), number(rebuild, "tookMillis"));
    }

    /**
     * A graph run (rebuildGraph, replayChanges) to its end: the mutation answers RUNNING when the run outlasts its
     * wait, and graphRun(id) is asked until it is not. Answers the ended run.
     */
    static String run(HttpClient client, String base, String token, String mutation) throws Exception {
        String fields = "{ id status changesApplied nodes relationships tookMillis }";
        String body = send(client, base, token, "mutation { " + mutation + " " + fields + " }");
        while (body.contains("\"RUNNING\"")) {
            Thread.sleep(1000);
            body = send(client, base, token, "{ graphRun(id: \"%d\") %s }".formatted(number(body, "id"), fields));
        }
        if (!body.contains("\"DONE\"")) {
            throw new IllegalStateException("Graph run did not end DONE: " + body);
        }
        return body;
    }

    static double timed(HttpClient client, String base, String token, String mutation) throws Exception {
        long start = System.nanoTime();
        String body = send(client, base, token, mutation);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!body.contains("\"APPLIED\"")) {
            throw new IllegalStateException("Write not applied inline: " + body);
        }
        return millis;
    }

    static String send(HttpClient client, String base, String token, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + Bench.json(query) + "}")).build();
        String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (body.contains("\"errors\"")) {
            throw new IllegalStateException("Request failed: " + body);
        }
        return body;
    }

    static long number(String body, String field) {
        Matcher m = Pattern.compile(NUMBER.pattern().formatted(field)).matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + field + " in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static void report(String name, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf("%-20s median %.2f ms, p95 %.2f ms, max %.2f ms (%d writes)%n", name, Bench.pct(millis, 50),
                Bench.pct(millis, 95), millis.get(millis.size() - 1), millis.size());
    }
}
