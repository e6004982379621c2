package org.partnergraph.search;

/**
 * Builds a Lucene query from what a user typed. Every query-syntax character is escaped, so the text
 * is always searched for as words and never parsed as operators (no injection, no syntax errors).
 */
final class LuceneQuery {

    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private LuceneQuery() {
    }

    static String of(String text) {
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
