package org.partnergraph.dataset;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class DatasetApi {

    private final DatasetService datasets;

    DatasetApi(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Mutation("importDataset")
    @NonNull
    @Description("Imports a dataset bundle (the format of src/main/resources/dataset/README.md) as one change: the whole "
            + "bundle is validated first and every problem is listed in one BAD_USER_INPUT error; nothing is written "
            + "unless all of it is valid. The same bundle sent again changes nothing (unchanged: true). Role editor.")
    public ImportReport importDataset(
            @NonNull @Description("The bundle, as JSON text.") String bundle,
            @DefaultValue("false") @Description("Validate only; write nothing.") Boolean dryRun,
            @Description("Makes a retried request safe: the same key with the same bundle answers the first import's "
                    + "change; omit to use the bundle's id and content as the key.") String idempotencyKey) {
        // A wrapper: an explicit null (allowed, the argument is nullable) means the default, not a failed call.
        return datasets.importDataset(bundle, Boolean.TRUE.equals(dryRun), idempotencyKey);
    }
}
