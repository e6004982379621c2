package org.partnergraph.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What personal data looks like in the source documents, so that tests can prove it never reaches
 * the graph, the document records or an API answer. Plain logic: callers bring the texts.
 */
final class PersonalData {

    /**
     * Seven or more digits, single spaces allowed between them: the contact lines of D2023 and D2018
     * (a 7- and an 8-digit number). Full-width digits and the ideographic space are included because
     * Chinese documents use them and Java's {@code \d} does not match them.
     */
    static final Pattern PHONE_LIKE = Pattern.compile("[0-9０-９](?:[ \u3000]?[0-9０-９]){6,}");

    /**
     * Every person the three documents name: the two contact persons first, then the proposer, the
     * officials, the teachers and the students. None of them may appear anywhere, not even in a quote.
     */
    static final List<String> PERSONAL_NAMES = List.of(
            "李同国", "丁健",
            "陶尚周", "周健", "叶银忠", "忻思颖", "陆多佳", "曾继贤", "彭玮", "罗向阳", "徐子涵", "李有志");

    /** The words that introduce contact details (联系人及电话, 联系人, 联系电话). */
    static final List<String> MARKERS = List.of("联系人", "电话");

    /** A number stored as a number is as much a phone number as the same digits in a string. */
    static final long SEVEN_DIGITS = 1_000_000L;

    private PersonalData() {
    }

    /** Why {@code text} is personal data; empty when it is not. */
    static List<String> findings(String text) {
        List<String> findings = new ArrayList<>();
        Matcher phone = PHONE_LIKE.matcher(text);
        if (phone.find()) {
            findings.add("phone-like number '" + phone.group() + "'");
        }
        for (String name : PERSONAL_NAMES) {
            if (text.contains(name)) {
                findings.add("personal name '" + name + "'");
            }
        }
        for (String marker : MARKERS) {
            if (text.contains(marker)) {
                findings.add("contact marker '" + marker + "'");
            }
        }
        return findings;
    }

    static List<String> findings(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short) {
            return Math.abs(number.longValue()) >= SEVEN_DIGITS
                    ? List.of("number with seven or more digits " + number)
                    : List.of();
        }
        return List.of();
    }

    /**
     * Every finding in a parsed JSON answer (maps, lists, strings, numbers), each prefixed with its
     * path. Cursors are skipped: they are opaque base64 that may contain digit runs by chance, and
     * they only encode ids and names that are scanned where they appear in clear.
     */
    static List<String> scanJson(Object tree, String path, int[] texts) {
        List<String> findings = new ArrayList<>();
        if (tree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!String.valueOf(key).toLowerCase().endsWith("cursor")) {
                    findings.addAll(scanJson(value, path + "." + key, texts));
                }
            });
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findings.addAll(scanJson(list.get(i), path + "[" + i + "]", texts));
            }
        } else if (tree instanceof String text) {
            texts[0]++;
            findings(text).forEach(f -> findings.add(path + ": " + f + " in \"" + text + "\""));
        } else if (tree instanceof Number number) {
            findings(number).forEach(f -> findings.add(path + ": " + f));
        }
        return findings;
    }
}
