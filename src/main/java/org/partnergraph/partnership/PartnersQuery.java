package org.partnergraph.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.organization.Organization;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.partnership.PartnershipConnection.PartnershipEdge;

/**
 * A validated {@code partners(role, kind, sort, first, after)} or {@code partnerOrganizations(…)}: the same for
 * the resolver and for the read planner, so both ask Neo4j the same question and page the same way.
 */
record PartnersQuery(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, PageRequest page,
        Partners partners) {

    /** An edge's cursor where the selection asks for none (so it is never sent). */
    private static final String NO_CURSOR = "";

    /**
     * Which partner organisations {@code partnerOrganizations} keeps: of these kinds (null: all), located in
     * this region (null: anywhere), or in its sub-regions too.
     */
    record Partners(List<OrganizationKind> kinds, String regionId, boolean includeSubregions) {

        static final Partners ALL = new Partners(null, null, true);

        boolean filters() {
            return kinds != null || regionId != null;
        }
    }

    static PartnersQuery of(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, Integer first,
            String after) {
        return of(role, kinds, sort, first, after, Partners.ALL);
    }

    private static PartnersQuery of(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort,
            Integer first, String after, Partners partners) {
        PartnershipSort order = sort == null ? PartnershipSort.ID : sort;
        if (kinds != null && kinds.contains(null)) {
            throw new BadUserInputException("kind: a list of partnership kinds, without null.");
        }
        return new PartnersQuery(role == null ? PartnerRole.ANY : role,
                kinds == null || kinds.isEmpty() ? null : List.copyOf(kinds), order,
                PageRequest.of(first, after, order.name()), partners);
    }

    /** For the distinct partner organisations: sorted by name (default) or by since, and filtered by partner. */
    static PartnersQuery forOrganizations(PartnerRole role, List<PartnershipKind> kinds, PartnerOrganizationSort sort,
            List<OrganizationKind> partnerKinds, String regionId, Boolean includeSubregions, Integer first,
            String after) {
        if (partnerKinds != null && partnerKinds.contains(null)) {
            throw new BadUserInputException("partnerKind: a list of organisation kinds, without null.");
        }
        if (regionId != null && regionId.isBlank()) {
            throw new BadUserInputException("regionId: the id of a region, e.g. chuxiong; omit it for every region.");
        }
        Partners partners = new Partners(partnerKinds == null || partnerKinds.isEmpty() ? null : List.copyOf(partnerKinds),
                regionId, includeSubregions == null || includeSubregions);
        return of(role, kinds, (sort == null ? PartnerOrganizationSort.NAME : sort).paging, first, after, partners);
    }

    /** Whether the distinct partners are sorted by their since, which needs every link (not only the partners). */
    boolean bySince() {
        return sort == PartnershipSort.SINCE || sort == PartnershipSort.SINCE_DESC;
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
        if (partners.filters()) {
            parameters.put("partnerKinds", partners.kinds() == null ? null
                    : partners.kinds().stream().map(Enum::name).toList());
            parameters.put("regionId", partners.regionId());
        }
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
        return partnerOrganizations(value, node, true);
    }

    /**
     * As above; without {@code cursors} (the selection asks for no cursor and no page info) the edges carry none:
     * encoding one per partner was a visible part of reading partners of partners.
     */
    PartnerOrganization partnerOrganizations(Value value, Function<Value, Organization> node, boolean cursors) {
        if (value != null && !value.isNull() && !value.get("regionFound").asBoolean(true)) {
            throw new NotFoundException("regionId: no region has the id '" + partners.regionId() + "'.");
        }
        if (value == null || value.isNull()) {
            return new PartnerOrganization(List.of(), new Page<>(List.<PartnerOrganization.Edge>of(), 0, page)
                    .pageInfo(PartnerOrganization.Edge::cursor), 0);
        }
        Map<String, List<Value>> links = new java.util.LinkedHashMap<>();
        value.get("links").asList(v -> v).forEach(link ->
                links.computeIfAbsent(link.get("partner").asString(), id -> new java.util.ArrayList<>()).add(link));
        List<PartnerOrganization.Edge> rows = value.get("rows").asList(r -> edge(node.apply(r), links, cursors));
        Page<PartnerOrganization.Edge> edges = new Page<>(rows, links.size(), page);
        return new PartnerOrganization(edges.items(), edges.pageInfo(PartnerOrganization.Edge::cursor), edges.totalCount());
    }

    /**
     * One distinct partner with what its links say. The statement fetches no links where the selection shows none
     * of their details (then every partner has none, and the per-partner work is skipped).
     */
    private PartnerOrganization.Edge edge(Organization partner, Map<String, List<Value>> links, boolean cursors) {
        List<Value> mine = links.get(partner.id());
        if (mine == null) {
            return new PartnerOrganization.Edge(cursors ? cursor(partner, null) : NO_CURSOR, partner, List.of(),
                    PartnerRole.ANY, null, List.of());
        }
        java.util.Set<String> roles = new java.util.TreeSet<>();
        mine.forEach(l -> roles.add(l.get("role").asString()));
        String since = mine.stream().map(l -> l.get("since").asString(null)).filter(java.util.Objects::nonNull)
                .sorted().findFirst().orElse(null);
        return new PartnerOrganization.Edge(cursors ? cursor(partner, since) : NO_CURSOR, partner,
                mine.stream().map(l -> PartnershipKind.valueOf(l.get("kind").asString())).distinct().sorted().toList(),
                roles.size() == 1 ? PartnerRole.valueOf(roles.iterator().next()) : PartnerRole.ANY, since,
                mine.stream().map(l -> l.get("id").asString()).sorted().toList());
    }

    private String cursor(Organization partner, String since) {
        return Cursor.of(sort.name(), partnerKey(partner, since), partner.id()).encode();
    }

    /**
     * The key a distinct partner was sorted by (its cursor carries it): the name, or its earliest since, where
     * no date sorts last both ways (as {@link PartnershipRepository#partnerOrganizationsPage} writes it).
     */
    private String partnerKey(Organization partner, String since) {
        return switch (sort) {
            case SINCE -> since == null ? PartnershipRepository.UNDATED_LAST : since;
            case SINCE_DESC -> since == null ? "" : since;
            default -> partner.name();
        };
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
