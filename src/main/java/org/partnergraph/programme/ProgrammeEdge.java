package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProgrammeEdge")
@Description("A programme in a list, with its cursor.")
public record ProgrammeEdge(
        @NonNull @Description("Opaque cursor of this programme: pass it as `after` to get the programmes that "
                + "follow it in the same sort.") String cursor,
        @NonNull @Description("The programme.") Programme node) {
}
