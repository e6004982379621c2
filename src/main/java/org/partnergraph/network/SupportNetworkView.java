package org.partnergraph.network;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SupportNetwork")
@Description("The support network between organisations (who supports whom: pairings, support, co-building and "
        + "programmes from outside the province, a department's links counting for its organisation) and each "
        + "member's place in it. Computed when the graph has moved in the change log, kept until it moves again.")
public record SupportNetworkView(
        @NonNull @Description("The change-log position of the graph it was computed on.") long asOfChange,
        @NonNull @Description("Organisations with at least one link.") int organizations,
        @NonNull @Description("Distinct supporter → supported links.") int links,
        @NonNull @Description("Communities found (label propagation, seeded: the same network gives the same ones).")
        int communities,
        @NonNull @Description("The first members by the measure asked for, largest first, then id.")
        List<@NonNull NetworkPosition> ranking) {
}
