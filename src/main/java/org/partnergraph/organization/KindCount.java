package org.partnergraph.organization;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("KindCount")
@Description("How many organisations of one kind.")
public record KindCount(
        @NonNull @Description("The kind.") OrganizationKind kind,
        @NonNull @Description("How many.") int count) {
}
