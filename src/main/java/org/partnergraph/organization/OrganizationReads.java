package org.partnergraph.organization;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.graph.CypherText;
import org.partnergraph.read.Arguments;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/**
 * Organisations in the read planner: {@code organization(id)}, {@code organizations(filter)} anchored on
 * the group or region it names, and the child fields that walk one fixed pattern from an organisation.
 */
@ApplicationScoped
class OrganizationReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.shape("Organization", "Organization", List.of("id", "name", "shortNames", "nameEn", "kind", "facts"),
                List.of("id", "name", "kind"), Organization::from);
        catalog.root("organization", (plan, arguments, selection, column) -> plan.byId("Organization", "Organization",
                Arguments.string(arguments, "id"), selection, column));
        catalog.root("organizations", this::organizations);
        catalog.field("Organization", "region", (plan, o, field) -> plan.one(field, "Region",
                "MATCH (" + o + ")-[:LOCATED_IN]->(%s:Region)"));
        catalog.field("Organization", "parent", (plan, o, field) -> plan.one(field, "Organization",
                "MATCH (" + o + ")-[:PART_OF]->(%s:Organization)"));
        catalog.field("Organization", "subunits", (plan, o, field) -> plan.sortedByName(field, "Organization",
                "MATCH (" + o + ")<-[:PART_OF]-(%s:Organization)"));
        catalog.field("Organization", "memberOf", (plan, o, field) -> plan.sortedByName(field, "Organization",
                "MATCH (" + o + ")-[:MEMBER_OF]->(%s:Organization)"));
        catalog.field("Organization", "secretariatOf", (plan, o, field) -> plan.sortedByName(field, "Organization",
                "MATCH (" + o + ")-[:SECRETARIAT_OF]->(%s:Organization)"));
        catalog.field("Organization", "departments", (plan, o, field) -> plan.sortedByName(field, "Department",
                "MATCH (" + o + ")-[:HAS_DEPARTMENT]->(%s:Department)"));
        catalog.field("Organization", "members", this::members);
    }


    /**
     * The filter anchored on what is indexed: the name index's hits when text is given, else the group's
     * members when memberOfId is given, else the organisations located in the region (and its sub-regions),
     * else every organisation (by kind when asked). The other conditions then test each candidate; count and page are both answered here.
     */
    private Compiled organizations(ReadPlan plan, Map<String, Object> arguments, List<SelectedField> selection,
            String column) {
        OrganizationFilter filter = Arguments.map(arguments, "filter", OrganizationReads::filter);
        OrganizationSort sort = Arguments.enumValue(arguments, "sort", OrganizationSort.class);
        OrganizationSort order = sort == null ? OrganizationSort.NAME : sort;
        PageRequest page = PageRequest.of(Arguments.integer(arguments, "first"), Arguments.string(arguments, "after"),
                order.name());
        Map<String, Object> parameters = new java.util.HashMap<>(OrganizationService.filterParameters(filter));
        parameters.putAll(page.parameters());
        // Each root field is its own CALL () { … }, so these names meet no other root's; nested fields use fresh ones.
        String o = "o";
        List<String> conditions = new java.util.ArrayList<>();
        String anchor;
        boolean inSubregions = Boolean.TRUE.equals(parameters.get("includeSubregions"));
        String inRegion = inSubregions ? OrganizationRepository.IN_REGION_OR_BELOW : OrganizationRepository.IN_REGION;
        if (parameters.get("text") != null) {
            // The name index gives the fewest candidates; the other anchors become conditions on them.
            anchor = OrganizationRepository.TEXT_ANCHOR;
            conditions.add("o:Organization");
            if (parameters.get("memberOfId") != null) {
                conditions.add("EXISTS { (o)-[:MEMBER_OF]->(group) }");
            }
            if (parameters.get("regionId") != null) {
                conditions.add(inRegion);
            }
            conditions.add(OrganizationRepository.TEXT_CONDITION);
        } else if (parameters.get("memberOfId") != null) {
            anchor = "MATCH (group)<-[:MEMBER_OF]-(o:Organization)";
            if (parameters.get("regionId") != null) {
                conditions.add(inRegion);
            }
        } else if (parameters.get("regionId") != null) {
            anchor = inSubregions ? "MATCH (root)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(o:Organization)"
                    : "MATCH (root)<-[:LOCATED_IN]-(o:Organization)";
        } else {
            anchor = "MATCH (o:Organization)";
        }
        if (parameters.get("kinds") != null) {
            conditions.add("o.kind IN $kinds");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String keyset = order == OrganizationSort.NAME
                ? "($afterKey IS NULL OR o.name > $afterKey OR (o.name = $afterKey AND o.id > $afterId))"
                : "($afterId IS NULL OR o.id > $afterId)";
        String orderBy = order == OrganizationSort.NAME ? "o.name, o.id" : "o.id";
        Compiled node = plan.node("Organization", o, ReadPlan.connectionNodes(selection));
        // An anchor that names nothing answers NOT_FOUND; its branch never matches from a null node.
        // Count and page only what the selection reads: the count walks every match again, as much work as the
        // page itself (a list of 20 without totalCount paid for both).
        List<String> asked = selection.stream().map(SelectedField::getName).toList();
        String total = asked.contains("totalCount") ? CypherText.fill("COUNT { %s%s RETURN DISTINCT o }", anchor, where) : "0";
        String listed = asked.contains("edges") || asked.contains("pageInfo") ? CypherText.fill("""
                COLLECT { %s%s WITH DISTINCT o WHERE %s
                                      WITH o ORDER BY %s LIMIT $limit RETURN %s }""", anchor, where, keyset, orderBy,
                node.expression()) : "[]";
        String body = plan.bind(OrganizationRepository.FILTER_ANCHORS + CypherText.fill("""
                WITH root, group, ($regionId IS NOT NULL AND root IS NULL) OR ($memberOfId IS NOT NULL AND group IS NULL) AS missing
                RETURN CASE WHEN missing THEN {regionFound: root IS NOT NULL, groupFound: group IS NOT NULL, total: 0, rows: []}
                ELSE {regionFound: true, groupFound: true, total: %s, rows: %s}
                END AS %s""", total, listed, column), parameters);
        return new Compiled(body, value -> {
            if (parameters.get("regionId") != null && !value.get("regionFound").asBoolean()) {
                throw new NotFoundException("filter.regionId: no region has the id '" + parameters.get("regionId") + "'.");
            }
            if (parameters.get("memberOfId") != null && !value.get("groupFound").asBoolean()) {
                throw new NotFoundException("filter.memberOfId: no organisation has the id '"
                        + parameters.get("memberOfId") + "'.");
            }
            List<Organization> rows = value.get("rows").asList(r -> (Organization) node.reader().apply(r));
            return OrganizationConnection.of(new Page<>(rows, value.get("total").asInt(), page), order);
        });
    }

    private Compiled members(ReadPlan plan, String g, SelectedField field) {
        PageRequest page = PageRequest.of(Arguments.integer(field.getArguments(), "first"),
                Arguments.string(field.getArguments(), "after"), OrganizationSort.NAME.name());
        String m = plan.variable("m");
        Compiled node = plan.node("Organization", m, ReadPlan.connectionNodes(field));
        String expression = plan.bind("{total: COUNT { MATCH (" + g + ")<-[:MEMBER_OF]-(" + m + ":Organization) RETURN DISTINCT "
                + m + " }, rows: COLLECT { MATCH (" + g + ")<-[:MEMBER_OF]-(" + m + ":Organization) WITH DISTINCT " + m
                + " WHERE $afterKey IS NULL OR " + m + ".name > $afterKey OR (" + m + ".name = $afterKey AND " + m
                + ".id > $afterId) WITH " + m + " ORDER BY " + m + ".name, " + m + ".id LIMIT $limit RETURN "
                + node.expression() + " }}", page.parameters());
        return new Compiled(expression, value -> OrganizationConnection.of(new Page<>(
                value.get("rows").asList(r -> (Organization) node.reader().apply(r)), value.get("total").asInt(), page),
                OrganizationSort.NAME));
    }

    private static OrganizationFilter filter(Map<String, Object> value) {
        return new OrganizationFilter(Arguments.enumList(value, "kind", OrganizationKind.class),
                Arguments.string(value, "regionId"), Arguments.bool(value, "includeSubregions"),
                Arguments.string(value, "memberOfId"), Arguments.string(value, "text"));
    }
}
