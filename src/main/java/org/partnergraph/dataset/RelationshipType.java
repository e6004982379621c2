package org.partnergraph.dataset;

import java.util.Set;

/**
 * The relationships a bundle may state, with the labels each may connect. Structural links
 * (LOCATED_IN, PART_OF of regions, HAS_DEPARTMENT …) are not listed: they come from fields.
 */
enum RelationshipType {
    MEMBER_OF(Set.of("Organization"), Set.of("Organization")),
    SECRETARIAT_OF(Set.of("Organization"), Set.of("Organization")),
    PAIRED_WITH(Set.of("Organization"), Set.of("Organization")),
    SUPPORTS(Set.of("Organization"), Set.of("Department", "Organization", "Region")),
    CO_BUILDS(Set.of("Organization", "Department", "Major"), Set.of("Organization", "Department", "Major")),
    PARTY_TO(Set.of("Organization"), Set.of("Agreement")),
    HOSTS(Set.of("Organization"), Set.of("Programme", "Event")),
    RUNS(Set.of("Organization"), Set.of("Programme", "Event")),
    RESPONSIBLE_FOR(Set.of("Organization"), Set.of("Programme")),
    TARGETS(Set.of("Programme", "Agreement", "Event"), Set.of("Region", "Organization", "Department")),
    PARTICIPATED_IN(Set.of("Organization"), Set.of("Event", "Programme")),
    PART_OF(Set.of("Event", "Agreement", "Programme"), Set.of("Programme", "Agreement", "Event"));

    private final Set<String> fromLabels;
    private final Set<String> toLabels;

    RelationshipType(Set<String> fromLabels, Set<String> toLabels) {
        this.fromLabels = fromLabels;
        this.toLabels = toLabels;
    }

    Set<String> fromLabels() {
        return fromLabels;
    }

    Set<String> toLabels() {
        return toLabels;
    }
}
