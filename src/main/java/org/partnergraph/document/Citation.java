package org.partnergraph.document;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Citation")
@Description("Where a fact comes from: a source document and a short verbatim quote from it.")
public record Citation(
        @Ignore String documentId,
        @NonNull @Description("A short verbatim quote (… marks omissions, such as personal names).") String quote,
        @NonNull @Description("True when the document implies the fact rather than stating it.") boolean implied) {
}
