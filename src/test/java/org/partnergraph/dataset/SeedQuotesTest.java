package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.partnergraph.fact.StatedFacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The curated bundles against the three source documents themselves (the seeds, {@code ../shared/seeds/} as the
 * README says, or {@code -Dpartnergraph.seeds=DIR}): every quote of every row, fact, quantity and award occurs
 * verbatim in the document it cites, piece by piece where … marks an omission (a personal name, a skipped clause).
 * The seeds are text extracted from PDF and web pages, with line breaks and spaces inside sentences, so whitespace
 * is ignored on both sides. A document is found by its number, or its title when it has none. And no fact is a
 * number standing alone: numbers are quantities.
 */
class SeedQuotesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    static List<JsonNode> bundles() {
        return DatasetSeeder.bundleFiles().stream().map(file -> {
            try {
                return JSON.readTree(DatasetSeeder.resource("/dataset/bundles/" + file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Each curated document's text, by id. */
    static Map<String, String> seeds() throws IOException {
        Path dir = Path.of(System.getProperty("partnergraph.seeds", "../shared/seeds"));
        assertTrue(Files.isDirectory(dir), "the source documents are not at " + dir.toAbsolutePath()
                + "; set -Dpartnergraph.seeds=DIR");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(squeezed(Files.readString(file)));
            }
        }
        Map<String, String> byId = new HashMap<>();
        for (JsonNode bundle : bundles()) {
            for (JsonNode document : bundle.path("documents")) {
                String mark = squeezed(document.hasNonNull("number") ? document.get("number").asText()
                        : document.get("title").asText());
                List<String> found = texts.stream().filter(t -> t.contains(mark)).toList();
                assertEquals(1, found.size(), "one seed holds " + document.get("id") + " (" + mark + ")");
                byId.put(document.get("id").asText(), found.get(0));
            }
        }
        return byId;
    }

    /** Every {document, quote} in {@code node}, with where it is. */
    static void citations(JsonNode node, String at, List<String[]> into) {
        if (node.isObject() && node.has("document") && node.has("quote")) {
            into.add(new String[] {at, node.get("document").asText(), node.get("quote").asText()});
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> citations(e.getValue(), at + "/" + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                citations(node.get(i), at + "/" + i, into);
            }
        }
    }

    @Test
    void everyQuoteOfTheBundlesIsVerbatimInItsSourceDocument() throws IOException {
        Map<String, String> seeds = seeds();
        List<String[]> all = new ArrayList<>();
        for (JsonNode bundle : bundles()) {
            citations(bundle, bundle.path("bundle").asText(), all);
        }
        List<String> missing = new ArrayList<>();
        int facts = 0;
        for (String[] citation : all) {
            String text = seeds.get(citation[1]);
            for (String piece : citation[2].split("…")) {
                if (text == null || !text.contains(squeezed(piece))) {
                    missing.add(citation[0] + ": " + citation[2]);
                    break;
                }
            }
            facts += citation[0].contains("/" + StatedFacts.FACTS + "/") ? 1 : 0;
        }
        assertTrue(all.size() > 800, "quotes checked: " + all.size());
        assertTrue(facts >= 24, "fact quotes checked: " + facts);
        assertEquals(List.of(), missing, "quotes not found in their documents");
    }

    @Test
    void noCuratedFactIsANumberAlone() {
        List<String> bare = new ArrayList<>();
        for (JsonNode bundle : bundles()) {
            bundle.fields().forEachRemaining(section -> section.getValue().forEach(row -> row.path(StatedFacts.FACTS)
                    .forEach(fact -> {
                        if (StatedFacts.isBareNumber(fact.path("value").asText())) {
                            bare.add(row.path("id").asText() + ": " + fact.path("value").asText());
                        }
                        assertFalse(fact.path("value").asText().isBlank(), row.path("id").asText());
                    })));
        }
        assertEquals(List.of(), bare);
    }
}
