package org.partnergraph.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnergraph.graph.GraphReady;

/**
 * Gives the nodes of a graph written before pinyin was derived (V0006__Pinyin_in_name_index) the same
 * derived properties the writer gives new ones. Runs when the graph is ready, in batches; on a graph the
 * writer filled it finds nothing. Idempotent, so replicas starting together at worst write equal values twice.
 * Once a pass has ended, a marker in the graph says so and later starts skip it.
 */
@ApplicationScoped
class PinyinBackfill {

    private static final Logger LOG = Logger.getLogger(PinyinBackfill.class);
    static final int BATCH = 1_000;

    private final SearchRepository repository;

    PinyinBackfill(SearchRepository repository) {
        this.repository = repository;
    }

    void onGraphReady(@Observes GraphReady ready) {
        try {
            if (repository.pinyinBackfilled()) {
                return;
            }
            int total = run();
            repository.markPinyinBackfilled();
            if (total > 0) {
                LOG.infof("Derived search pinyin for %d nodes written before it existed", total);
            }
        } catch (RuntimeException e) {
            // Search by Chinese names still works without it; the next start tries again.
            LOG.error("Deriving search pinyin for older nodes failed", e);
        }
    }

    int run() {
        return run(BATCH);
    }

    /** One pass over every node in id order, {@code size} at a time; answers how many got pinyin. */
    int run(int size) {
        int total = 0;
        String after = "";
        SearchRepository.Batch batch;
        do {
            batch = repository.backfillPinyin(after, size);
            total += batch.derived();
            after = batch.last();
        } while (batch.scanned() == size);
        return total;
    }
}
