package org.partnergraph.partnership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.partnership.PartnershipConnection.PartnershipEdge;

/**
 * A validated {@code partners(role, kind, sort, first, after)}: the same for the resolver and for the
 * read planner, so both ask Neo4j the same question and page the same way.
 */
record PartnersQuery(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, PageRequest page) {

    static PartnersQuery of(PartnerRole role, List<PartnershipKind> kinds, PartnershipSort sort, Integer first,
            String after) {
        PartnershipSort order = sort == null ? PartnershipSort.ID : sort;
        return new PartnersQuery(role == null ? PartnerRole.ANY : role,
                kinds == null || kinds.isEmpty() ? null : List.copyOf(kinds), order,
                PageRequest.of(first, after, order.name()));
    }

    /** $role, $kinds, $afterKey, $afterId and $limit of {@link PartnershipRepository#partnersPage}. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>(page.parameters());
        parameters.put("role", role.name());
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
