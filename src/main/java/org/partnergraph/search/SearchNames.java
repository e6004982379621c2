package org.partnergraph.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pinyin a node is also found by, derived from its Chinese name and short names when the node is
 * written (dataset.BundleWriter), so that a replay or rebuild of the change log writes them again:
 * {@code namePinyin} (喀什理工职业技术学院 → "ka shi li gong zhi ye ji shu xue yuan"), {@code aliasPinyin}
 * (each short name's, joined by " / " as aliasText joins the short names) and {@code nameInitials}
 * (the initials of the name and of each short name: "kslgzyjsxy kslg"). Names only: the import keeps
 * personal data out of names, and nothing else is read here.
 */
public final class SearchNames {

    public static final List<String> PROPERTIES = List.of("namePinyin", "aliasPinyin", "nameInitials");

    private SearchNames() {
    }

    /** The row with its derived properties, or the row itself when it has no name (a stated count). */
    public static Map<String, Object> withPinyin(Map<String, Object> row) {
        if (!(row.get("name") instanceof String name)) {
            return row;
        }
        List<String> shortNames = new ArrayList<>();
        if (row.get("shortNames") instanceof List<?> list) {
            list.forEach(s -> shortNames.add(String.valueOf(s)));
        }
        Map<String, Object> derived = new LinkedHashMap<>(row);
        derived.putAll(derive(name, shortNames));
        return derived;
    }

    static Map<String, Object> derive(String name, List<String> shortNames) {
        String namePinyin = Pinyin.of(name);
        List<String> aliasPinyin = shortNames.stream().map(Pinyin::of).toList();
        List<String> initials = new ArrayList<>();
        initials.add(Pinyin.initialsOf(namePinyin));
        aliasPinyin.forEach(p -> initials.add(Pinyin.initialsOf(p)));
        return Map.of(
                "namePinyin", namePinyin,
                "aliasPinyin", String.join(" / ", aliasPinyin),
                "nameInitials", initials.stream().filter(i -> !i.isEmpty()).distinct().collect(Collectors.joining(" ")));
    }
}
