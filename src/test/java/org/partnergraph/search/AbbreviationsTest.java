package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The curated abbreviations point at regions of the curated dataset and cite its documents with a quote that
 * uses the character (quotes are verbatim, checked against the seed documents when curated, as the bundles'
 * are), or note that the alias is the official one-character abbreviation of a province.
 */
class AbbreviationsTest {

    @Test
    void everyAbbreviationIsOneCharacterForARegionOfTheDatasetWithASource() throws Exception {
        Map<String, String> labelById = new HashMap<>();
        Set<String> documents = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String bundle : List.of("01-regions-and-organizations", "02-chuxiong-reply-2023",
                "03-vocational-alliances-2024", "04-shanghai-commission-2018")) {
            try (InputStream in = getClass().getResourceAsStream("/dataset/bundles/" + bundle + ".json")) {
                JsonNode root = json.readTree(in);
                root.path("documents").forEach(d -> documents.add(d.path("id").asText()));
                root.path("regions").forEach(r -> labelById.put(r.path("id").asText(), "Region"));
            }
        }
        assertFalse(Abbreviations.ALL.isEmpty());
        for (Abbreviations.Abbreviation a : Abbreviations.ALL) {
            assertEquals(1, a.alias().codePointCount(0, a.alias().length()), a.alias());
            assertEquals("Region", labelById.get(a.target()), a.alias() + " → " + a.target());
            boolean official = a.note().contains("省级行政区简称");
            assertTrue(official || !a.sources().isEmpty(), a.alias() + ": a source or the official abbreviation");
            for (Abbreviations.Source source : a.sources()) {
                assertTrue(documents.contains(source.document()), source.document());
                assertTrue(source.quote().contains(a.alias()), a.alias() + " is used in its quote " + source.quote());
            }
        }
    }
}
