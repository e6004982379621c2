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
    /** The id in the agreement fixture that {@link #loadAgreement} replaces. */
    static final String AGREEMENT = "test-w-status-agreement";

    private WriteFixture() {
    }

    public static void load(DatasetService datasets) {
        try (InputStream in = WriteFixture.class.getResourceAsStream("/dataset/writes-fixture.json")) {
            datasets.importBundle(new String(in.readAllBytes(), StandardCharsets.UTF_8), false, null, "system:test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An agreement of the write tests with the id {@code id} (test-w-…), party test-w-college, without a status
     * (after {@link #load}); each test that writes statements owns its agreement.
     */
    public static void loadAgreement(DatasetService datasets, String id) {
        try (InputStream in = WriteFixture.class.getResourceAsStream("/dataset/status-fixture.json")) {
            String bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(AGREEMENT, id)
                    .replace("test-status-fixture", "test-status-fixture-" + id);
            datasets.importBundle(bundle, false, null, "system:test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static java.util.Map<String, Object> source(String quote) {
        return java.util.Map.of("documentId", DOCUMENT, "quote", quote);
    }

    /**
     * A mutation input: {@code base} with {@code overrides} applied, as name, value pairs; a null value removes
     * the field (to test its absence).
     */
    public static java.util.Map<String, Object> input(java.util.Map<String, Object> base, Object... overrides) {
        java.util.Map<String, Object> input = new java.util.HashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                input.remove((String) overrides[i]);
            } else {
                input.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return input;
    }
}
