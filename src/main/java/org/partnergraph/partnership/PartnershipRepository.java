package org.partnergraph.partnership;

import static org.partnergraph.partnership.PartnerRules.FROM_OUTSIDE;
import static org.partnergraph.partnership.PartnerRules.STATED_TYPES;
import static org.partnergraph.partnership.PartnerRules.organizationOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.graph.CypherText;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;

@ApplicationScoped
class PartnershipRepository {



    /**
     * Explicit support into {@code target} (a department's or major's counts for the organisation that has it),
     * each row with {@code keys} ({@link PartnershipRow}).
     */
    private static String intoStated(Set<String> keys) {
        return """
                  MATCH (a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS]->(target)
                  // An organisation supports as itself: only a department's or major's owner is looked up, not
                  // (as an OPTIONAL MATCH would) through every incoming relationship of every supporting organisation.
                  UNWIND CASE WHEN a:Organization THEN [a]
                         ELSE COLLECT { MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS]->(a) RETURN owner } END AS supporter
                  WITH target, r, supporter
                """ + PartnershipRow.through(keys)
                + "  RETURN " + PartnershipRow.stated(keys, "supporter", "target", null) + " AS partnership\n";
    }

    /** Programmes whose implementer RUNS them and which TARGET {@code target}, from outside its province. */
    private static String intoProgrammes(Set<String> keys) {
        return """
                  MATCH (s:Organization)-[run:RUNS]->(prog:Programme)-[t:TARGETS]->(target)
                  WHERE
                """ + FROM_OUTSIDE + "  RETURN " + PartnershipRow.programme(keys, "s", "target") + " AS partnership\n";
    }

    /** The relationship types of the stated kinds {@code query} asks for: the enum's names, never client text. */
    private static String statedTypes(PartnersQuery query) {
        return query.kinds() == null ? STATED_TYPES : query.kinds().stream()
                .filter(k -> k != PartnershipKind.PROGRAMME).distinct().map(Enum::name).collect(Collectors.joining("|"));
    }

    /** The branches as one subquery importing {@code variable}: each yields {@code partnership}. */
    private static String union(String variable, List<String> branches) {
        return "CALL {\n" + branches.stream().map(branch -> "  WITH " + variable + "\n" + branch)
                .collect(Collectors.joining("  UNION\n")) + "}\n";
    }

    // Declared before SUPPORT_GAPS and SUPPORTERS_OF, whose initialisers build their text through it.
    /** The texts of {@link #partnershipsOf} and {@link #supportInto} by shape (role, kinds, row keys); see {@link #text}. */
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    /**
     * Everyone who supports {@code target}: explicit support into it, and programmes whose implementer
     * RUNS them and which TARGET it. Expects {@code target} bound; yields {@code partnership} maps with
     * {@code keys} ({@link PartnershipRow}).
     */
    static String supportInto(Set<String> keys) {
        // Asked by every compiled supportersOf; the text depends on the keys only.
        return text("into:" + keys, () -> union("target", List.of(intoStated(keys), intoProgrammes(keys))));
    }

    /**
     * What "supported" means for a subject: a department and its majors; an organisation and its
     * departments and majors; a region, its sub-regions, and every organisation located in them.
     */
    private static final String SUBJECT_TARGETS = """
            CALL {
              WITH subject
              OPTIONAL MATCH (r:Region)-[:PART_OF*0..]->(subject) WHERE subject:Region
              OPTIONAL MATCH (org:Organization)-[:LOCATED_IN]->(r)
              WITH subject, collect(DISTINCT r) + collect(DISTINCT org) AS places
              UNWIND CASE WHEN subject:Region THEN places ELSE [subject] END AS root
              OPTIONAL MATCH (root)-[:HAS_DEPARTMENT|OFFERS*1..2]->(part)
              WITH root, collect(DISTINCT part) AS parts
              UNWIND [root] + parts AS target
              RETURN DISTINCT target
            }
            """;

    static final String TARGETS_OF_SUBJECT = "MATCH (subject:Entity {id: $id})\n" + SUBJECT_TARGETS;

    /**
     * Departments, organisations and regions a programme or an agreement names (TARGETS) that nobody supports
     * in the year it names them, by the rules of {@link #SUPPORTERS_OF}: stated support active that year (undated
     * support counts as active) or a programme of that year from outside the province. A programme's year is
     * its year, an agreement's the year of its date or the start of its period; without a year, any support
     * counts. Sorted by year, newest first (no year last), then the node's name and id.
     */
    static final String SUPPORT_GAPS = """
            MATCH (source)-[:TARGETS]->(named)
            WHERE (source:Programme OR source:Agreement) AND (named:Department OR named:Organization OR named:Region)
            WITH named, source,
                 CASE WHEN source:Programme THEN source.year
                      ELSE toInteger(left(coalesce(source.date, source.period), 4)) END AS year
            WHERE $year IS NULL OR year = $year
            WITH named, year, collect(DISTINCT source) AS namedIn
            CALL (named, year) {
              WITH named AS subject, year
            """ + SUBJECT_TARGETS + supportInto(Set.of("until")) + """
              WITH partnership, year WHERE partnership.supporter IS NOT NULL AND (year IS NULL OR
                CASE WHEN partnership.kind = 'PROGRAMME' THEN partnership.since = toString(year)
                     ELSE (partnership.since IS NULL OR toInteger(left(partnership.since, 4)) <= year)
                          AND (partnership.until IS NULL OR toInteger(left(partnership.until, 4)) >= year) END)
              RETURN count(partnership) AS support
            }
            WITH named, year, namedIn WHERE support = 0
            WITH named, year, namedIn ORDER BY coalesce(year, -1) DESC, coalesce(named.name, ''), named.id
            WITH collect({node: named, labels: labels(named), year: year,
                          namedIn: [n IN namedIn | {node: n, labels: labels(n)}]}) AS gaps
            RETURN size(gaps) AS total, gaps[0..$limit] AS gaps
            """;

    static final String SUPPORTERS_OF = TARGETS_OF_SUBJECT + supportInto(PartnershipRow.ALL_KEYS) + """
            WITH DISTINCT partnership WHERE partnership.supporter IS NOT NULL
            RETURN partnership
            ORDER BY partnership.kind, partnership.supporter.name, partnership.id
            LIMIT $limit
            """;

    /**
     * Every partnership of the organisation in {@code o} that {@code query} can want: support it or its
     * departments and majors receive (role SUPPORTER or ANY), support it gives (SUPPORTED or ANY); programme
     * rows only when PROGRAMME is among the kinds asked for, stated ones only when another kind is. One walk
     * to the parts and one expansion of the relationship types those choices need, each relationship then
     * read as the row it makes. The text depends only on those choices and on the row's {@code keys}, so
     * Neo4j plans each shape once. Yields {@code partnership} maps ({@link PartnershipRow}); rows without a
     * supporter (a department nobody owns) are dropped later.
     */
    static String partnershipsOf(PartnersQuery query, Set<String> keys) {
        // Asked on every request that lists partnerships; the text depends on the role, the kinds and the keys only.
        return text("of:" + query.role() + ":" + query.kinds() + ":" + keys, () -> buildPartnershipsOf(query, keys));
    }

    /**
     * A statement text built once per shape. Kind lists and selections are client input (repeats, orders,
     * field subsets): the table is cleared past 1,000 shapes rather than grown without bound.
     */
    private static String text(String shape, Supplier<String> build) {
        if (TEXTS.size() > 1_000) {
            TEXTS.clear();
        }
        return TEXTS.computeIfAbsent(shape, key -> build.get());
    }

    private static String buildPartnershipsOf(PartnersQuery query, Set<String> keys) {
        boolean programmes = query.asksProgrammes();
        PartnerRole role = query.role();
        // Received support (role SUPPORTER: the partner supports) comes in to o's parts, given support goes out:
        // stated relationships either way, a programme's TARGETS in, the RUNS of programmes o runs out.
        List<String> types = new ArrayList<>();
        List<Function<String, String>> branches = new ArrayList<>();
        if (query.asksStated()) {
            types.add(statedTypes(query));
            branches.add(end -> statedRow(keys, programmes, end));
        }
        if (programmes && role != PartnerRole.SUPPORTED) {
            types.add("TARGETS");
            branches.add(end -> targetedRow(keys, end));
        }
        if (programmes && role != PartnerRole.SUPPORTER) {
            types.add("RUNS");
            branches.add(end -> runRow(keys, end));
        }
        String relationship = "-[r:" + String.join("|", types) + "]-";
        String pattern = switch (role) {
            case ANY -> relationship;
            case SUPPORTER -> "<" + relationship;
            case SUPPORTED -> relationship + ">";
        };
        // One walk to o and its departments and majors and one expansion of every type asked for. A walk and an
        // expansion per branch (stated, targeted, run) cost 152 database hits on a synthetic school's partner
        // page where this costs 88 (and some 5–10% more of Neo4j's CPU per statement).
        return "  MATCH (o)-[:HAS_DEPARTMENT|OFFERS*0..2]->(a)" + pattern + "(x)\n"
                + "  WITH DISTINCT o, a, r, x\n"
                // A single branch ends in WITH (the caller returns the partnership), several in a union.
                + (branches.size() == 1 ? branches.get(0).apply("WITH") : "  CALL (o, a, r, x) {\n"
                        + branches.stream().map(branch -> branch.apply("RETURN")).collect(Collectors.joining("  UNION ALL\n"))
                        + "  }\n");
    }

    /**
     * A stated relationship {@code r} between {@code a} (o or one of its parts) and {@code x}: given, o supports
     * {@code x}; received, {@code x} supports {@code a} (a department or major as the organisation that has it).
     * With programmes in the same expansion, their TARGETS and RUNS are left to their own rows.
     */
    private static String statedRow(Set<String> keys, boolean programmes, String end) {
        return (programmes ? "  WITH o, a, r, x WHERE NOT r:TARGETS|RUNS\n" : "") + """
                  WITH o, a, r, x, startNode(r) = a AS gives
                  UNWIND CASE WHEN gives THEN [o] WHEN x:Organization THEN [x]
                         ELSE COLLECT { MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS]->(x) RETURN owner } END AS supporter
                  WITH r, supporter, CASE WHEN gives THEN x ELSE a END AS supported
                """ + PartnershipRow.through(keys)
                + "  " + end + " " + PartnershipRow.stated(keys, "supporter", "supported", null) + " AS partnership\n";
    }

    /** A programme {@code x} that TARGETS {@code a}, run by an implementer from outside a's province. */
    private static String targetedRow(Set<String> keys, String end) {
        return """
                  WITH a, r, x WHERE r:TARGETS AND endNode(r) = a AND x:Programme
                  MATCH (x)<-[run:RUNS]-(s:Organization)
                  WITH s, run, x AS prog, r AS t, a AS target
                  WHERE
                """ + FROM_OUTSIDE + "  " + end + " " + PartnershipRow.programme(keys, "s", "target") + " AS partnership\n";
    }

    /** A programme {@code x} that o itself RUNS, and what it TARGETS from outside o's province. */
    private static String runRow(Set<String> keys, String end) {
        return """
                  WITH o, a, r, x WHERE r:RUNS AND a = o AND x:Programme
                  MATCH (x)-[t:TARGETS]->(target)
                  WITH o AS s, r AS run, x AS prog, t, target
                  WHERE
                """ + FROM_OUTSIDE + "  " + end + " " + PartnershipRow.programme(keys, "s", "target") + " AS partnership\n";
    }

    /**
     * A page of {@link #partnershipsOf} for the organisation in variable {@code o}, as one expression: a
     * map {@code {total, rows}}, rows filtered by {@code $kinds} (null: all), sorted by {@code sort} then id,
     * after the keyset ({@code $afterKey}, {@code $afterId}), at most {@code $limit}. Each row is the
     * partnership map with its sort {@code key}, and {@code supporter}/{@code supported} as {@code project}
     * renders them from the variables it is given (supporter node, supported node). Variable names come
     * from {@code fresh}, so the expression can be nested inside another one (partners of partners).
     */
    static String partnersPage(String o, PartnersQuery query, UnaryOperator<String> fresh,
            BiFunction<String, String, String[]> project) {
        return partnersPage(o, query, fresh, project, true, true, false, PartnershipRow.ALL_KEYS);
    }

    /**
     * As above; the count and the page are only written when asked for ({@code total}, {@code rows}). With
     * {@code once}, a page with its count works the partnerships out once and slices the sorted list (the read
     * planner); without, it counts and pages in two subqueries (the resolvers, whose answers the planner's
     * are tested against). Each row carries the partnership's {@code keys} ({@link PartnershipRow}).
     */
    static String partnersPage(String o, PartnersQuery query, UnaryOperator<String> fresh,
            BiFunction<String, String, String[]> project, boolean total, boolean rows, boolean once, Set<String> keys) {
        PartnershipSort sort = query.sort();
        String p = fresh.apply("p");
        String k = fresh.apply("k");
        String row = fresh.apply("row");
        String key = fresh.apply("key");
        String supporter = fresh.apply("supporter");
        String supported = fresh.apply("supported");
        String sortKey = switch (sort) {
            case ID -> p + ".id";
            // Unknown dates go last both ways: '' sorts first, so ascending uses a sentinel after every date.
            case SINCE -> "coalesce(" + p + ".since, '~')";
            case SINCE_DESC -> "coalesce(" + p + ".since, '')";
            case PARTNER_NAME -> "CASE WHEN " + p + ".supporter.id = " + o + ".id THEN " + p + ".supported.name ELSE "
                    + p + ".supporter.name END";
        };
        boolean descending = sort == PartnershipSort.SINCE_DESC;
        String after = descending
                ? k + " < $afterKey OR (" + k + " = $afterKey AND " + p + ".id > $afterId)"
                : k + " > $afterKey OR (" + k + " = $afterKey AND " + p + ".id > $afterId)";
        String[] ends = project.apply(supporter, supported);
        // Count and page are two subqueries over the same partnerships: Neo4j 5 refuses aggregation inside a
        // subquery in a projection, and loses variables when one list is bound once and read twice.
        String partnerships = partnerships(o, p, query, keys);
        String count = !total ? "0" : CypherText.fill("""
                size(COLLECT {
                %1$s
                  RETURN %2$s
                })""", partnerships, p);
        if (!rows) {
            return "{total: " + count + ", rows: []}";
        }
        if (total && once) {
            return onePass(partnerships, p, sortKey, descending, fresh, new String[] {supporter, supported, ends[0], ends[1]},
                    PartnershipRow.projection(keys));
        }
        return CypherText.fill("""
                {total: %13$s, rows: COLLECT {
                %1$s
                  WITH %2$s, %3$s AS %4$s WHERE $afterKey IS NULL OR %5$s
                  WITH %2$s, %4$s ORDER BY %4$s %6$s, %2$s.id LIMIT $limit
                  WITH %2$s AS %7$s, %4$s AS %8$s
                  WITH %7$s, %8$s, %7$s.supporter AS %9$s, %7$s.supported AS %10$s
                  RETURN %7$s {%14$s, key: %8$s, supporter: %11$s, supported: %12$s}
                }}""", partnerships, p, sortKey, k, after, descending ? "DESC" : "ASC", row, key,
                supporter, supported, ends[0], ends[1], count, PartnershipRow.projection(keys));
    }

    /**
     * Count and page from one list: every partnership sorted and projected (an organisation's partnerships are
     * few, and working them out is what costs), then counted and sliced after the keyset. The list is read
     * through a one-element list comprehension, the form Neo4j 5 allows in a projection; nested subqueries
     * stay inside the list's COLLECT, where they keep their variables.
     */
    private static String onePass(String partnerships, String p, String sortKey, boolean descending,
            UnaryOperator<String> fresh, String[] ends, String keys) {
        // ends: the supporter and supported variables, then their projections

        String k = fresh.apply("k");
        String row = fresh.apply("row");
        String all = fresh.apply("all");
        String x = fresh.apply("x");
        String after = x + ".key " + (descending ? "<" : ">") + " $afterKey OR (" + x + ".key = $afterKey AND " + x
                + ".id > $afterId)";
        return CypherText.fill("""
                [%1$s IN [COLLECT {
                %2$s
                  WITH %3$s, %4$s AS %5$s
                  WITH %3$s, %5$s ORDER BY %5$s %6$s, %3$s.id
                  WITH %3$s AS %7$s, %5$s AS %8$s, %3$s.supporter AS %9$s, %3$s.supported AS %10$s
                  RETURN %7$s {%15$s, key: %8$s, supporter: %11$s, supported: %12$s}
                }] | {total: size(%1$s), rows: [%13$s IN %1$s WHERE $afterKey IS NULL OR %14$s][0..$limit]}][0]""",
                all, partnerships, p, sortKey, k, descending ? "DESC" : "ASC", row, fresh.apply("key"),
                        ends[0], ends[1], ends[2], ends[3], x, after, keys);
    }

    /**
     * The distinct partnerships of the organisation in {@code o} that {@code $kinds} asks for, in {@code p}, each
     * row with {@code keys}.
     */
    private static String partnerships(String o, String p, PartnersQuery query, Set<String> keys) {
        return CypherText.fill("""
                  CALL (%1$s) {
                    WITH %1$s AS o
                %2$s
                    RETURN partnership AS %3$s
                  }
                  WITH DISTINCT %3$s WHERE %3$s.supporter IS NOT NULL AND ($kinds IS NULL OR %3$s.kind IN $kinds)
                """, o, partnershipsOf(query, keys), p);
    }

    /** The since key of what has no date, when sorting oldest first: after every date (dates sort as text). */
    static final String UNDATED_LAST = "~";

    /**
     * A page of the distinct organisations at the other end of {@link #partnershipsOf} for the organisation
     * in {@code o}, as one expression {@code {links, rows, regionFound}}: the partner is the other end, or the
     * organisation that has the department or major at the other end; regions are no partners. Links are
     * filtered by {@code $kinds}, partners by {@code $partnerKinds} and {@code $regionId} (when the query has
     * them), each link {@code {partner, id, kind, since, role}}; rows are the partners sorted by name or by their
     * earliest since, then id, after the keyset, at most {@code $limit}, as {@code project} renders the partner
     * variable it is given.
     */
    static String partnerOrganizationsPage(String o, PartnersQuery query, UnaryOperator<String> fresh,
            UnaryOperator<String> project) {
        return partnerOrganizationsPage(o, query, fresh, project, true);
    }

    /**
     * As above; the links only when asked for (an edge's kinds, role, since, ids, or the totalCount) or when
     * the partners are sorted by since (their cursors carry it).
     */
    static String partnerOrganizationsPage(String o, PartnersQuery query, UnaryOperator<String> fresh,
            UnaryOperator<String> project, boolean withLinks) {
        // Sorted by since, a partner's cursor carries its earliest since, which the reader takes from the links.
        boolean links = withLinks || query.bySince();
        String p = fresh.apply("p");
        String other = fresh.apply("other");
        String owner = fresh.apply("owner");
        String partner = fresh.apply("partner");
        String node = fresh.apply("node");
        String kept = partnerFilter(query.partners(), partner);
        // The links read only what every row carries (id, kind, since and the ends).
        String partners = links ? partnerships(o, p, query, Set.of()) + CypherText.fill("""
                  WITH %1$s, CASE WHEN %1$s.supporter.id = %2$s.id THEN %1$s.supported ELSE %1$s.supporter END AS %3$s
                  WITH %1$s, %4$s AS %5$s
                  WITH %1$s, %5$s WHERE %5$s IS NOT NULL AND %5$s.id <> %2$s.id%6$s
                """, p, o, other, organizationOf(other, owner), partner, kept)
                : CypherText.fill("  MATCH (%1$s)%2$s(%3$s)%4$s\n", o, linkPattern(query), partner,
                        kept.isEmpty() ? "" : " WHERE " + kept.substring(" AND ".length()));
        // Every link (small: one organisation's partnerships) and the page of distinct partners; the links are
        // grouped per partner by the reader. No aggregation: see partnersPage.
        String linkList = !links ? "[]" : CypherText.fill("""
                COLLECT {
                %1$s
                  RETURN {partner: %2$s.id, id: %3$s.id, kind: %3$s.kind, since: %3$s.since,
                          role: CASE WHEN %3$s.supporter.id = %4$s.id THEN 'SUPPORTED' ELSE 'SUPPORTER' END}
                }""", partners, partner, p, o);
        String regionFound = query.partners().regionId() == null ? "true" : "EXISTS { (:Region {id: $regionId}) }";
        String rows = query.bySince() ? sinceRows(partners, partner, p, node, project, query.sort(), fresh) : CypherText.fill("""
                COLLECT {
                %1$s
                  WITH DISTINCT %2$s AS %3$s
                  WHERE $afterKey IS NULL OR %3$s.name > $afterKey OR (%3$s.name = $afterKey AND %3$s.id > $afterId)
                  WITH %3$s ORDER BY %3$s.name, %3$s.id LIMIT $limit
                  RETURN %4$s
                }""", partners, partner, node, project.apply(node));
        return "{links: " + linkList + ", regionFound: " + regionFound + ", rows: " + rows + "}";
    }

    /**
     * The page of distinct partners sorted by their earliest since. Neo4j 5 refuses {@code min()} in a subquery
     * that uses an outer variable, so the links are listed by partner and date and each partner's first link
     * is kept (one pass over a sorted list; an organisation's links are few), then sorted and sliced.
     */
    private static String sinceRows(String partners, String partner, String p, String node,
            UnaryOperator<String> project, PartnershipSort sort, UnaryOperator<String> fresh) {
        String links = fresh.apply("links");
        String i = fresh.apply("i");
        String first = fresh.apply("first");
        String key = fresh.apply("key");
        boolean descending = sort == PartnershipSort.SINCE_DESC;
        // The earliest date first; no date sorts after every date, and (for newest first) as '' after them too.
        String sortKey = descending ? "CASE WHEN %1$s.since = '%2$s' THEN '' ELSE %1$s.since END" : "%1$s.since";
        return CypherText.fill("""
                COLLECT {
                  WITH COLLECT {
                %1$s
                    WITH %2$s, coalesce(%3$s.since, '%4$s') AS since ORDER BY %2$s.id, since
                    RETURN {node: %2$s, since: since}
                  } AS %5$s
                  UNWIND range(0, size(%5$s) - 1) AS %6$s
                  WITH %5$s[%6$s] AS %13$s, %6$s, %5$s WHERE %6$s = 0 OR %5$s[%6$s - 1].node <> %5$s[%6$s].node
                  WITH %13$s.node AS %7$s, %8$s AS %9$s
                  WHERE $afterKey IS NULL OR %9$s %10$s $afterKey OR (%9$s = $afterKey AND %7$s.id > $afterId)
                  WITH %7$s, %9$s ORDER BY %9$s %11$s, %7$s.id LIMIT $limit
                  RETURN %12$s
                }""", partners, partner, p, UNDATED_LAST, links, i, node,
                CypherText.fill(sortKey, first, UNDATED_LAST), key, descending ? "<" : ">", descending ? "DESC" : "ASC",
                project.apply(node), first);
    }

    /**
     * The partner filter of {@code partnerOrganizations} as a condition on {@code partner} (empty when it keeps
     * everyone, so unfiltered lists keep their text and plan): the kind is a property, the region a fixed walk
     * from the partner's location up the region tree (a handful of levels).
     */
    private static String partnerFilter(PartnersQuery.Partners partners, String partner) {
        StringBuilder condition = new StringBuilder();
        if (partners.kinds() != null) {
            condition.append(" AND ").append(partner).append(".kind IN $partnerKinds");
        }
        if (partners.regionId() != null) {
            condition.append(" AND EXISTS { (").append(partner).append(")-[:LOCATED_IN]->")
                    .append(partners.includeSubregions() ? "(:Region)-[:PART_OF*0..]->" : "")
                    .append("(:Region {id: $regionId}) }");
        }
        return condition.toString();
    }

    /**
     * The partner links (see {@link PartnerLinks}) {@code query}'s role and kinds follow, as a relationship
     * pattern from the organisation: the partners of a list without link details are one expansion, by the
     * same rules as {@link #partnershipsOf} (which the links are derived by, at write time).
     */
    static String linkPattern(PartnersQuery query) {
        String types = PartnerLinks.types(query.kinds());
        return switch (query.role()) {
            case SUPPORTER -> "<-[:" + types + "]-";
            case SUPPORTED -> "-[:" + types + "]->";
            case ANY -> "-[:" + types + "]-";
        };
    }

    /** Distinct partner organisations of many organisations at once, each paged, with its total. */
    static String partnerOrganizationsOf(PartnersQuery query) {
        return "UNWIND $ids AS oid\nMATCH (org:Organization {id: oid})\nRETURN oid AS id, "
                + partnerOrganizationsPage("org", query, UnaryOperator.identity(), n -> n) + " AS page";
    }

    Map<String, PartnerOrganization> partnerOrganizationsOf(List<String> ids, PartnersQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("ids", ids);
        Map<String, PartnerOrganization> pages = new HashMap<>();
        graph.readList(partnerOrganizationsOf(query), parameters,
                r -> pages.put(r.get("id").asString(), query.partnerOrganizations(r.get("page"), Organization::from)));
        for (String id : ids) {
            pages.putIfAbsent(id, query.partnerOrganizations(null, Organization::from));
        }
        return pages;
    }

    /** Partnerships of many organisations at once, each paged, with its total counted here. */
    static String partnersOfOrganizations(PartnersQuery query) {
        return "UNWIND $ids AS oid\nMATCH (org:Organization {id: oid})\nRETURN oid AS id, "
                + partnersPage("org", query, UnaryOperator.identity(), (s, t) -> new String[] {s, t}) + " AS page";
    }

    /** One stated partnership by its id (what createPartnership and endPartnership answer with). */
    static final String PARTNERSHIP_BY_ID = """
            MATCH (a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS {id: $id}]->(target)
            OPTIONAL MATCH (owner:Organization)-[:HAS_DEPARTMENT|OFFERS]->(a)
            WITH r, target, CASE WHEN a:Organization THEN a ELSE owner END AS supporter
            OPTIONAL MATCH (through:Entity {id: r.programme})
            RETURN\s""" + PartnershipRow.stated(PartnershipRow.ALL_KEYS, "supporter", "target", null) + " AS partnership\n";

    private final Graph graph;

    PartnershipRepository(Graph graph) {
        this.graph = graph;
    }

    List<Partnership> supportersOf(String id, int limit) {
        return graph.readList(SUPPORTERS_OF, Map.of("id", id, "limit", limit),
                r -> Partnership.from(r.get("partnership")));
    }

    record Gaps(int total, List<SupportGap> gaps) {
    }

    Gaps gaps(Integer year, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("year", year);
        parameters.put("limit", limit);
        return graph.readSingle(SUPPORT_GAPS, parameters, r -> new Gaps(r.get("total").asInt(),
                r.get("gaps").asList(g -> new SupportGap(node(g),
                        g.get("year").isNull() ? null : g.get("year").asInt(),
                        g.get("namedIn").asList(PartnershipRepository::node))))).orElse(new Gaps(0, List.of()));
    }

    private static Node node(Value value) {
        return Nodes.from(value.get("node"), value.get("labels").asList(Value::asString)).orElseThrow();
    }

    Optional<Partnership> byId(String id) {
        return graph.readSingle(PARTNERSHIP_BY_ID, Map.of("id", id), r -> Partnership.from(r.get("partnership")));
    }

    /** One page per organisation id, in one round trip; organisations without partners get an empty page. */
    Map<String, PartnershipConnection> partnersOf(List<String> ids, PartnersQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("ids", ids);
        Map<String, PartnershipConnection> pages = new HashMap<>();
        graph.readList(partnersOfOrganizations(query), parameters,
                r -> pages.put(r.get("id").asString(), query.connection(r.get("page"), Partnership::from)));
        for (String id : ids) {
            pages.putIfAbsent(id, query.connection(null, Partnership::from));
        }
        return pages;
    }

    static List<Partnership> list(Value rows) {
        return rows.asList(Partnership::from);
    }
}
