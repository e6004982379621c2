package org.partnergraph.event;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;

/** The fields of Event; every field resolves for all events of a level at once. */
@GraphQLApi
@CodedErrors
public class EventApi {

    private final EventService events;

    EventApi(EventService events) {
        this.events = events;
    }

    @Description("Where it took place (LOCATED_IN); null when the document does not say.")
    public List<Region> region(@Source List<Event> batch) {
        return events.region(batch);
    }

    @NonNull
    @Description("Organisations that organised or carried it out (RUNS), by id.")
    public List<@NonNull List<@NonNull Organization>> organisers(@Source List<Event> batch) {
        return events.organisers(batch);
    }

    @NonNull
    @Description("Who took part and in which role (PARTICIPATED_IN), by organisation id, then role.")
    public List<@NonNull List<@NonNull Participation>> participations(@Source List<Event> batch) {
        return events.participations(batch);
    }

    @NonNull
    @Description("Organisations that hosted it, e.g. a museum or an enterprise receiving a visit (HOSTS), by id.")
    public List<@NonNull List<@NonNull Organization>> hosts(@Source List<Event> batch) {
        return events.hosts(batch);
    }

    @NonNull
    @Description("Whom it was for (TARGETS): regions, organisations or departments, by id.")
    public List<@NonNull List<@NonNull Node>> targets(@Source List<Event> batch) {
        return events.targets(batch);
    }

    @Description("The programme it belongs to (PART_OF); null when it stands alone.")
    public List<Programme> programme(@Source List<Event> batch) {
        return events.programme(batch);
    }

    @NonNull
    @Description("The documents that report this event, in the order they are cited.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Event> batch) {
        return events.sources(batch);
    }

    @NonNull
    @Description("Each statement of this event: the document and its verbatim quote.")
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Event> batch) {
        return events.citations(batch);
    }
}
