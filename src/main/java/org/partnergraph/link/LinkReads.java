package org.partnergraph.link;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.read.Arguments;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/**
 * Links in the read planner: {@code links} of every node type, the other ends projected with whatever the client
 * selected under them, in the request's one statement. The question and its paging are the repository's (one
 * text for both paths); a node read without a shape (a programme, an agreement …) keeps the resolver.
 */
@ApplicationScoped
class LinkReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        // Node types are named as their labels.
        Nodes.LABELS.forEach(type -> catalog.field(type, "links", this::links));
    }

    private Compiled links(ReadPlan plan, String n, SelectedField field) {
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) field.getArguments().get("type");
        LinkQuery query = LinkQuery.of(types,
                Arguments.enumValue(field.getArguments(), "direction", LinkDirection.class),
                Arguments.integer(field.getArguments(), "first"), Arguments.string(field.getArguments(), "after"));
        String m = plan.variable("m");
        List<SelectedField> other = ReadPlan.connectionNodes(field).stream().filter(f -> f.getName().equals("node"))
                .flatMap(f -> ReadPlan.children(f).stream()).toList();
        Compiled node = plan.node("Node", m, other);
        String page = LinkRepository.page(n, plan.variable("r"), m, plan.variable("name"), query.direction(),
                node.expression());
        return new Compiled(plan.bind(page, query.parameters()),
                value -> query.connection(value, v -> (Node) node.reader().apply(v)));
    }
}
