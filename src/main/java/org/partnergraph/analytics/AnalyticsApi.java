package org.partnergraph.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class AnalyticsApi {

    private final AnalyticsService analytics;

    AnalyticsApi(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @Query("graphStats")
    @NonNull
    @Description("Counts of nodes per label and relationships per type. Role: analyst.")
    public GraphStats graphStats() {
        return analytics.stats();
    }
}
