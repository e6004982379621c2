package org.partnergraph.change;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("SourceInput")
@Description("The document a write rests on, with a short verbatim quote from it (no personal names or phone numbers). "
        + "New facts need one; updates may add one to the sources a fact already has.")
public class SourceInput {

    @Id
    @NonNull
    @Description("A source document's id (see the documents query), e.g. doc-2023-chu-jiaofu-31.")
    public String documentId;

    @NonNull
    @Description("A short verbatim quote (at most 200 characters) that says so.")
    public String quote;

    @Description("True when the document implies the fact rather than stating it. Default false.")
    public Boolean implied;
}
