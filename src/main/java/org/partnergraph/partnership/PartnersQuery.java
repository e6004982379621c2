package org.partnergraph.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.organization.Organization;
import org.partnergraph.partnership.PartnershipConnection.PartnershipEdge;

/**
 * A validated {@code partners(role, kind, sort, first, after)}: the same for the resolver and for the
 * read planner, so both ask Neo4j the same question and page the same way.
 */
record PartnersQuery(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, PageRequest page) {

    static PartnersQuery of(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, Integer first,
            String after) {
        PartnershipSort order = sort == null ? PartnershipSort.ID : sort;
        if (kinds != null && kinds.contains(null)) {
            throw new BadUserInputException("kind: a list of partnership kinds, without null.");
        }
        return new PartnersQuery(role == null ? PartnerRole.ANY : role,
                kinds == null || kinds.isEmpty() ? null : List.copyOf(kinds), order,
                PageRequest.of(first, after, order.name()));
    }

    /** For the distinct partner organisations, which always page by the partner's name. */
    static PartnersQuery forOrganizations(PartnerRole role, List<PartnershipKind> kinds, Integer first, String after) {
        return of(role, kinds, PartnershipSort.PARTNER_NAME, first, after);
    }

    /** Whether programme support can be among the answers (no kinds given, or PROGRAMME among them). */
    boolean asksProgrammes() {
        return kinds == null || kinds.contains(PartnershipKind.PROGRAMME);
    }

    /** Whether stated support (pairings, support, co-building) can be among the answers. */
    boolean asksStated() {
        return kinds == null || kinds.stream().anyMatch(k -> k != PartnershipKind.PROGRAMME);
    }

    /** $kinds, $afterKey, $afterId and $limit of {@link PartnershipRepository#partnersPage}. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("kinds", kinds == null ? null : kinds.stream().map(Enum::name).toList());
        return parameters;
    }

    /** The connection from the page's {@code {total, rows}} (null: empty), each row mapped by {@code row}. */
    PartnershipConnection connection(Value value, Function<Value, Partnership> row) {
        if (value == null || value.isNull()) {
            return PartnershipConnection.of(new Page<>(List.<Keyed>of(), 0, page), sort.name());
        }
        List<Keyed> rows = value.get("rows").asList(r -> new Keyed(row.apply(r), r.get("key").asString("")));
        return PartnershipConnection.of(new Page<>(rows, value.get("total").asInt(), page), sort.name());
    }

    /** The distinct partners' page from its {@code {total, rows}} (null: empty), each node mapped by {@code node}. */
    PartnerOrganization partnerOrganizations(Value value, Function<Value, Organization> node) {
        if (value == null || value.isNull()) {
            return new PartnerOrganization(List.of(), new Page<>(List.<PartnerOrganization.Edge>of(), 0, page)
                    .pageInfo(PartnerOrganization.Edge::cursor), 0);
        }
        Map<String, List<Value>> links = new java.util.LinkedHashMap<>();
        value.get("links").asList(v -> v).forEach(link ->
                links.computeIfAbsent(link.get("partner").asString(), id -> new java.util.ArrayList<>()).add(link));
        List<PartnerOrganization.Edge> rows = value.get("rows").asList(r -> {
            Organization partner = node.apply(r);
            List<Value> mine = links.getOrDefault(partner.id(), List.of());
            java.util.Set<String> roles = new java.util.TreeSet<>();
            mine.forEach(l -> roles.add(l.get("role").asString()));
            return new PartnerOrganization.Edge(Cursor.of(sort.name(), partner.name(), partner.id()).encode(), partner,
                    mine.stream().map(l -> PartnershipKind.valueOf(l.get("kind").asString())).distinct().sorted().toList(),
                    roles.size() == 1 ? PartnerRole.valueOf(roles.iterator().next()) : PartnerRole.ANY,
                    mine.stream().map(l -> l.get("since").asString(null)).filter(java.util.Objects::nonNull).sorted()
                            .findFirst().orElse(null),
                    mine.stream().map(l -> l.get("id").asString()).sorted().toList());
        });
        Page<PartnerOrganization.Edge> edges = new Page<>(rows, links.size(), page);
        return new PartnerOrganization(edges.items(), edges.pageInfo(PartnerOrganization.Edge::cursor), edges.totalCount());
    }

    /** A partnership with the key it was sorted by, which its cursor carries. */
    record Keyed(Partnership partnership, String key) {

        PartnershipEdge edge(String sort) {
            return new PartnershipEdge(cursor(sort), partnership);
        }

        String cursor(String sort) {
            return Cursor.of(sort, key, partnership.id()).encode();
        }
    }
}
