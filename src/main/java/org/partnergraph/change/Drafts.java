package org.partnergraph.change;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.partnergraph.dataset.BundleValidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the one-row bundles mutations are validated and recorded as: a mutation is held to exactly
 * the rules of a curated bundle (ids, lengths, kinds, dates, references, sources, personal data).
 */
public final class Drafts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SOURCE_FIELD = Pattern.compile("(sources|statusSources)(\\[\\d+])?(\\.(document|quote|implied))?");
    /**
     * A source of a quantity or fact (quantities[0].sources[0].quote), which the client gives as
     * quantities[0].source.
     */
    private static final Pattern ITEM_SOURCE_FIELD = Pattern.compile("((?:quantities|facts)\\[\\d+]\\.)sources(\\[\\d+])?(\\.(document|quote|implied))?");

    private Drafts() {
    }

    /** A bundle with every section empty but {@code section}, which holds {@code row}. */
    public static ObjectNode bundle(String name, String section, ObjectNode row) {
        ObjectNode bundle = JSON.objectNode();
        bundle.put("bundle", name);
        bundle.putArray("documents");
        BundleValidator.sectionLabels().keySet().forEach(bundle::putArray);
        bundle.putArray("relationships");
        ((ArrayNode) bundle.get(section)).add(row);
        return bundle;
    }

    /** Adds {@code row} to another section of a bundle made by {@link #bundle}. */
    public static void add(ObjectNode bundle, String section, ObjectNode row) {
        ((ArrayNode) bundle.get(section)).add(row);
    }

    public static ObjectNode row() {
        return JSON.objectNode();
    }

    /** Sets a text field when given; an absent value keeps what the row has. */
    public static void put(ObjectNode row, String field, String value) {
        if (value != null) {
            row.put(field, value);
        }
    }

    public static void put(ObjectNode row, String field, Number value) {
        if (value instanceof Integer i) {
            row.put(field, i);
        } else if (value != null) {
            row.put(field, value.doubleValue());
        }
    }

    public static void put(ObjectNode row, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = row.putArray(field);
            values.forEach(array::add);
        }
    }

    /** Appends the source to the row's sources (an update keeps the sources the fact already has). */
    public static void cite(ObjectNode row, SourceInput source) {
        cite(row, "sources", source);
    }

    /** Appends the source to the row's citations in {@code field} (sources, statusSources); none given, none added. */
    public static void cite(ObjectNode row, String field, SourceInput source) {
        if ("sources".equals(field) && (!row.has("sources") || !row.get("sources").isArray())) {
            row.putArray("sources");
        }
        if (source == null) {
            return;
        }
        if (!row.has(field) || !row.get(field).isArray()) {
            row.putArray(field);
        }
        for (JsonNode existing : row.get(field)) {
            if (existing.path("document").asText("").equals(source.documentId)
                    && existing.path("quote").asText("").equals(source.quote)) {
                return;
            }
        }
        ObjectNode citation = ((ArrayNode) row.get(field)).addObject();
        citation.put("document", source.documentId);
        citation.put("quote", source.quote);
        if (Boolean.TRUE.equals(source.implied)) {
            citation.put("implied", true);
        }
    }

    /**
     * Letters only: ids are slugs (see the dataset README), and a run of seven digits in any value is
     * refused as a possible phone number, which random hex would produce now and then.
     */
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";

    /** A new id: the prefix and 12 random letters (about 54 bits). */
    public static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return id.toString();
    }

    /** An id derived from a key (the same key, the same id): the prefix and 12 letters of the key's digest. */
    public static String derivedId(String prefix, String key) {
        byte[] digest = HexFormat.of().parseHex(ChangeLog.sha256(key));
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            id.append(LETTERS.charAt((digest[i] & 0xff) % LETTERS.length()));
        }
        return id.toString();
    }


    public static String text(JsonNode row, String field) {
        return row.path(field).asText(null);
    }

    /**
     * Maps the bundle's field names to the client's: {@code fields} for the mutation's own (region →
     * input.regionId), and the source fields every mutation shares (sources[1].quote → input.source.quote).
     */
    public static UnaryOperator<String> fieldNames(String prefix, String... pairs) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return field -> {
            var source = SOURCE_FIELD.matcher(field);
            if (source.matches()) {
                String part = source.group(4);
                return prefix + ("sources".equals(source.group(1)) ? "source" : "statusSource")
                        + (part == null ? "" : "." + ("document".equals(part) ? "documentId" : part));
            }
            var itemSource = ITEM_SOURCE_FIELD.matcher(field);
            if (itemSource.matches()) {
                String part = itemSource.group(4);
                return prefix + itemSource.group(1) + "source"
                        + (part == null ? "" : "." + ("document".equals(part) ? "documentId" : part));
            }
            return prefix + names.getOrDefault(field, field);
        };
    }
}
