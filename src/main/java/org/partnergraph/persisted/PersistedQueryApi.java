package org.partnergraph.persisted;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class PersistedQueryApi {

    private final PersistedQueries persistedQueries;

    PersistedQueryApi(PersistedQueries persistedQueries) {
        this.persistedQueries = persistedQueries;
    }

    @Mutation("registerPersistedQueries")
    @NonNull
    @Description("Registers GraphQL documents as trusted persisted queries: the only ones a deployment in "
            + "trusted-only mode (PARTNERGRAPH_PERSISTED_QUERIES=trusted-only) runs, sent as text or as "
            + "extensions.persistedQuery.sha256Hash. Answers each document's hash (lower-case hex SHA-256 of its "
            + "UTF-8 text), in order. Every document must pass the request limits and hold one operation; at most 100 "
            + "documents per call, registered all or none. Role admin.")
    public List<@NonNull String> registerPersistedQueries(
            @NonNull @Description("The documents, exactly as clients send them (the hash is of this text).")
            List<@NonNull String> documents) {
        return persistedQueries.registerTrusted(documents);
    }
}
