package org.partnergraph.timeline;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TimelineService {

    private final TimelineRepository repository;

    TimelineService(TimelineRepository repository) {
        this.repository = repository;
    }

    TimelineConnection timeline(TimelineFilter filter, Integer first, String after) {
        return TimelineConnection.of(repository.page(TimelineQuery.of(filter, first, after)));
    }
}
