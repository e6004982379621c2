package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.change.Change;

@Type("ProgrammePayload")
@Description("The result of upsertProgramme.")
public record ProgrammePayload(
        @NonNull @Description("The change that recorded the write; APPLIED, or PENDING while the graph catches up.") Change change,
        @Description("The programme as the graph has it now; null while the change is PENDING, or when the graph could not be read back just now (the change says whether it is written).") Programme programme) {
}
