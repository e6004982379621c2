package org.partnergraph.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The policy alone, on the corpus of disguises and look-alikes and on every value of the curated bundles. */
class PersonalDataPolicyTest {

    static final String CORPUS = "/privacy/personal-data-corpus.txt";
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    /** One corpus line: the expected verdict and the text. */
    record Case(boolean refuse, String text) {
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = PersonalDataPolicyTest.class.getResourceAsStream(CORPUS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                Matcher escape = ESCAPE.matcher(parts[1]);
                String text = escape.replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
                cases.add(new Case(switch (parts[0]) {
                    case "refuse" -> true;
                    case "pass" -> false;
                    default -> throw new IllegalArgumentException("verdict must be refuse or pass: " + line);
                }, text));
            }
        }
        return cases;
    }

    @Test
    void everyDisguiseIsRefusedAndEveryLookAlikePasses() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Case> cases = corpus();
        for (Case c : cases) {
            List<String> findings = PersonalData.findings(c.text());
            if (c.refuse() == findings.isEmpty()) {
                wrong.add((c.refuse() ? "accepted: " : "refused: ") + c.text() + " " + findings);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(cases.stream().filter(Case::refuse).count() >= 60, "disguises: " + cases.size());
        assertTrue(cases.stream().filter(c -> !c.refuse()).count() >= 30, "look-alikes: " + cases.size());
    }

    @Test
    void numbersOfSevenDigitsAreRefused() {
        assertEquals(1, PersonalData.findings(23116628).size());
        assertEquals(1, PersonalData.findings(1.3812345678E10).size());
        assertEquals(1, PersonalData.findings(-1_000_000).size());
        assertEquals(List.of(), PersonalData.findings(999_999));
        assertEquals(List.of(), PersonalData.findings(2025));
        assertEquals(List.of(), PersonalData.findings(659.7));
    }

    @Test
    void normalisingMapsDigitsOfEveryScriptAndSpacesOfEveryKind() {
        assertEquals("138 1234", PersonalData.normalise("①③⑧\u00a0\u3000１２³４"));
        assertEquals("2018年", PersonalData.normalise("二〇一八年"));
        assertEquals("一流", PersonalData.normalise("一流"));
        assertEquals("联系人", PersonalData.normalise("聯繫人"));
    }

    /** The curated data is what the policy must never refuse: every text and number of the four bundles. */
    @Test
    void curatedBundlesHoldNothingThePolicyRefuses() throws IOException {
        List<String> findings = new ArrayList<>();
        int[] values = new int[1];
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/dataset/bundles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                scan(file.getFileName() + ":", new ObjectMapper().readTree(file.toFile()), findings, values);
            }
        }
        assertEquals(List.of(), findings);
        assertTrue(values[0] > 3000, "values scanned: " + values[0]);
    }

    private static void scan(String where, JsonNode node, List<String> findings, int[] values) {
        if (node.isTextual()) {
            values[0]++;
            PersonalData.findings(node.asText()).forEach(f -> findings.add(where + " " + f + " in " + node.asText()));
        } else if (node.isNumber() && !where.endsWith("Wan")) {
            values[0]++;
            PersonalData.findings(node.asDouble()).forEach(f -> findings.add(where + " " + f));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> scan(where + "." + e.getKey(), e.getValue(), findings, values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(where + "[" + i + "]", node.get(i), findings, values);
            }
        }
    }
}
