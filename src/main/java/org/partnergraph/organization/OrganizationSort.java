package org.partnergraph.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("Order of an organisation list.")
public enum OrganizationSort {
    @Description("By official name (Unicode order), then id.")
    NAME,
    @Description("By id.")
    ID
}
