package org.partnergraph.partnership;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Sizes;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.read.Arguments;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/**
 * Partnerships in the read planner: {@code supportersOf} and {@code Organization.partners}, with the
 * supporter and supported ends projected with whatever the client selected under them, in the same
 * statement. The support rules are the repository's (one text for both paths).
 */
@ApplicationScoped
class PartnershipReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.root("supportersOf", this::supportersOf);
        catalog.field("Organization", "partners", this::partners);
        catalog.field("Organization", "partnerOrganizations", this::partnerOrganizations);
    }

    private Compiled supportersOf(ReadPlan plan, Map<String, Object> arguments, List<SelectedField> selection,
            String column) {
        Integer first = Arguments.integer(arguments, "first");
        int limit = Sizes.within("first", first == null ? PartnershipService.SUPPORTERS_DEFAULT : first,
                PartnershipService.SUPPORTERS_MAX);
        String id = Arguments.string(arguments, "id");
        String p = plan.variable("p");
        String s = plan.variable("s");
        String t = plan.variable("t");
        Ends ends = ends(plan, selection, s, t);
        String body = plan.bind(PartnershipRepository.TARGETS_OF_SUBJECT + PartnershipRepository.supportInto(ends.keys()) + """
                WITH DISTINCT partnership WHERE partnership.supporter IS NOT NULL
                WITH partnership ORDER BY partnership.kind, partnership.supporter.name, partnership.id LIMIT $limit
                """, Map.of("id", id, "limit", limit))
                + "WITH partnership AS " + p + ", partnership.supporter AS " + s + ", partnership.supported AS " + t + "\n"
                + "WITH collect(" + ends.row(p) + ") AS rows\n"
                + "RETURN {found: EXISTS { MATCH (:Entity {id: " + plan.parameter(id) + "}) }, rows: rows} AS " + column;
        return new Compiled(body, value -> {
            if (!value.get("found").asBoolean()) {
                throw new NotFoundException("id: nothing has the id '" + id + "'.");
            }
            return value.get("rows").asList(ends::read);
        });
    }

    private Compiled partners(ReadPlan plan, String organization, SelectedField field) {
        Map<String, Object> arguments = field.getArguments();
        PartnersQuery query = PartnersQuery.of(Arguments.enumValue(arguments, "role", PartnerRole.class),
                Arguments.enumList(arguments, "kind", PartnershipKind.class),
                Arguments.enumValue(arguments, "sort", PartnershipSort.class),
                Arguments.integer(arguments, "first"), Arguments.string(arguments, "after"));
        List<SelectedField> nodes = ReadPlan.connectionNodes(field);
        Ends[] ends = new Ends[1];
        List<String> asked = ReadPlan.children(field).stream().map(SelectedField::getName).toList();
        String page = PartnershipRepository.partnersPage(organization, query, plan::variable, (s, t) -> {
            ends[0] = ends(plan, nodes, s, t);
            return new String[] {ends[0].supporter().expression(), ends[0].supported().expression()};
        }, asked.contains("totalCount"), asked.contains("edges") || asked.contains("pageInfo"), true,
                PartnershipRow.of(nodes));
        return new Compiled(plan.bind(page, query.parameters()), value -> query.connection(value, ends[0]::read));
    }

    private Compiled partnerOrganizations(ReadPlan plan, String organization, SelectedField field) {
        Map<String, Object> arguments = field.getArguments();
        PartnersQuery query = PartnersQuery.forOrganizations(Arguments.enumValue(arguments, "role", PartnerRole.class),
                Arguments.enumList(arguments, "kind", PartnershipKind.class),
                Arguments.enumValue(arguments, "sort", PartnerOrganizationSort.class),
                Arguments.enumList(arguments, "partnerKind", OrganizationKind.class),
                Arguments.string(arguments, "regionId"), Arguments.bool(arguments, "includeSubregions"),
                Arguments.integer(arguments, "first"), Arguments.string(arguments, "after"));
        Compiled[] node = new Compiled[1];
        List<String> asked = ReadPlan.children(field).stream().map(SelectedField::getName).toList();
        List<String> perEdge = ReadPlan.children(field).stream().filter(f -> f.getName().equals("edges"))
                .flatMap(f -> ReadPlan.children(f).stream()).map(SelectedField::getName).toList();
        boolean links = asked.contains("totalCount")
                || perEdge.stream().anyMatch(List.of("kinds", "role", "since", "partnershipIds")::contains);
        boolean cursors = asked.contains("pageInfo") || perEdge.contains("cursor");
        String page = PartnershipRepository.partnerOrganizationsPage(organization, query, plan::variable, n -> {
            node[0] = plan.node("Organization", n, ReadPlan.connectionNodes(field));
            return node[0].expression();
        }, links);
        return new Compiled(plan.bind(page, query.parameters()),
                value -> query.partnerOrganizations(value, v -> (Organization) node[0].reader().apply(v), cursors));
    }

    private static final Compiled NOTHING = new Compiled("null", value -> null);

    /** The two ends of partnerships as the selection under them asks, and how to read a row back. */
    private static Ends ends(ReadPlan plan, List<SelectedField> selection, String supporterVariable,
            String supportedVariable) {
        List<SelectedField> supporter = selection.stream().filter(f -> f.getName().equals("supporter"))
                .flatMap(f -> ReadPlan.children(f).stream()).toList();
        List<SelectedField> supported = selection.stream().filter(f -> f.getName().equals("supported"))
                .flatMap(f -> ReadPlan.children(f).stream()).toList();
        // An end nobody selected is not projected (the record keeps null there; GraphQL never reads it).
        boolean asksSupporter = selection.stream().anyMatch(f -> f.getName().equals("supporter"));
        boolean asksSupported = selection.stream().anyMatch(f -> f.getName().equals("supported"));
        return new Ends(asksSupporter ? plan.node("Organization", supporterVariable, supporter) : NOTHING,
                asksSupported ? plan.node("Node", supportedVariable, supported) : NOTHING, supporterVariable,
                supportedVariable, PartnershipRow.of(selection));
    }

    private record Ends(Compiled supporter, Compiled supported, String supporterVariable, String supportedVariable,
            Set<String> keys) {

        /** The row of a partnership map in {@code p}: the keys selected, its ends projected from the ends' variables. */
        String row(String p) {
            return p + " {" + PartnershipRow.projection(keys) + ", supporter: " + supporter.expression() + ", supported: " + supported.expression() + "}";
        }

        Partnership read(Value row) {
            Function<Value, Organization> organization = v -> (Organization) supporter.reader().apply(v);
            Function<Value, Node> node = v -> (Node) supported.reader().apply(v);
            return Partnership.from(row, organization, node);
        }
    }
}
