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
 * No curated fact is a number standing alone: numbers are quantities. (That every quote, facts' included, is
 * verbatim in its document is DatasetAuditTest's, on the copies of the documents kept with the tests.)
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
