package org.partnergraph.testing;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.partnergraph.dataset.DatasetService;
import org.partnergraph.graph.Graph;

/**
 * Base of the tests that write: the write fixture (ids test-w-) is in the change log and the graph
 * before each test, and {@link #snapshot()} captures both stores to prove that nothing was written.
 */
public abstract class WriteTest {

    @Inject
    protected DatasetService datasets;

    @Inject
    protected Graph graph;

    @Inject
    protected DataSource records;

    @BeforeEach
    void loadWriteFixture() {
        WriteFixture.load(datasets);
    }

    protected Snapshot snapshot() {
        return Snapshot.take(graph, records);
    }
}
