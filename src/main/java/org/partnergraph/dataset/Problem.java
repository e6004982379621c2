package org.partnergraph.dataset;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ImportProblem")
@Description("One reason a bundle was rejected: where (section and row), which field, and why.")
public record Problem(
        @NonNull @Description("Section and row, e.g. relationships[12] (rel-foo).") String row,
        @NonNull @Description("The field at fault, e.g. to.") String field,
        @NonNull @Description("Why it is rejected, e.g. unknown reference 'x'.") String reason) {

    @Override
    public String toString() {
        return row + " " + field + ": " + reason;
    }
}
