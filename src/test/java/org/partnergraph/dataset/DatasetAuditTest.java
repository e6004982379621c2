package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnergraph.privacy.PersonalData;
import org.partnergraph.timeline.DateQualifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sentence-by-sentence audit of issue 13, kept true by the build: the three source documents (copies in
 * {@code src/test/resources/dataset/seeds}, personal names and contact lines withheld) against the curated
 * bundles and {@code dataset/audit.tsv}.
 * <ul>
 * <li>every quote of every bundle is verbatim in its document (a quote joins table cells or parts of a sentence
 * with …, in the document's order);</li>
 * <li>every sentence of a document is cited by some quote, or the audit explains it;</li>
 * <li>every number in a document lies inside a quote, or the audit explains it (a document's numbers are its
 * facts: a count, a date, an amount that no quote covers would be a fact without a home);</li>
 * <li>every audit entry still explains something, holds its excerpt verbatim, names ids that exist, and, for the
 * document's own numbers, agrees with the Document record.</li>
 * </ul>
 * Plain JUnit: the bundles and documents are files, no service is needed.
 */
class DatasetAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Arabic numbers (with decimals and ranges) and Chinese numerals before a measure word. */
    private static final Pattern NUMBER = Pattern.compile(
            "[0-9]+(?:[.\\-][0-9]+)*|[一二三四五六七八九十两百千万]+(?=[个所名位人门场项批期届次年天月])");
    private static final Set<String> CATEGORIES = Set.of("DOCUMENT", "HEADING", "FRAMING", "LAYOUT", "CAPTION",
            "NARRATIVE", "PERSONAL", "ROW_NUMBER", "NOT_A_COUNT", "RESTATED", "AMBIGUITY");
    private static final List<String> DOCUMENTS = List.of("doc-2023-chu-jiaofu-31",
            "doc-2024-news-vocational-alliances", "doc-2018-hu-jiaowei-ban-39");

    /** A quote of a bundle: where it is (the id of the item that carries it) and what it says. */
    record Quote(String document, String text, String carrier) {
    }

    record Entry(int line, String document, String excerpt, String category, List<String> heldBy, String why) {
    }

    private static final Map<String, String> TEXTS = new LinkedHashMap<>();
    private static final Map<String, JsonNode> RECORDS = new LinkedHashMap<>();
    private static final List<Quote> QUOTES = new ArrayList<>();
    private static final Set<String> IDS = new HashSet<>();
    private static final List<Entry> AUDIT = new ArrayList<>();
    private static String ambiguities;

    @BeforeAll
    static void load() {
        for (String document : DOCUMENTS) {
            String copy = resource("dataset/seeds/" + document + ".txt");
            StringBuilder body = new StringBuilder();
            copy.lines().filter(line -> !line.startsWith("#")).forEach(body::append);
            TEXTS.put(document, normalise(body.toString()));
        }
        for (String file : resource("dataset/bundles.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            try {
                JsonNode bundle = JSON.readTree(resource("dataset/bundles/" + file));
                walk(bundle, file);
                bundle.path("documents").forEach(d -> RECORDS.put(d.path("id").asText(), d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String[] lines = resource("dataset/audit.tsv").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            assertEquals(5, cells.length, "audit.tsv line " + (i + 1) + " has 5 tab-separated cells");
            AUDIT.add(new Entry(i + 1, cells[0], normalise(cells[1]), cells[2],
                    cells[3].isBlank() ? List.of() : List.of(cells[3].strip().split(" +")), cells[4]));
        }
        ambiguities = resource("dataset/AMBIGUITIES.md");
    }

    @Test
    void theThreeDocumentsAreAudited() {
        assertEquals(Set.copyOf(DOCUMENTS), RECORDS.keySet(), "the bundles' documents are the three audited here");
        assertTrue(QUOTES.size() > 800, "the bundles hold their quotes (" + QUOTES.size() + ")");
    }

    @Test
    void everyQuoteIsVerbatimInItsDocument() {
        List<String> wrong = new ArrayList<>();
        for (Quote quote : QUOTES) {
            String text = TEXTS.get(quote.document());
            if (text == null || matches(text, quote.text()).isEmpty()) {
                wrong.add(quote.carrier() + ": " + quote.document() + " 「" + quote.text() + "」");
            }
        }
        assertEquals(List.of(), wrong, "quotes not found verbatim in their documents");
    }

    @Test
    void everySentenceIsCitedOrExplained() {
        List<String> unexplained = new ArrayList<>();
        for (String document : DOCUMENTS) {
            String text = TEXTS.get(document);
            boolean[] quoted = quoted(document);
            boolean[] explained = explained(document);
            for (int[] sentence : sentences(text)) {
                if (!any(quoted, sentence[0], sentence[1]) && !any(explained, sentence[0], sentence[1])) {
                    unexplained.add(document + ": " + text.substring(sentence[0], sentence[1]));
                }
            }
        }
        assertEquals(List.of(), unexplained, "sentences no quote cites and audit.tsv does not explain");
    }

    @Test
    void everyNumberIsQuotedOrExplained() {
        List<String> unexplained = new ArrayList<>();
        for (String document : DOCUMENTS) {
            String text = TEXTS.get(document);
            boolean[] quoted = quoted(document);
            boolean[] explained = explained(document);
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                if (!all(quoted, number.start(), number.end()) && !all(explained, number.start(), number.end())) {
                    unexplained.add(document + ": " + number.group() + " in 「"
                            + text.substring(Math.max(0, number.start() - 12), Math.min(text.length(), number.end() + 8)) + "」");
                }
            }
        }
        assertEquals(List.of(), unexplained, "numbers no quote holds and audit.tsv does not explain");
    }

    @Test
    void everyAuditEntryIsValidAndStillNeeded() {
        List<String> wrong = new ArrayList<>();
        for (Entry entry : AUDIT) {
            String where = "audit.tsv line " + entry.line() + ": ";
            String text = TEXTS.get(entry.document());
            if (text == null) {
                wrong.add(where + "unknown document " + entry.document());
                continue;
            }
            if (!CATEGORIES.contains(entry.category())) {
                wrong.add(where + "unknown category " + entry.category());
            }
            if (entry.why().isBlank()) {
                wrong.add(where + "says nothing about why");
            }
            entry.heldBy().stream().filter(id -> !IDS.contains(id)).forEach(id -> wrong.add(where + "no bundle item " + id));
            if (entry.category().equals("RESTATED") && entry.heldBy().isEmpty()) {
                wrong.add(where + "RESTATED names the ids that hold the fact");
            }
            if (entry.category().equals("AMBIGUITY")) {
                Matcher number = Pattern.compile("AMBIGUITIES (\\d+)").matcher(entry.why());
                if (!number.find() || !Pattern.compile("(?m)^" + number.group(1) + "\\. ").matcher(ambiguities).find()) {
                    wrong.add(where + "AMBIGUITY names an entry of AMBIGUITIES.md that exists");
                }
            }
            if (entry.category().equals("DOCUMENT")) {
                wrong.addAll(disagreements(where, entry, RECORDS.get(entry.document())));
            }
            List<int[]> at = occurrences(text, entry.excerpt());
            if (at.isEmpty()) {
                wrong.add(where + "excerpt not in " + entry.document() + ": " + entry.excerpt());
            } else if (!explainsSomething(entry.document(), text, at)) {
                wrong.add(where + "explains nothing any more (a quote covers it): remove it");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Dates as precise as the documents: a programme, event or agreement whose own quote names a month (9月份, 6月底,
     * 7月中旬) carries a date, end date or status date with that month, never only its year.
     */
    @Test
    void aMonthTheQuotesNameIsKeptInTheDates() throws IOException {
        Pattern month = Pattern.compile("(?<![0-9])([0-9]{1,2})月");
        List<String> coarse = new ArrayList<>();
        for (String file : resource("dataset/bundles.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            JsonNode bundle = JSON.readTree(resource("dataset/bundles/" + file));
            for (String section : List.of("programmes", "events", "agreements")) {
                for (JsonNode row : bundle.path(section)) {
                    Set<Integer> dated = new HashSet<>();
                    for (String field : List.of("date", "endDate", "statusDate")) {
                        String[] parts = row.path(field).asText("").split("-");
                        if (parts.length >= 2) {
                            dated.add(Integer.parseInt(parts[1]));
                        }
                    }
                    for (JsonNode source : row.path("sources")) {
                        Matcher named = month.matcher(source.path("quote").asText());
                        while (named.find()) {
                            if (!dated.contains(Integer.parseInt(named.group(1)))) {
                                coarse.add(row.path("id").asText() + ": 「" + source.path("quote").asText() + "」 but "
                                        + row.path("date").asText("no date"));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), coarse, "months the quotes name that the dates leave out");
    }

    /**
     * A date's qualifier is the document's word, as written in a quote of its own row (10月左右, 4月底, 暑假期间,
     * 预计到9月份); and a quote of a dated programme or event that writes a month with a qualifier (4月底, 10月左右)
     * has that qualifier on the date (AMBIGUITIES.md 62).
     */
    @Test
    void aDatesQualifierIsTheQuotesWord() throws IOException {
        // After a month's number: 10月左右, 7月中旬 (the qualifier follows 月), 4月底 (it is written with 月: 月底).
        List<String> afterMonth = List.of("左右", "前后", "上旬", "中旬", "下旬");
        List<String> withMonth = DateQualifier.writtenForms().stream().filter(q -> q.startsWith("月")).toList();
        assertTrue(DateQualifier.writtenForms().containsAll(afterMonth));
        Pattern qualified = Pattern.compile("(?<![0-9])[0-9]{1,2}(?:月(" + String.join("|", afterMonth) + ")|("
                + String.join("|", withMonth) + "))");
        List<String> wrong = new ArrayList<>();
        int qualifiers = 0;
        for (String file : resource("dataset/bundles.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            JsonNode bundle = JSON.readTree(resource("dataset/bundles/" + file));
            for (String section : List.of("programmes", "events")) {
                for (JsonNode row : bundle.path(section)) {
                    List<String> quotes = new ArrayList<>();
                    row.path("sources").forEach(source -> quotes.add(source.path("quote").asText()));
                    Set<String> onRow = new HashSet<>();
                    for (String field : List.of("dateQualifier", "endDateQualifier")) {
                        String qualifier = row.path(field).asText(null);
                        if (qualifier != null) {
                            qualifiers++;
                            onRow.add(qualifier);
                            if (quotes.stream().noneMatch(q -> q.contains(qualifier))) {
                                wrong.add(row.path("id").asText() + "." + field + " '" + qualifier + "' is in none of " + quotes);
                            }
                        }
                    }
                    for (String quote : quotes) {
                        Matcher named = qualified.matcher(quote);
                        String written = !named.find() ? null : named.group(1) != null ? named.group(1) : named.group(2);
                        if (written != null && row.has("date") && !onRow.contains(written)) {
                            wrong.add(row.path("id").asText() + ": 「" + quote + "」 but no qualifier " + written);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "date qualifiers and the quotes that write them");
        assertTrue(qualifiers >= 10, "the curated qualifiers: " + qualifiers);
    }

    /** Line by line, as published: with the whitespace gone, a table's adjacent cells (134.4, 42) read as one number. */
    @Test
    void theDocumentCopiesHoldNoPersonalData() {
        for (String document : DOCUMENTS) {
            List<String> findings = new ArrayList<>();
            resource("dataset/seeds/" + document + ".txt").lines().forEach(line -> findings.addAll(PersonalData.findings(line)));
            assertEquals(List.of(), findings, document);
            assertFalse(TEXTS.get(document).isEmpty(), document);
        }
    }

    // ------------------------------------------------------------------ the checks' parts

    /** A sentence ends after 。；！？ (the documents' sentence marks); the rest of the text is one more. */
    static List<int[]> sentences(String text) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if ("。；！？".indexOf(text.charAt(i)) >= 0) {
                sentences.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(new int[] {start, text.length()});
        }
        return sentences;
    }

    /**
     * Where {@code quote} stands in {@code text}: for each place its first part starts, its parts (split at …)
     * found in order; the characters of each complete match.
     */
    static List<int[]> matches(String text, String quote) {
        List<String> parts = List.of(normalise(quote).split("…")).stream().filter(p -> !p.isEmpty()).toList();
        List<int[]> spans = new ArrayList<>();
        if (parts.isEmpty()) {
            return spans;
        }
        for (int first = text.indexOf(parts.get(0)); first >= 0; first = text.indexOf(parts.get(0), first + 1)) {
            List<int[]> found = new ArrayList<>(List.of(new int[] {first, first + parts.get(0).length()}));
            int from = first + parts.get(0).length();
            for (String part : parts.subList(1, parts.size())) {
                int at = text.indexOf(part, from);
                if (at < 0) {
                    found = null;
                    break;
                }
                found.add(new int[] {at, at + part.length()});
                from = at + part.length();
            }
            if (found != null) {
                spans.addAll(found);
            }
        }
        return spans;
    }

    private static boolean[] quoted(String document) {
        String text = TEXTS.get(document);
        boolean[] quoted = new boolean[text.length()];
        QUOTES.stream().filter(q -> q.document().equals(document))
                .forEach(q -> matches(text, q.text()).forEach(span -> mark(quoted, span)));
        return quoted;
    }

    private static boolean[] explained(String document) {
        String text = TEXTS.get(document);
        boolean[] explained = new boolean[text.length()];
        AUDIT.stream().filter(e -> e.document().equals(document))
                .forEach(e -> occurrences(text, e.excerpt()).forEach(span -> mark(explained, span)));
        return explained;
    }

    /** An entry is needed while one of its places holds a sentence no quote cites or a number no quote holds. */
    private static boolean explainsSomething(String document, String text, List<int[]> places) {
        boolean[] quoted = quoted(document);
        for (int[] place : places) {
            for (int[] sentence : sentences(text)) {
                if (sentence[0] < place[1] && place[0] < sentence[1] && !any(quoted, sentence[0], sentence[1])) {
                    return true;
                }
            }
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                if (place[0] <= number.start() && number.end() <= place[1] && !all(quoted, number.start(), number.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A DOCUMENT entry's numbers are in the record: its title or number, or parts of its date. */
    private static List<String> disagreements(String where, Entry entry, JsonNode record) {
        List<String> wrong = new ArrayList<>();
        if (record == null) {
            return List.of(where + "no Document record " + entry.document());
        }
        String held = normalise(record.path("title").asText() + " " + record.path("number").asText());
        Set<String> dateParts = new HashSet<>();
        for (String part : record.path("date").asText().split("-")) {
            dateParts.add(part.replaceFirst("^0+(?=\\d)", ""));
        }
        Matcher number = NUMBER.matcher(entry.excerpt());
        while (number.find()) {
            if (!held.contains(number.group()) && !dateParts.contains(number.group())) {
                wrong.add(where + number.group() + " is not in the Document record of " + entry.document());
            }
        }
        return wrong;
    }

    private static List<int[]> occurrences(String text, String excerpt) {
        List<int[]> spans = new ArrayList<>();
        if (excerpt.isEmpty()) {
            return spans;
        }
        for (int at = text.indexOf(excerpt); at >= 0; at = text.indexOf(excerpt, at + 1)) {
            spans.add(new int[] {at, at + excerpt.length()});
        }
        return spans;
    }

    private static void walk(JsonNode node, String carrier) {
        if (node.isObject()) {
            String here = node.hasNonNull("id") ? node.path("id").asText() : carrier;
            if (node.hasNonNull("id")) {
                IDS.add(here);
            }
            if (node.hasNonNull("document") && node.hasNonNull("quote")) {
                QUOTES.add(new Quote(node.path("document").asText(), node.path("quote").asText(), here));
            }
            node.forEach(child -> walk(child, here));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, carrier));
        }
    }

    private static void mark(boolean[] marks, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            marks[i] = true;
        }
    }

    private static boolean any(boolean[] marks, int from, int to) {
        for (int i = from; i < to; i++) {
            if (marks[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(boolean[] marks, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!marks[i]) {
                return false;
            }
        }
        return true;
    }

    static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    private static String resource(String path) {
        try (InputStream in = DatasetAuditTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
