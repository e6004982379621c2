package org.partnergraph.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("OrganizationInput")
@Description("An organisation to create or update. Fields left out keep their current value on an update.")
public class OrganizationInput {

    @Id
    @Description("The organisation to update, or the id for a new one (lowercase slug, e.g. kashgar-polytechnic); "
            + "omit to create one with a generated id.")
    public String id;

    @Description("Official Chinese name, at most 200 characters. Required for a new organisation.")
    public String name;

    @Description("What sort of body it is. Required for a new organisation.")
    public OrganizationKind kind;

    @Description("简称 and other names it is known by; replaces the current list when given.")
    public List<@NonNull String> shortNames;

    @Description("English name.")
    public String nameEn;

    @Id
    @Description("The region it is located in (a Region id, e.g. yunnan-chuxiong).")
    public String regionId;

    @Id
    @Description("The organisation it belongs to (e.g. a district bureau's commission).")
    public String parentId;

    @Description("The document that says so. Required for a new organisation; added to the sources on an update.")
    public SourceInput source;
}
