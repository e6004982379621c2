package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("PartnerOrganizationSort")
@Description("Order of an organisation's distinct partner organisations. A partner's since is the earliest since "
        + "of the links that are listed (after the kind filter).")
public enum PartnerOrganizationSort {
    @Description("By the partner's name, then id (the default).")
    NAME(PartnershipSort.PARTNER_NAME),
    @Description("Oldest link first, by the partner's since; partners whose links have no date last; then id.")
    SINCE(PartnershipSort.SINCE),
    @Description("Newest first, by the partner's since; partners whose links have no date last; then id.")
    SINCE_DESC(PartnershipSort.SINCE_DESC);

    /** The partnership order it pages like: cursors carry that name, so NAME cursors made before stay valid. */
    final PartnershipSort paging;

    PartnerOrganizationSort(PartnershipSort paging) {
        this.paging = paging;
    }
}
