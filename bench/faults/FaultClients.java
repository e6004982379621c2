import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clients of bench/faults.sh: C threads send N upsertOrganization mutations, each with its own
 * idempotency key, spread over the replicas, while the script kills and restarts the stores and a
 * replica. What every client was told is written to outcomes.tsv, for FaultCheck to hold against the
 * change log and the graph.
 * <p>
 * A client behaves as the README asks one to: an answer it cannot trust to be final (a transport error, an
 * HTTP 5xx, INTERNAL, or any message that says to retry with the same idempotency key) is retried with the
 * same key, on the next replica, until it gets an acknowledgement or a refusal (at most 3 minutes).
 * A refusal that says nothing was written is taken at its word and not retried: that is how a phantom
 * (told "nothing written", yet in the log) shows. A refusal after an earlier unknown outcome does not
 * settle that earlier attempt, so the client keeps retrying then.
 * <p>
 * Meanwhile an observer samples who holds the projector's advisory lock (pg_locks, by JDBC application
 * name) and each replica's partnergraph_projector_applied_total. After the writes, and once the script
 * says the faults are over (the file chaos-done), it waits until every replica's readiness shows no
 * pending change.
 * <p>
 * FaultClients replicasCsv issuerUrl writes clients runId outDir jdbcUrl maxMinutes
 */
public class FaultClients {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MUTATION = """
            mutation W($input: OrganizationInput!, $key: String) {
              upsertOrganization(input: $input, idempotencyKey: $key) { change { id status graphBookmark } }
            }""";
    static final String READ = "query R($id: ID!) { organization(id: $id) { id } }";
    static final Pattern RETRY_SAME_KEY = Pattern.compile("same idempotency key", Pattern.CASE_INSENSITIVE);
    static final Pattern NOTHING_WRITTEN = Pattern.compile("nothing (was )?written", Pattern.CASE_INSENSITIVE);
    static final Duration WRITE_DEADLINE = Duration.ofMinutes(3);
    static final int BOOKMARK_SAMPLE = 50;
    /** The projector's lock key (ChangeRepository.PROJECTOR_LOCK, 0x5047_0002): classid 0, objid its low 32 bits. */
    static final long PROJECTOR_LOCK_OBJID = 0x5047_0002L;

    final List<String> replicas;
    final String issuer;
    final int writes;
    final String run;
    final Path out;
    final String jdbcUrl;
    final long stopBy;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final ConcurrentLinkedQueue<String> rows = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    volatile String token;
    volatile long tokenAt;
    volatile boolean observing = true;

    FaultClients(String[] args) {
        replicas = List.of(args[0].split(","));
        issuer = args[1];
        writes = Integer.parseInt(args[2]);
        run = args[4];
        out = Path.of(args[5]);
        jdbcUrl = args[6];
        stopBy = System.nanoTime() + Duration.ofMinutes(Long.parseLong(args[7])).toNanos();
    }

    public static void main(String[] args) throws Exception {
        new FaultClients(args).run(Integer.parseInt(args[3]));
    }

    void run(int clients) throws Exception {
        long started = System.nanoTime();
        Observer observer = new Observer();
        Thread observerThread = new Thread(observer, "observer");
        observerThread.start();
        Thread progress = new Thread(this::reportProgress, "progress");
        progress.setDaemon(true);
        progress.start();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> client(client), "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        Files.writeString(out.resolve("progress"), Integer.toString(done.get()));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("outcomes.tsv")))) {
            w.println("index\tclient\tkey\toutcome\tchangeId\tstatus\tcode\ttoldNothingWritten\tattempts\ttransportErrors"
                    + "\tunknownAnswers\tackIds\torderOk\tbookmarkRead\tmessage");
            rows.forEach(w::println);
        }
        System.out.printf(Locale.ROOT, "writes done in %.1f s; counters %s%n", writeSeconds, new TreeMap<>(counters));
        // Tells the fault loop that no more writes will come, so a fault still waiting for its turn is not awaited.
        Files.writeString(out.resolve("writes-done"), Integer.toString(done.get()));

        // The faults may still be under way (a store restarting): the drain is judged once they are over.
        while (!Files.exists(out.resolve("chaos-done"))) {
            Thread.sleep(500);
        }
        long drainStart = System.nanoTime();
        boolean drained = waitUntilDrained(Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "projector drained on every replica: %s (%.1f s after the faults ended)%n", drained,
                (System.nanoTime() - drainStart) / 1e9);
        observing = false;
        observerThread.join();
        observer.report(out.resolve("observer.txt"), drained);
    }

    /**
     * At least {@code writes} writes, and more (one a second per client) until the faults are over, so that every
     * fault happens under write load whatever the size; no new write starts after the time limit.
     */
    void client(int client) {
        long lastAckId = 0;
        int i;
        while (true) {
            i = next.getAndIncrement();
            boolean faultsOver = Files.exists(out.resolve("chaos-done"));
            if ((i >= writes && faultsOver) || System.nanoTime() > stopBy) {
                break;
            }
            if (i >= writes) {
                // Past the asked number while faults remain: keep a trickle of writes going, not a growing backlog.
                pause(10);
            }
            String key = "fault-" + run + "-" + letters(i);
            String row = write(client, i, key, lastAckId);
            String[] cols = row.split("\t", -1);
            if (cols[3].equals("ACK")) {
                lastAckId = Math.max(lastAckId, Long.parseLong(cols[4]));
            }
            rows.add(row);
            done.incrementAndGet();
        }
    }

    /** One write to its end: acknowledged, refused, or unresolved after the deadline. Answers its TSV row. */
    String write(int client, int index, String key, long lastAckId) {
        ObjectNodeBuilder input = new ObjectNodeBuilder(key, index);
        int replica = index % replicas.size();
        int attempts = 0;
        int transportErrors = 0;
        int unknownAnswers = 0;
        List<String> ackIds = new ArrayList<>();
        String lastCode = "";
        String lastMessage = "";
        long deadline = System.nanoTime() + WRITE_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            attempts++;
            String base = replicas.get(replica);
            HttpResponse<String> response;
            try {
                response = post(base, MUTATION, input.variables(), null, Duration.ofSeconds(30));
            } catch (IOException e) {
                count("transport:" + e.getClass().getSimpleName());
                transportErrors++;
                lastCode = "TRANSPORT";
                lastMessage = String.valueOf(e.getMessage());
                replica = (replica + 1) % replicas.size();
                pause(attempts);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (response.statusCode() == 401) {
                count("http:401");
                token = null;
                continue;
            }
            if (response.statusCode() != 200) {
                count("http:" + response.statusCode());
                unknownAnswers++;
                lastCode = "HTTP_" + response.statusCode();
                lastMessage = response.body();
                replica = (replica + 1) % replicas.size();
                pause(attempts);
                continue;
            }
            JsonNode body = parse(response.body());
            JsonNode change = body.path("data").path("upsertOrganization").path("change");
            if (change.isObject() && body.path("errors").isMissingNode()) {
                String id = change.path("id").asText();
                String status = change.path("status").asText();
                ackIds.add(id);
                count("ack:" + status);
                boolean orderOk = Long.parseLong(id) > lastAckId;
                String bookmarkRead = "";
                if (index % BOOKMARK_SAMPLE == 0) {
                    bookmarkRead = change.path("graphBookmark").isTextual()
                            ? readOnAnother(replica, key, change.path("graphBookmark").asText())
                            : "SKIPPED_NO_BOOKMARK";
                    count("bookmark:" + bookmarkRead);
                }
                return row(index, client, key, "ACK", id, status, "", false, attempts, transportErrors, unknownAnswers,
                        ackIds, orderOk, bookmarkRead, "");
            }
            JsonNode error = body.path("errors").path(0);
            lastCode = error.path("extensions").path("code").asText("NONE");
            lastMessage = error.path("message").asText("");
            count("error:" + lastCode);
            boolean unknown = "WRITE_OUTCOME_UNKNOWN".equals(lastCode) || RETRY_SAME_KEY.matcher(lastMessage).find()
                    || "INTERNAL".equals(lastCode);
            if (unknown || transportErrors + unknownAnswers > 0) {
                // Either the answer itself says the outcome is unknown, or an earlier attempt's is: retry, same key.
                if (unknown) {
                    unknownAnswers++;
                }
                replica = (replica + 1) % replicas.size();
                pause(attempts);
                continue;
            }
            return row(index, client, key, "REFUSED", "", "", lastCode, NOTHING_WRITTEN.matcher(lastMessage).find(),
                    attempts, transportErrors, unknownAnswers, ackIds, true, "", lastMessage);
        }
        count("unresolved");
        return row(index, client, key, "UNRESOLVED", "", "", lastCode, false, attempts, transportErrors, unknownAnswers,
                ackIds, true, "", lastMessage);
    }

    /**
     * Reads the write back on another replica with the returned bookmark. OK: seen; STALE: the organisation is
     * missing (read-your-writes broken); UNAVAILABLE: no replica could answer within a minute.
     */
    String readOnAnother(int writtenOn, String id, String bookmark) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int replica = (writtenOn + 1) % replicas.size();
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            attempt++;
            if (replica == writtenOn) {
                replica = (replica + 1) % replicas.size();
            }
            try {
                HttpResponse<String> response = post(replicas.get(replica), READ, Map.of("id", id), bookmark,
                        Duration.ofSeconds(30));
                JsonNode body = parse(response.body());
                if (response.statusCode() == 200 && body.path("errors").isMissingNode()) {
                    return body.path("data").path("organization").path("id").asText("").equals(id) ? "OK" : "STALE";
                }
                count("bookmarkReadError:" + body.path("errors").path(0).path("extensions").path("code").asText("HTTP_"
                        + response.statusCode()));
            } catch (IOException e) {
                count("bookmarkReadError:transport");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            replica = (replica + 1) % replicas.size();
            pause(attempt);
        }
        return "UNAVAILABLE";
    }

    HttpResponse<String> post(String base, String query, Object variables, String bookmark, Duration timeout)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bookmark != null) {
            request.header("PartnerGraph-Bookmark", bookmark);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An editor's token, renewed well before the issuer's one hour runs out. */
    String token() throws IOException, InterruptedException {
        String current = token;
        if (current == null || System.nanoTime() - tokenAt > Duration.ofMinutes(20).toNanos()) {
            synchronized (this) {
                if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(20).toNanos()) {
                    token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/token?sub=fault-editor&groups=editor"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                    tokenAt = System.nanoTime();
                }
                current = token;
            }
        }
        return current;
    }

    /** Replicas readiness: every one answers and shows 0 pending changes. */
    boolean waitUntilDrained(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (String base : replicas) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode pending = null;
                    for (JsonNode check : parse(r.body()).path("checks")) {
                        if (check.path("data").has("pending")) {
                            pending = check.path("data").path("pending");
                        }
                    }
                    all &= r.statusCode() == 200 && pending != null && pending.asLong() == 0;
                } catch (IOException e) {
                    all = false;
                }
            }
            if (all) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    void reportProgress() {
        while (true) {
            try {
                Files.writeString(out.resolve("progress.tmp"), Integer.toString(done.get()));
                Files.move(out.resolve("progress.tmp"), out.resolve("progress"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(200);
            } catch (IOException e) {
                // The next round writes it again.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String row(int index, int client, String key, String outcome, String id, String status, String code,
            boolean nothingWritten, int attempts, int transportErrors, int unknownAnswers, List<String> ackIds,
            boolean orderOk, String bookmarkRead, String message) {
        return String.join("\t", Integer.toString(index), Integer.toString(client), key, outcome, id, status, code,
                Boolean.toString(nothingWritten), Integer.toString(attempts), Integer.toString(transportErrors),
                Integer.toString(unknownAnswers), String.join(",", ackIds), Boolean.toString(orderOk), bookmarkRead,
                message.replaceAll("[\\t\\r\\n]+", " "));
    }

    /** Letters only: ids are slugs, and a run of seven digits would be refused as a phone number. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.reverse().toString();
    }

    /** The mutation's variables: a new school with a cited source, its id the idempotency key. */
    record ObjectNodeBuilder(String key, int index) {
        Map<String, Object> variables() {
            return Map.of("key", key, "input", Map.of("id", key, "kind", "SCHOOL", "name", "故障测试学校" + letters(index),
                    "regionId", "yunnan-chuxiong",
                    "source", Map.of("documentId", "doc-2023-chu-jiaofu-31", "quote", "一对一")));
        }
    }

    /**
     * Evidence for "one projector drainer": PostgreSQL grants an advisory lock to one session at a time, so the
     * sampled holders are at most one by construction; what the samples add is which replica drained when, and
     * that others waited. The applied counters (per replica, summed across restarts) say how many changes each
     * replica applied; their total next to the number of changes shows whether any change was applied twice
     * (a change re-applied after a graph crash between Neo4j's commit and the log's is counted again).
     */
    final class Observer implements Runnable {
        final Map<String, AtomicLong> holderSamples = new TreeMap<>();
        final AtomicLong samples = new AtomicLong();
        final AtomicLong heldSamples = new AtomicLong();
        long maxHolders;
        long maxWaiters;
        long pgErrors;
        final long[] appliedBanked = new long[replicas.size()];
        final double[] appliedLast = new double[replicas.size()];
        final double[] startTime = new double[replicas.size()];

        @Override
        public void run() {
            Connection c = null;
            long lastScrape = 0;
            while (observing) {
                try {
                    if (c == null || c.isClosed()) {
                        c = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                                + "ApplicationName=fault-observer&connectTimeout=2&socketTimeout=5", "postgres", "postgres");
                    }
                    sampleLocks(c);
                } catch (Exception e) {
                    pgErrors++;
                    try {
                        if (c != null) {
                            c.close();
                        }
                    } catch (Exception ignored) {
                        // already gone
                    }
                    c = null;
                }
                if (System.nanoTime() - lastScrape > Duration.ofSeconds(1).toNanos()) {
                    scrapeApplied();
                    lastScrape = System.nanoTime();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            scrapeApplied();
        }

        void sampleLocks(Connection c) throws Exception {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT a.application_name AS holder, l.granted
                    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = %d""".formatted(PROJECTOR_LOCK_OBJID))) {
                long holders = 0;
                long waiters = 0;
                while (r.next()) {
                    if (r.getBoolean("granted")) {
                        holders++;
                        holderSamples.computeIfAbsent(r.getString("holder"), k -> new AtomicLong()).incrementAndGet();
                    } else {
                        waiters++;
                    }
                }
                samples.incrementAndGet();
                if (holders > 0) {
                    heldSamples.incrementAndGet();
                }
                maxHolders = Math.max(maxHolders, holders);
                maxWaiters = Math.max(maxWaiters, waiters);
            }
        }

        /**
         * A replica that was restarted starts its counter again: its start time (process_start_time_seconds)
         * tells, and the value before counts too.
         */
        void scrapeApplied() {
            for (int i = 0; i < replicas.size(); i++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(replicas.get(i) + "/q/metrics"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                    double applied = metric(r.body(), "partnergraph_projector_applied_total");
                    double startedAt = metric(r.body(), "process_start_time_seconds");
                    if (applied < 0) {
                        continue;
                    }
                    if (startedAt != startTime[i] && startTime[i] != 0 || applied < appliedLast[i]) {
                        appliedBanked[i] += (long) appliedLast[i];
                    }
                    startTime[i] = startedAt;
                    appliedLast[i] = applied;
                } catch (IOException e) {
                    // Down (killed, or restarting): its last value is kept.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        static double metric(String body, String name) {
            Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        }

        void report(Path file, boolean drained) throws IOException {
            List<String> applied = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < replicas.size(); i++) {
                long n = appliedBanked[i] + (long) appliedLast[i];
                applied.add(Long.toString(n));
                total += n;
            }
            List<String> holders = new ArrayList<>();
            holderSamples.forEach((k, v) -> holders.add(k + ":" + v));
            Files.writeString(file, String.join("\n",
                    "drained=" + drained,
                    "lockSamples=" + samples.get(),
                    "lockHeldSamples=" + heldSamples.get(),
                    "lockMaxHolders=" + maxHolders,
                    "lockMaxWaiters=" + maxWaiters,
                    "lockHolders=" + String.join(",", holders),
                    "lockSampleErrors=" + pgErrors,
                    "appliedByReplica=" + String.join("+", applied),
                    "appliedTotal=" + total) + "\n");
        }
    }
}
