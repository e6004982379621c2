package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("PartnershipSort")
@Description("Order of an organisation's partnerships.")
public enum PartnershipSort {
    @Description("By partnership id (stable; the default).")
    ID,
    @Description("Newest first by since; those without a date last.")
    SINCE_DESC,
    @Description("Oldest first by since; those without a date last.")
    SINCE,
    @Description("By the partner's name (the other end of the partnership), then id.")
    PARTNER_NAME
}
