package org.partnergraph.network;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class NetworkApi {

    private final NetworkService network;

    NetworkApi(NetworkService network) {
        this.network = network;
    }

    @Query("supportNetwork")
    @NonNull
    @Description("Who holds the support network together: each organisation's partners, whom it supports and who "
            + "supports it, its betweenness and its community, ranked. Role analyst. LIMIT_EXCEEDED when the "
            + "network has more links than the deployment analyses.")
    public SupportNetworkView supportNetwork(
            @DefaultValue("BETWEENNESS") @Description("The measure to rank by.") NetworkSort sort,
            @DefaultValue("20") @Description("How many of the ranking: 1 to 1000.") int first) {
        return network.network(sort, first);
    }
}
