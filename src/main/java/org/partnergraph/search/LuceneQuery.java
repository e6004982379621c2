package org.partnergraph.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Lucene query for the {@code entity_names} index from what a user typed. The typed text is
 * searched for as words in the name fields with every query-syntax character escaped, so it is never
 * parsed as operators (no injection, no syntax errors); the clauses added for pinyin, initials and English
 * word beginnings are built only from folded letters and digits.
 */
final class LuceneQuery {

    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";
    /** The fields the import fills from the documents' own names (see V0002__Name_fulltext_index). */
    private static final List<String> NAME_FIELDS = List.of("name", "aliasText", "nameEn");

    private LuceneQuery() {
    }

    /**
     * @param text     the typed text in simplified characters
     * @param folded   its Latin words, toneless and lower-case (see {@link Pinyin#fold})
     * @param pinyin   the syllable sequences those words may be
     * @param initials the words as initials, or null
     */
    static String of(String text, String folded, List<String> pinyin, String initials) {
        List<String> clauses = new ArrayList<>();
        String words = escape(text);
        for (String field : NAME_FIELDS) {
            clauses.add(field + ":(" + words + ")");
        }
        for (String word : text.split("\\s+")) {
            // The CJK analyser indexes Chinese as bigrams, which a lone character never equals: match it at
            // either end of a bigram (滇 in 沪滇 and 滇西) or as a one-character alias.
            if (word.codePointCount(0, word.length()) == 1 && Character.isIdeographic(word.codePointAt(0))) {
                for (String field : List.of("name", "aliasText")) {
                    clauses.add(field + ":" + word + "*");
                    clauses.add(field + ":*" + word);
                }
            }
        }
        for (String word : folded.split(" ")) {
            if (word.length() >= 2) {
                clauses.add("nameEn:" + word + "*");
            }
        }
        for (String syllables : pinyin) {
            clauses.add("namePinyin:\"" + syllables + "\"");
            clauses.add("aliasPinyin:\"" + syllables + "\"");
        }
        if (initials != null) {
            clauses.add("nameInitials:" + initials + "*");
        }
        return String.join(" OR ", clauses);
    }

    static String escape(String text) {
        StringBuilder query = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                query.append('\\');
            }
            query.append(c);
        }
        // Lucene also treats the bare words AND, OR and NOT as operators.
        return query.toString().replaceAll("\\b(AND|OR|NOT)\\b", "\\\\$1");
    }
}
