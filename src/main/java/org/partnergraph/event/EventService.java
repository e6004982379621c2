package org.partnergraph.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;

@ApplicationScoped
class EventService {

    private final EventRepository events;
    private final DocumentService documents;

    EventService(EventRepository events, DocumentService documents) {
        this.events = events;
        this.documents = documents;
    }

    List<Region> region(List<Event> batch) {
        return events.regions(ids(batch));
    }

    List<List<Organization>> organisers(List<Event> batch) {
        return events.organisers(ids(batch));
    }

    List<List<Participation>> participations(List<Event> batch) {
        return events.participations(ids(batch));
    }

    List<List<Organization>> hosts(List<Event> batch) {
        return events.hosts(ids(batch));
    }

    List<List<Node>> targets(List<Event> batch) {
        return events.targets(ids(batch));
    }

    List<Programme> programme(List<Event> batch) {
        return events.programmes(ids(batch));
    }

    List<List<Document>> sources(List<Event> batch) {
        return documents.sourcesOf(batch);
    }

    List<List<Citation>> citations(List<Event> batch) {
        return batch.stream().map(e -> e.provenance().citations()).toList();
    }

    private static List<String> ids(List<Event> batch) {
        return batch.stream().map(Event::id).toList();
    }
}
