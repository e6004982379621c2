import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak of bench/soak.sh: the read mix of Bench.QUERIES (one after another, round robin), first as fast as
 * 16 clients can for a short while (the peak), then at a fixed rate (80% of the peak unless given) for the
 * given minutes. Latency is measured from when a request was due, not when it was sent, so a server that
 * falls behind shows in the percentiles instead of slowing the load down (no coordinated omission).
 * After every minute: requests, p50/p99, errors, and of the service's JVM (by pid): heap after a full GC
 * (jcmd GC.run, then GC.heap_info), RSS, threads and open file descriptors (/proc). The forced GC is a pause
 * the load sees, once a minute, in every minute alike.
 * Soak baseUrl pid minutes [rate]
 */
public class Soak {

    static final int MAX_IN_FLIGHT = 512;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();
    final List<HttpRequest> requests = new ArrayList<>();
    final long pid;

    Soak(String base, long pid) {
        Bench.QUERIES.values().forEach(q -> requests.add(Bench.request(base, q)));
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(args[0], Long.parseLong(args[1]));
        int minutes = Integer.parseInt(args[2]);
        soak.closedLoop(8, Duration.ofSeconds(Integer.getInteger("warmupSeconds", 15)));
        double peak = soak.closedLoop(16, Duration.ofSeconds(Integer.getInteger("peakSeconds", 20)));
        double rate = args.length > 3 && !args[3].isBlank() ? Double.parseDouble(args[3]) : Math.floor(peak * 0.8);
        System.out.printf(Locale.ROOT, "peak %.0f req/s (16 clients, closed loop); soaking at %.0f req/s for %d min%n", peak,
                rate, minutes);
        soak.fixedRate(rate, minutes, peak);
        System.exit(0);
    }

    /** Requests per second that answered without errors, with {@code clients} clients sending back to back. */
    double closedLoop(int clients, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    if (Bench.send(client, requests.get(i % requests.size()))) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS);
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** One minute's results, filled by completions (a request counts in the minute it finished). */
    static final class Minute {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
    }

    void fixedRate(double rate, int minutes, double peak) throws Exception {
        long interval = (long) (1e9 / rate);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Minute[] buckets = new Minute[minutes];
        for (int m = 0; m < minutes; m++) {
            buckets[m] = new Minute();
        }
        long[] start = { System.nanoTime() };
        Sample baseline = sample();
        System.out.printf(Locale.ROOT, "start: heap after GC %d MB, RSS %d MB, threads %d, fds %d%n", baseline.heapMb,
                baseline.rssMb, baseline.threads, baseline.fds);
        System.out.printf("%-6s %9s %8s %8s %8s %7s %12s %8s %8s %6s%n", "minute", "requests", "req/s", "p50 ms", "p99 ms",
                "errors", "heap MB(GC)", "RSS MB", "threads", "fds");
        start[0] = System.nanoTime();
        long end = start[0] + Duration.ofMinutes(minutes).toNanos();
        Thread reporter = new Thread(() -> report(buckets, start[0], peak, rate, baseline), "reporter");
        reporter.start();
        for (long k = 0;; k++) {
            long due = start[0] + k * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long scheduled = due;
            if (!inFlight.tryAcquire()) {
                // The service is this far behind: the request is an error, not a wait that lowers the rate.
                bucket(buckets, start[0]).errors.incrementAndGet();
                continue;
            }
            client.sendAsync(requests.get((int) (k % requests.size())), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        Minute minute = bucket(buckets, start[0]);
                        minute.millis.add((System.nanoTime() - scheduled) / 1e6);
                        if (failure != null || response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            minute.errors.incrementAndGet();
                        }
                    });
        }
        reporter.join();
    }

    static Minute bucket(Minute[] buckets, long start) {
        int m = (int) ((System.nanoTime() - start) / Duration.ofMinutes(1).toNanos());
        return buckets[Math.min(m, buckets.length - 1)];
    }

    void report(Minute[] buckets, long start, double peak, double rate, Sample baseline) {
        double firstP99 = 0;
        double lastP99 = 0;
        long requests = 0;
        long errors = 0;
        Sample last = baseline;
        for (int m = 0; m < buckets.length; m++) {
            long minuteEnd = start + Duration.ofMinutes(m + 1).toNanos();
            while (System.nanoTime() < minuteEnd) {
                LockSupport.parkNanos(Math.min(minuteEnd - System.nanoTime(), 1_000_000_000L));
            }
            if (m == buckets.length - 1) {
                // Let the last minute's requests finish.
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
            List<Double> millis;
            synchronized (buckets[m].millis) {
                millis = new ArrayList<>(buckets[m].millis);
            }
            Collections.sort(millis);
            double p50 = millis.isEmpty() ? 0 : Bench.pct(millis, 50);
            double p99 = millis.isEmpty() ? 0 : Bench.pct(millis, 99);
            if (m == 0) {
                firstP99 = p99;
            }
            lastP99 = p99;
            requests += millis.size();
            errors += buckets[m].errors.get();
            last = sample();
            System.out.printf(Locale.ROOT, "%-6d %9d %8.1f %8.2f %8.2f %7d %12d %8d %8d %6d%n", m + 1, millis.size(),
                    millis.size() / 60.0, p50, p99, buckets[m].errors.get(), last.heapMb, last.rssMb, last.threads, last.fds);
        }
        System.out.printf(Locale.ROOT, "%nSOAK minutes=%d peak=%.0f rate=%.0f requests=%d errors=%d p99First=%.2f p99Last=%.2f "
                + "p99Drift=%.2f heapStartMB=%d heapEndMB=%d rssStartMB=%d rssEndMB=%d threadsStart=%d threadsEnd=%d "
                + "fdsStart=%d fdsEnd=%d%n", buckets.length, peak, rate, requests, errors, firstP99, lastP99,
                firstP99 == 0 ? 0 : lastP99 / firstP99, baseline.heapMb, last.heapMb, baseline.rssMb, last.rssMb,
                baseline.threads, last.threads, baseline.fds, last.fds);
    }

    record Sample(long heapMb, long rssMb, long threads, long fds) {
    }

    static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    static final Pattern STATUS = Pattern.compile("(?m)^(VmRSS|Threads):\\s+(\\d+)");

    Sample sample() {
        long heap = -1;
        try {
            jcmd("GC.run");
            Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
            heap = m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException | InterruptedException e) {
            // Reported as -1.
        }
        long rss = -1;
        long threads = -1;
        long fds = -1;
        try {
            Matcher m = STATUS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            while (m.find()) {
                if (m.group(1).equals("VmRSS")) {
                    rss = Long.parseLong(m.group(2)) / 1024;
                } else {
                    threads = Long.parseLong(m.group(2));
                }
            }
            try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                fds = list.count();
            }
        } catch (IOException e) {
            // Reported as -1: the process is gone.
        }
        return new Sample(heap, rss, threads, fds);
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
