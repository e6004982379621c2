package org.partnergraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Nodes;

@ApplicationScoped
class SearchRepository {

    /** How many full-text hits are ranked at most: a one-character query matches many names. */
    static final int CANDIDATES = 200;

    /**
     * The regions a one-character abbreviation stands for, then full-text hits (CJK bigrams of names, short
     * names and English names; pinyin syllables and initials; see SearchText), bounded by $candidates and
     * ranked: an abbreviation's region first, then exact name, short name, English name, pinyin or initials,
     * then those that start with the text, then those that contain it; Lucene's score orders within a rank.
     */
    static final String SEARCH = """
            CALL () {
              UNWIND $aliasIds AS aliasId
              MATCH (node:Entity {id: aliasId})
              RETURN node, 0.0 AS score, true AS alias
              UNION ALL
              CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
              RETURN node, score, false AS alias
            }
            WITH node, max(score) AS score, any(a IN collect(alias) WHERE a) AS alias
            WHERE any(label IN labels(node) WHERE label IN $labels)
            WITH node, score, alias, coalesce(node.shortNames, []) AS shortNames,
                 [p IN split(coalesce(node.aliasPinyin, ''), ' / ') WHERE p <> '' | replace(p, ' ', '')] AS aliasPinyin,
                 replace(coalesce(node.namePinyin, ''), ' ', '') AS namePinyin,
                 split(coalesce(node.nameInitials, ''), ' ') AS initials
            WITH node, score
                + CASE
                    WHEN alias THEN 100.0
                    WHEN node.name = $text OR $text IN shortNames OR toLower(node.nameEn) = $lower THEN 50.0
                    WHEN namePinyin = $compact OR $compact IN aliasPinyin THEN 40.0
                    WHEN $initials IN initials THEN 30.0
                    WHEN node.name STARTS WITH $text OR any(s IN shortNames WHERE s STARTS WITH $text)
                         OR toLower(node.nameEn) STARTS WITH $lower THEN 20.0
                    WHEN namePinyin STARTS WITH $compact OR any(p IN aliasPinyin WHERE p STARTS WITH $compact) THEN 15.0
                    WHEN any(i IN initials WHERE i STARTS WITH $initials) THEN 12.0
                    WHEN node.name CONTAINS $text OR any(s IN shortNames WHERE s CONTAINS $text) THEN 10.0
                    ELSE 0.0
                  END AS score
            RETURN node, labels(node) AS labels, score
            ORDER BY score DESC, node.id
            LIMIT $first
            """;

    /**
     * The next nodes after {@code $after} in id order (the unique id index gives them in order, so each batch
     * starts where the last stopped), and whether each still lacks pinyin. Filtering on the missing pinyin
     * instead rescanned every node already done at every batch: on a 660k-node graph the first start after
     * the upgrade did not finish in five minutes.
     */
    static final String NEXT_BY_ID = """
            MATCH (n:Entity)
            WHERE n.id > $after
            RETURN n.id AS id, n.name AS name, n.shortNames AS shortNames,
                   n.name IS NOT NULL AND n.namePinyin IS NULL AS missing
            ORDER BY n.id
            LIMIT $batch
            """;

    /**
     * Where the backfill stands on this graph (see PinyinBackfill): the marker holds {@code after}, the last id of
     * the last batch a pass committed, while a pass is under way, and loses it when the pass ends. No marker: no
     * pass has begun. A marker without {@code after} (also the marker of a graph backfilled before passes could
     * resume): done. The writer derives pinyin for every node it writes (also on rebuildGraph, which keeps this
     * marker), so once done the pass is not repeated: on the 660k-node graph it is a scan every start would pay.
     */
    static final String PINYIN_PROGRESS = """
            OPTIONAL MATCH (m:__Backfill {id: 'search-pinyin'})
            RETURN m IS NOT NULL AND m.after IS NULL AS done, coalesce(m.after, '') AS after
            """;

    /** Written with each batch, in its transaction: a pass cut short resumes after the last batch it committed. */
    static final String PINYIN_BACKFILLED_UP_TO = """
            MERGE (m:__Backfill {id: 'search-pinyin'})
            SET m.after = $after
            """;

    static final String MARK_PINYIN_BACKFILLED = """
            MERGE (m:__Backfill {id: 'search-pinyin'})
            REMOVE m.after
            """;

    /**
     * The batch's derived values, for the nodes that still lack them: the writer sets namePinyin on every node it
     * writes, so a node the writer rewrote since the batch read it (the backfill runs alongside writes) keeps the
     * writer's values, derived from its new names.
     */
    static final String SET_PINYIN = """
            UNWIND $rows AS row
            MATCH (n:Entity {id: row.id})
            WHERE n.namePinyin IS NULL
            SET n.namePinyin = row.namePinyin, n.aliasPinyin = row.aliasPinyin, n.nameInitials = row.nameInitials
            RETURN count(n) AS derived
            """;

    private final Graph graph;

    SearchRepository(Graph graph) {
        this.graph = graph;
    }

    List<SearchHit> search(SearchText text, int first) {
        Map<String, Object> parameters = new HashMap<>(text.parameters());
        parameters.put("labels", Nodes.LABELS);
        parameters.put("first", first);
        parameters.put("candidates", CANDIDATES);
        return graph.readList(SEARCH, parameters, r -> new SearchHit(
                Nodes.from(r.get("node"), r.get("labels").asList(Value::asString)).orElseThrow(),
                r.get("score").asDouble()));
    }

    /** Whether a pass has ended on this graph, and else the id the next one starts after ("" for the first). */
    record Progress(boolean done, String after) {
    }

    Progress pinyinProgress() {
        return graph.readSingle(PINYIN_PROGRESS, Map.of(), r -> new Progress(r.get("done").asBoolean(),
                r.get("after").asString())).orElseThrow();
    }

    boolean pinyinBackfilled() {
        return pinyinProgress().done();
    }

    void markPinyinBackfilled() {
        graph.write(tx -> {
            tx.run(MARK_PINYIN_BACKFILLED, Map.of());
            return null;
        });
    }

    /** How far a batch got: the last id looked at ({@code after} when there was none) and how many nodes it gave pinyin. */
    record Batch(String last, int scanned, int derived) {
    }

    /**
     * Derives pinyin for those of the next {@code batch} nodes after {@code after} (by id) that lack it, and records
     * in the graph's marker that the pass got that far, in one transaction.
     */
    Batch backfillPinyin(String after, int batch) {
        return graph.write(tx -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> ids = tx.list(NEXT_BY_ID, Map.of("after", after, "batch", batch), r -> {
                if (r.get("missing").asBoolean()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", r.get("id").asString());
                    row.put("name", r.get("name").asString());
                    row.put("shortNames", r.get("shortNames").isNull() ? List.of() : r.get("shortNames").asList(Value::asString));
                    rows.add(SearchNames.withPinyin(row));
                }
                return r.get("id").asString();
            });
            if (ids.isEmpty()) {
                return new Batch(after, 0, 0);
            }
            int derived = rows.isEmpty() ? 0
                    : tx.single(SET_PINYIN, Map.of("rows", rows), r -> r.get("derived").asInt()).orElse(0);
            String last = ids.get(ids.size() - 1);
            tx.run(PINYIN_BACKFILLED_UP_TO, Map.of("after", last));
            return new Batch(last, ids.size(), derived);
        });
    }
}
