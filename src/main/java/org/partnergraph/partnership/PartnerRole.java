package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;

@Description("The role the partner plays towards the organisation whose partners are listed.")
public enum PartnerRole {
    @Description("Partners that support this organisation (or one of its departments).")
    SUPPORTER,
    @Description("Partners that this organisation supports.")
    SUPPORTED,
    @Description("Both.")
    ANY
}
