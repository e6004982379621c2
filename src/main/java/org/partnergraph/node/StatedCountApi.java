package org.partnergraph.node;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.statedcount.StatedCountService;

/** The fields of StatedCount; every field resolves for all counts of a level at once. */
@GraphQLApi
@CodedErrors
public class StatedCountApi {

    private final StatedCountService counts;

    StatedCountApi(StatedCountService counts) {
        this.counts = counts;
    }

    @NonNull
    @Description("What the count is about (COUNTS): e.g. the agreement whose parties are counted, or the "
            + "organisation whose members are.")
    public List<@NonNull Node> subject(@Source List<StatedCount> batch) {
        return counts.subject(batch);
    }

    @NonNull
    @Description("The members the document names (NAMES), by id; often fewer than count.")
    public List<@NonNull List<@NonNull Node>> named(@Source List<StatedCount> batch) {
        return counts.named(batch);
    }

    @NonNull
    @Description("How many members the document names; never more than count. count - namedCount are unnamed.")
    public List<@NonNull Integer> namedCount(@Source List<StatedCount> batch) {
        return counts.namedCount(batch);
    }

    @NonNull
    @Description("The documents that state this count, in the order they are cited.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<StatedCount> batch) {
        return counts.sources(batch);
    }

    @NonNull
    @Description("Each statement of this count: the document and its verbatim quote.")
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<StatedCount> batch) {
        return counts.citations(batch);
    }
}
