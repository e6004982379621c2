package org.partnergraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.partnergraph.dataset.DatasetService;

/**
 * The nodes write tests build on (ids test-w-, cited by doc-test-writes), imported through the change
 * log like any bundle. Idempotent: every write test class calls it first.
 */
public final class WriteFixture {

    public static final String DOCUMENT = "doc-test-writes";
    public static final String SECOND_DOCUMENT = "doc-test-writes-2";
    public static final String COLLEGE = "test-w-college";
    public static final String SCHOOL = "test-w-school";
    /** In another province than the others: its programmes count as support from outside. */
    public static final String EAST_COLLEGE = "test-w-east-college";
    public static final String DEPARTMENT = "test-w-school-civil";
    public static final String PROVINCE = "test-w-province";
    public static final String COUNTY = "test-w-county";
    public static final String EAST = "test-w-east";

    private WriteFixture() {
    }

    public static void load(DatasetService datasets) {
        try (InputStream in = WriteFixture.class.getResourceAsStream("/dataset/writes-fixture.json")) {
            datasets.importBundle(new String(in.readAllBytes(), StandardCharsets.UTF_8), false, null, "system:test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static java.util.Map<String, Object> source(String quote) {
        return java.util.Map.of("documentId", DOCUMENT, "quote", quote);
    }
}
