package org.partnergraph.link;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.node.Node;

@ApplicationScoped
class LinkService {

    private final LinkRepository repository;

    LinkService(LinkRepository repository) {
        this.repository = repository;
    }

    /** Each node's page of links, for a whole batch of nodes in one statement. */
    List<LinkConnection> linksOf(List<? extends Node> nodes, List<String> types, LinkDirection direction, Integer first,
            String after) {
        LinkQuery query = LinkQuery.of(types, direction, first, after);
        List<String> ids = nodes.stream().map(Node::id).toList();
        Map<String, LinkConnection> pages = repository.linksOf(ids, query);
        return ids.stream().map(id -> pages.containsKey(id) ? pages.get(id) : query.empty()).toList();
    }
}
