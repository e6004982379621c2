package org.partnergraph.department;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("DepartmentInput")
@Description("A department (系, 教研室) to add to an organisation.")
public class DepartmentInput {

    @Id
    @Description("The new department's id (lowercase slug); omit for a generated one. An id that exists is refused.")
    public String id;

    @Id
    @NonNull
    @Description("The organisation it belongs to.")
    public String organizationId;

    @NonNull
    @Description("Its name, at most 200 characters, e.g. 土木工程系.")
    public String name;

    @Description("Other names it is known by.")
    public List<@NonNull String> shortNames;

    @Description("English name.")
    public String nameEn;

    @Description("The document that says so (required).")
    public SourceInput source;
}
