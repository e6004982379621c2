import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Holds what the clients of bench/faults.sh were told (outcomes.tsv) against the change log (PostgreSQL,
 * over JDBC) and the graph (Neo4j, over Bolt), and prints the figures line. Definitions:
 * <ul>
 * <li>lost: acknowledged, but its key is not in the log, or its organisation is not in the graph;</li>
 * <li>doubled: a key twice in the log, an organisation twice in the graph, two changes about one
 *     organisation, or one key acknowledged with two different change ids;</li>
 * <li>phantom: in the log or the graph although the client was told nothing was written;</li>
 * <li>untruthful: any answer the stores contradict: a phantom, an acknowledged change id that is not the
 *     log's id for that key, or a key acknowledged but not in the log.</li>
 * </ul>
 * FaultCheck outDir jdbcUrl boltUri runId faultsSummary
 */
public class FaultCheck {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String prefix = "fault-" + args[3] + "-";
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("outcomes.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split("\t", -1));
        }

        // The whole log: its order, and our run's changes by key.
        Map<String, long[]> logByKey = new HashMap<>(); // key -> {id, applied?1:0}
        Map<String, Integer> keyCount = new HashMap<>();
        Map<String, Integer> targetCount = new HashMap<>();
        long changes = 0;
        long maxId = 0;
        long orderBreaks = 0;
        long previous = 0;
        long notApplied = 0;
        try (Connection c = DriverManager.getConnection(args[1], "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, idempotency_key, target_id, status FROM change ORDER BY id")) {
            while (r.next()) {
                long id = r.getLong("id");
                changes++;
                // One order: ids strictly increasing from 1 without gaps (ids are assigned under the write lock).
                if (id != previous + 1) {
                    orderBreaks++;
                }
                previous = id;
                maxId = Math.max(maxId, id);
                if (!"APPLIED".equals(r.getString("status"))) {
                    notApplied++;
                }
                String key = r.getString("idempotency_key");
                if (key != null && key.startsWith(prefix)) {
                    keyCount.merge(key, 1, Integer::sum);
                    logByKey.put(key, new long[] { id, "APPLIED".equals(r.getString("status")) ? 1 : 0 });
                }
                String target = r.getString("target_id");
                if (target != null && target.startsWith(prefix)) {
                    targetCount.merge(target, 1, Integer::sum);
                }
            }
        }

        Map<String, Long> graph = new HashMap<>();
        long marker;
        try (Driver driver = GraphDatabase.driver(args[2], AuthTokens.basic("neo4j", "neo4j"));
                Session session = driver.session()) {
            for (Record record : session.run("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, count(*) AS n",
                    Map.of("prefix", prefix)).list()) {
                graph.put(record.get("id").asString(), record.get("n").asLong());
            }
            marker = session.run("OPTIONAL MATCH (p:__Projection {id: 'change-log'}) RETURN coalesce(p.lastChange, 0) AS m")
                    .single().get("m").asLong();
        }

        int acknowledged = 0, refused = 0, unresolved = 0, lost = 0, doubled = 0, phantom = 0, untruthful = 0;
        int ackInLog = 0, ackInGraph = 0, unresolvedInLog = 0, orderViolations = 0, refusedNoClaimInLog = 0;
        int bookmarkOk = 0, bookmarkTried = 0, bookmarkSkipped = 0, ackApplied = 0;
        long transportErrors = 0, unknownAnswers = 0, retried = 0;
        Map<String, Integer> refusedByCode = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        for (String[] row : rows) {
            String key = row[2];
            String outcome = row[3];
            long[] logged = logByKey.get(key);
            boolean inGraph = graph.containsKey(key);
            transportErrors += Long.parseLong(row[9]);
            unknownAnswers += Long.parseLong(row[10]);
            if (Integer.parseInt(row[8]) > 1) {
                retried++;
            }
            if (!row[11].isEmpty() && row[11].split(",").length > 1 && !allEqual(row[11].split(","))) {
                doubled++;
                findings.add("acknowledged with different change ids " + row[11] + ": " + key);
            }
            switch (outcome) {
                case "ACK" -> {
                    acknowledged++;
                    if ("APPLIED".equals(row[5])) {
                        ackApplied++;
                    }
                    if (logged != null) {
                        ackInLog++;
                    }
                    if (inGraph) {
                        ackInGraph++;
                    }
                    if (logged == null || !inGraph) {
                        lost++;
                        findings.add("lost (" + (logged == null ? "not in log" : "not in graph") + "): " + key + " acked as change "
                                + row[4]);
                    }
                    if (logged == null || logged[0] != Long.parseLong(row[4])) {
                        untruthful++;
                        if (logged != null) {
                            findings.add("acknowledged as change " + row[4] + " but the log has " + logged[0] + ": " + key);
                        }
                    }
                    if (!Boolean.parseBoolean(row[12])) {
                        orderViolations++;
                        findings.add("change " + row[4] + " not after the client's previous acknowledged change: " + key);
                    }
                    if (!row[13].isEmpty()) {
                        if (row[13].equals("SKIPPED_NO_BOOKMARK")) {
                            bookmarkSkipped++;
                        } else {
                            bookmarkTried++;
                            if (row[13].equals("OK")) {
                                bookmarkOk++;
                            } else {
                                findings.add("read with the bookmark on another replica: " + row[13] + ": " + key);
                            }
                        }
                    }
                }
                case "REFUSED" -> {
                    refused++;
                    refusedByCode.merge(row[6], 1, Integer::sum);
                    boolean told = Boolean.parseBoolean(row[7]);
                    if (logged != null || inGraph) {
                        if (told) {
                            phantom++;
                            untruthful++;
                            findings.add("phantom: told '" + row[14] + "' (" + row[6] + ") but " + (logged != null
                                    ? "in the log as change " + logged[0] : "") + (inGraph ? " in the graph" : "") + ": " + key);
                        } else {
                            refusedNoClaimInLog++;
                            findings.add("refused " + row[6] + " without saying nothing was written, and written: " + key);
                        }
                    }
                }
                default -> {
                    unresolved++;
                    if (logged != null) {
                        unresolvedInLog++;
                    }
                    findings.add("unresolved after the deadline (last: " + row[6] + " " + row[14] + "), in log: "
                            + (logged != null) + ": " + key);
                }
            }
        }
        for (Map.Entry<String, Integer> e : keyCount.entrySet()) {
            if (e.getValue() > 1) {
                doubled++;
                findings.add("key " + e.getKey() + " " + e.getValue() + " times in the log");
            }
        }
        for (Map.Entry<String, Integer> e : targetCount.entrySet()) {
            if (e.getValue() > 1) {
                doubled++;
                findings.add("organisation " + e.getKey() + " written by " + e.getValue() + " changes");
            }
        }
        for (Map.Entry<String, Long> e : graph.entrySet()) {
            if (e.getValue() > 1) {
                doubled++;
                findings.add("organisation " + e.getKey() + " " + e.getValue() + " times in the graph");
            }
            if (!logByKey.containsKey(e.getKey())) {
                phantom++;
                findings.add("in the graph but not in the log: " + e.getKey());
            }
        }
        long logOnly = logByKey.keySet().stream().filter(k -> rows.stream().noneMatch(r -> r[2].equals(k))).count();
        if (logOnly > 0) {
            findings.add(logOnly + " keys of this run in the log that no client sent");
        }

        Map<String, String> observer = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("observer.txt"))) {
            String[] kv = line.split("=", 2);
            observer.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        Map<String, String> faults = new LinkedHashMap<>();
        for (String pair : args[4].trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            faults.put(kv[0], kv.length > 1 ? kv[1] : "");
        }

        System.out.println();
        System.out.printf("Client answers: %d acknowledged (%d APPLIED, %d PENDING; %d in the log, %d in the graph), %d refused %s, %d unresolved "
                + "(%d of them in the log); %d writes needed a retry (%d transport errors, %d unknown-outcome answers)%n",
                acknowledged, ackApplied, acknowledged - ackApplied, ackInLog, ackInGraph, refused, refusedByCode, unresolved, unresolvedInLog, retried,
                transportErrors, unknownAnswers);
        System.out.printf("Change log: %d changes, ids 1..%d, %d breaks in the order, %d not APPLIED; graph marker %d%n",
                changes, maxId, orderBreaks, notApplied, marker);
        System.out.printf("Projector: drained=%s; advisory lock sampled %s times, held in %s, at most %s holder(s) and %s "
                + "waiter(s) at once; holders %s; changes applied per replica %s (total %s for %d changes; the seed's "
                + "are counted too)%n", observer.get("drained"), observer.get("lockSamples"), observer.get("lockHeldSamples"),
                observer.get("lockMaxHolders"), observer.get("lockMaxWaiters"), observer.get("lockHolders"),
                observer.get("appliedByReplica"), observer.get("appliedTotal"), changes);
        System.out.printf("Bookmark reads on another replica: %d of %d saw the write (%d sampled writes were PENDING, no bookmark)%n",
                bookmarkOk, bookmarkTried, bookmarkSkipped);
        boolean held = lost == 0 && doubled == 0 && phantom == 0 && untruthful == 0 && unresolved == 0 && orderBreaks == 0
                && orderViolations == 0 && notApplied == 0 && marker == maxId && bookmarkOk == bookmarkTried
                && "true".equals(observer.get("drained")) && !"0".equals(observer.get("lockSamples"))
                && Long.parseLong(observer.getOrDefault("lockMaxHolders", "0")) <= 1 && refusedNoClaimInLog == 0
                && "true".equals(faults.get("faultsOk"));
        if (findings.isEmpty()) {
            System.out.println("Findings: none");
        } else {
            System.out.println("Findings (" + findings.size() + "):");
            findings.stream().limit(40).forEach(f -> System.out.println("  " + f));
            if (findings.size() > 40) {
                System.out.println("  … " + (findings.size() - 40) + " more in " + out.resolve("findings.txt"));
            }
            Files.write(out.resolve("findings.txt"), findings);
        }
        if (!"true".equals(faults.get("faultsOk"))) {
            System.out.println("The fault loop did not complete (see Faults above): the run does not show what it should.");
        }
        System.out.println(held ? "HELD: every check passed" : "NOT HELD: see the findings above");
        System.out.printf("FAULTS writes=%d acknowledged=%d ackApplied=%d refused=%d unresolved=%d lost=%d doubled=%d phantom=%d untruthful=%d "
                + "orderBreaks=%d clientOrderViolations=%d notApplied=%d neo4jKills=%s pgKills=%s serviceKills=%s "
                + "bookmarkReadsOk=%d/%d drainers=%s maxConcurrentDrainers=%s seconds=%s%n",
                rows.size(), acknowledged, ackApplied, refused, unresolved, lost, doubled, phantom, untruthful, orderBreaks,
                orderViolations, notApplied, faults.get("neo4jKills"), faults.get("pgKills"), faults.get("serviceKills"),
                bookmarkOk, bookmarkTried, observer.get("lockHolders"), observer.get("lockMaxHolders"), faults.get("seconds"));
        System.exit(held ? 0 : 1);
    }

    static boolean allEqual(String[] ids) {
        for (String id : ids) {
            if (!id.equals(ids[0])) {
                return false;
            }
        }
        return true;
    }
}
