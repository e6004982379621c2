package org.partnergraph.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The curated one-character abbreviations of {@code dataset/abbreviations.json} (沪 滇 疆 喀 果 …): which
 * region each stands for, and the document that uses it. Data rather than code, so an editor adds one with
 * its source; {@code AbbreviationsTest} checks every target and quote against the curated dataset.
 */
final class Abbreviations {

    static final String FILE = "/dataset/abbreviations.json";

    record Source(String document, String quote) {
    }

    record Abbreviation(String alias, String target, String note, List<Source> sources) {
    }

    static final List<Abbreviation> ALL = load();
    private static final Map<String, List<String>> TARGETS = targets(ALL);

    private Abbreviations() {
    }

    /** The ids an abbreviation stands for, in file order; empty when the text is none. */
    static List<String> targets(String text) {
        return TARGETS.getOrDefault(text, List.of());
    }

    private static Map<String, List<String>> targets(List<Abbreviation> all) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        all.forEach(a -> targets.computeIfAbsent(a.alias(), k -> new ArrayList<>()).add(a.target()));
        targets.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(targets);
    }

    private static List<Abbreviation> load() {
        try (InputStream in = Abbreviations.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + FILE);
            }
            List<Abbreviation> all = new ArrayList<>();
            for (JsonNode a : new ObjectMapper().readTree(in).path("abbreviations")) {
                List<Source> sources = new ArrayList<>();
                a.path("sources").forEach(s -> sources.add(new Source(s.path("document").asText(), s.path("quote").asText())));
                all.add(new Abbreviation(a.path("alias").asText(), a.path("target").asText(), a.path("note").asText(),
                        List.copyOf(sources)));
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
