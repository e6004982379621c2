package org.partnergraph.document;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of document a source is.")
public enum DocumentKind {
    @Description("A notice or circular issued by an authority (通知).")
    NOTICE,
    @Description("An official reply, e.g. to a proposal (答复).")
    REPLY,
    @Description("A news article or report.")
    NEWS,
    @Description("An agreement, memorandum or plan.")
    AGREEMENT,
    @Description("Anything else.")
    OTHER
}
