package org.partnergraph.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** An embedded store stops after the application has, whatever order the JVM runs its shutdown hooks in. */
class AfterTheApplicationTest {

    @Test
    void theStoreStopsOnlyOnceTheApplicationHasStopped() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch applicationStopped = new CountDownLatch(1);
        Thread quarkusShutdown = new Thread(() -> {
            sleep(300);
            events.add("application stopped");
            applicationStopped.countDown();
        });
        quarkusShutdown.start();

        AfterTheApplication.stopAfter(() -> await(applicationStopped), Duration.ofSeconds(10), "test",
                () -> events.add("store stopped"));

        assertEquals(List.of("application stopped", "store stopped"), events);
    }

    @Test
    void anApplicationThatDoesNotStopDelaysTheStoreOnlyUpToTheLimit() {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        AfterTheApplication.stopAfter(() -> await(never), Duration.ofMillis(500), "test",
                () -> events.add("store stopped"));

        assertEquals(List.of("store stopped"), events);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
        never.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
