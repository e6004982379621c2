package org.partnergraph.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partnergraph.privacy.PersonalData;

/**
 * Scans what the stores and the API hold for personal data, so that tests can prove none of it gets
 * through: the write policy ({@link PersonalData}, the same rules every write is held to) plus the
 * names of the persons the source documents mention. Plain logic: callers bring the texts.
 */
final class PersonalDataScan {

    /**
     * Every person the three documents name: the two contact persons first, then the proposer, the
     * officials, the teachers and the students. None of them may appear anywhere, not even in a quote.
     */
    static final List<String> PERSONAL_NAMES = List.of(
            "李同国", "丁健",
            "陶尚周", "周健", "叶银忠", "忻思颖", "陆多佳", "曾继贤", "彭玮", "罗向阳", "徐子涵", "李有志");

    private PersonalDataScan() {
    }

    /** Why {@code text} is personal data; empty when it is not. */
    static List<String> findings(String text) {
        List<String> findings = new ArrayList<>(PersonalData.findings(text));
        for (String name : PERSONAL_NAMES) {
            if (text.contains(name)) {
                findings.add("personal name '" + name + "'");
            }
        }
        return findings;
    }

    /** Whole numbers only: amounts in 万元 are stored as decimals and are money, not digits to dial. */
    static List<String> findings(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short) {
            return PersonalData.findings(number.doubleValue());
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
