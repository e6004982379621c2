package org.partnergraph.organization;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class OrganizationApi {

    private final OrganizationService organizations;

    OrganizationApi(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Query("organization")
    @Description("One organisation by id; null when no organisation has that id.")
    public Organization organization(@Id @NonNull @Description("The organisation's id.") String id) {
        return organizations.byId(id).orElse(null);
    }
}
