package org.partnergraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * What a user typed, folded the ways names are stored: traditional characters to simplified (the stored
 * names are simplified), Latin text to toneless lower-case pinyin syllables and initials, a one-character
 * abbreviation to the regions it stands for. {@link #parameters()} are what the search statements and the
 * organisations filter read: {@code $query} for the full-text index, the rest to rank and to confirm a hit.
 */
public record SearchText(
        /** the text in simplified characters, stripped */
        String text,
        /** the text in lower case, for English names */
        String lower,
        /** the ways the Latin part splits into pinyin syllables ("ka shi"); empty when it is not pinyin */
        List<String> pinyin,
        /** the Latin part without spaces ("kashi", "kslg"), or null */
        String compact,
        /** the Latin part as initials (kslg), or null when it is shorter than two letters or not letters only */
        String initials,
        /** ids of the regions a one-character abbreviation stands for */
        List<String> aliasIds,
        /** the Lucene query for the entity_names index */
        String query) {

    /** ICU's transliterators are not safe to share between threads (see Pinyin). */
    private static final ThreadLocal<Transliterator> SIMPLIFIED = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    public static SearchText of(String typed) {
        String text = SIMPLIFIED.get().transliterate(typed.strip());
        String folded = Pinyin.fold(text);
        List<String> pinyin = Pinyin.segmentations(folded);
        String compact = folded.isEmpty() ? null : folded.replace(" ", "");
        String initials = compact != null && compact.length() >= 2 && compact.chars().allMatch(Character::isLetter)
                ? compact
                : null;
        List<String> aliasIds = Abbreviations.targets(text);
        return new SearchText(text, text.toLowerCase(Locale.ROOT), pinyin, compact, initials, aliasIds,
                LuceneQuery.of(text, folded, pinyin, initials));
    }

    /** $query, $text, $lower, $pinyin, $compact, $initials, $aliasIds. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", query);
        parameters.put("text", text);
        parameters.put("lower", lower);
        parameters.put("pinyin", new ArrayList<>(pinyin));
        parameters.put("compact", compact);
        parameters.put("initials", initials);
        parameters.put("aliasIds", new ArrayList<>(aliasIds));
        return parameters;
    }
}
