package org.partnergraph.fact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.partnergraph.document.Citation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The quantities, awards and facts of a node or relationship as stored: each list is one JSON text property
 * ({@code quantities}, {@code awards}, {@code facts}) holding the bundle's validated items with their citations. Neo4j
 * properties cannot hold maps, and parallel lists (as the sources use) would need a list of citation lists per
 * item; the text is written only by the importer, after validation, and read only here.
 */
public final class StatedFacts {

    /** The node or relationship properties that hold them. */
    public static final String QUANTITIES = "quantities";
    public static final String AWARDS = "awards";
    public static final String FACTS = "facts";

    /** The qualifiers a document may put on a number, as written (约10场, 80余人, 10月左右, 近百名, 约60余名). */
    public static final Set<String> QUALIFIERS = Set.of("约", "余", "多", "左右", "近", "约…余");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A number standing alone, as a fact's value must never be: digits or Chinese numerals, with at most the
     * qualifiers and one measure word around them (10, 约10场, 80余人, 两位, 三个, 3门, 50%). Text that merely contains
     * a number (喀什四县乡级学校, 一金一银 as part of a sentence) is a fact.
     */
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "(约|近|共|计|合计)?[0-9.,，．%％〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+"
                    + "(余|多)?(门|个|场|场次|位|人|人次|名|所|项|次|天|日|周|月|个月|年|元|万元|套|批|期|件|届|家|间|支|份|篇|本)?"
                    + "(左右|以上|余)?");

    private StatedFacts() {
    }

    /** The quantities stated on {@code entity} (a node, relationship or map with a {@code quantities} entry). */
    public static List<Quantity> quantities(Value entity) {
        return storedQuantities(entity == null || entity.isNull() ? null : entity.get(QUANTITIES));
    }

    /** The quantities in a stored {@code quantities} property (its text, a list of such texts, or null). */
    public static List<Quantity> storedQuantities(Value stored) {
        List<Quantity> quantities = new ArrayList<>();
        for (JsonNode item : items(stored, QUANTITIES)) {
            quantities.add(new Quantity(QuantityMeasure.valueOf(item.path("measure").asText()), item.path("value").asInt(),
                    text(item, "unit"), item.path("approximate").asBoolean(false), text(item, "qualifier"),
                    citations(item)));
        }
        return quantities;
    }

    /** The awards stated on the relationship from {@code awardee} to {@code contest}. */
    public static List<Award> awards(Value entity, String awardee, String contest) {
        return storedAwards(entity == null || entity.isNull() ? null : entity.get(AWARDS), awardee, contest);
    }

    /** The awards in a stored {@code awards} property (its text, or null). */
    public static List<Award> storedAwards(Value stored, String awardee, String contest) {
        List<Award> awards = new ArrayList<>();
        for (JsonNode item : items(stored, AWARDS)) {
            awards.add(new Award(item.path("level").asText(), item.has("count") ? item.path("count").asInt() : null,
                    text(item, "unit"), text(item, "category"), awardee, contest, citations(item)));
        }
        return awards;
    }

    /** The facts stated on {@code entity} (a node, relationship or map with a {@code facts} entry). */
    public static List<Fact> facts(Value entity) {
        return storedFacts(entity == null || entity.isNull() ? null : entity.get(FACTS));
    }

    /** The facts in a stored {@code facts} property (its text, a list of such texts, or null). */
    public static List<Fact> storedFacts(Value stored) {
        List<Fact> facts = new ArrayList<>();
        for (JsonNode item : items(stored, FACTS)) {
            List<Citation> citations = citations(item);
            facts.add(new Fact(FactName.valueOf(item.path("name").asText()), item.path("value").asText(),
                    !citations.isEmpty() && citations.stream().allMatch(Citation::implied), citations));
        }
        return facts;
    }

    /** True when {@code value} is only a number (see {@link #BARE_NUMBER}), spaces and punctuation around it ignored. */
    public static boolean isBareNumber(String value) {
        String text = value.replaceAll("[\\s\\p{P}]+$", "").replaceAll("^[\\s\\p{P}]+", "").replaceAll("\\s+", "");
        return !text.isEmpty() && BARE_NUMBER.matcher(text).matches();
    }

    /** The stored text of a validated list of items (the importer's side). */
    public static String stored(JsonNode items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The items of a stored property: one text, or a list of them (a programme partnership reads those of its
     * RUNS and its TARGETS link together), nulls skipped.
     */
    private static ArrayNode items(Value value, String property) {
        ArrayNode items = JSON.createArrayNode();
        if (value == null || value.isNull()) {
            return items;
        }
        List<Value> texts = value.hasType(TypeSystem.getDefault().LIST()) ? value.asList(v -> v) : List.of(value);
        for (Value text : texts) {
            if (!text.isNull()) {
                try {
                    JSON.readTree(text.asString()).forEach(items::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Stored " + property + " are not JSON", e);
                }
            }
        }
        return items;
    }

    private static List<Citation> citations(JsonNode item) {
        List<Citation> citations = new ArrayList<>();
        for (JsonNode source : item.path("sources")) {
            citations.add(new Citation(source.path("document").asText(), source.path("quote").asText(),
                    source.path("implied").asBoolean(false)));
        }
        return citations;
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }
}
