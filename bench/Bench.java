import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PartnerGraph benchmark: sends each named GraphQL request many times to a running service and
 * prints latency percentiles, then a short concurrent run for throughput.
 * Run: java [-Dwarmup=300] bench/Bench.java [baseUrl] [iterations] [concurrency]   (bench/run.sh starts a service first)
 * Every response is checked: an answer with "errors" counts as a failure, not as a fast request.
 */
public class Bench {

    static final Map<String, String> QUERIES = new LinkedHashMap<>();
    static {
        QUERIES.put("supportersOf(department)", """
                { supportersOf(id: "kashgar-polytechnic-civil-engineering") {
                    id kind since scheme supporter { id name } programme { name } sources { id number } } }""");
        QUERIES.put("supportersOf(region yunnan)", """
                { supportersOf(id: "yunnan", first: 100) {
                    id kind since supporter { id name region { name } } supported { id } programme { name } sources { id } } }""");
        QUERIES.put("partners page of 20", """
                { organization(id: "kashgar-polytechnic") { partners(first: 20) { totalCount
                    pageInfo { hasNextPage endCursor } edges { cursor node { id kind supporter { id name } supported { id } } } } } }""");
        QUERIES.put("search 喀什理工", """
                { search(text: "喀什理工", first: 10) { score node { id ... on Organization { name kind } } } }""");
        QUERIES.put("organizations nested 50", """
                { organizations(first: 50) { totalCount edges { node { id name region { name parent { name } }
                    departments { name } memberOf { id } partners(first: 5) { totalCount edges { node { supporter { id region { id } } } } } } } } }""");
        QUERIES.put("programmes 2018 table", """
                { programmes(filter: {partOfId: "prog-2018-training-table"}, sort: SEQUENCE, first: 20) {
                    totalCount totalFundingWan edges { node { name fundingWan implementers { name } targets { id } } } } }""");
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        int warmup = Integer.getInteger("warmup", 300);
        System.out.printf("PartnerGraph benchmark against %s: %d warm-up rounds of every query (JIT), then "
                + "%d sequential requests per query%n%n", base, warmup, iterations);
        for (int round = 0; round < warmup; round++) {
            for (String query : QUERIES.values()) {
                send(client, request(base, query));
            }
        }
        System.out.printf("%-30s %9s %9s %9s %9s %7s%n", "query", "median ms", "p95 ms", "p99 ms", "max ms", "errors");
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            HttpRequest request = request(base, query.getValue());
            List<Double> millis = new ArrayList<>();
            int errors = 0;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                boolean ok = send(client, request);
                millis.add((System.nanoTime() - start) / 1e6);
                errors += ok ? 0 : 1;
            }
            Collections.sort(millis);
            System.out.printf("%-30s %9.2f %9.2f %9.2f %9.2f %7d%n", query.getKey(), pct(millis, 50), pct(millis, 95),
                    pct(millis, 99), millis.get(millis.size() - 1), errors);
        }

        HttpRequest mixed = request(base, QUERIES.get("partners page of 20"));
        int total = iterations * concurrency;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            results.add(pool.submit(() -> send(client, mixed)));
        }
        int failed = 0;
        for (Future<Boolean> result : results) {
            failed += result.get() ? 0 : 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%nThroughput, partners page of 20, %d concurrent clients: %.0f requests/s (%d requests, %d errors)%n",
                concurrency, total / seconds, total, failed);
    }

    static HttpRequest request(String base, String query) {
        String body = "{\"query\":" + json(query) + "}";
        return HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static boolean send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"errors\"");
        } catch (Exception e) {
            return false;
        }
    }

    static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
