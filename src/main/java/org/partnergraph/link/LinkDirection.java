package org.partnergraph.link;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LinkDirection")
@Description("Which way a relationship points, seen from the node whose links are read.")
public enum LinkDirection {
    @Description("The node is the relationship's start (e.g. an organisation's MEMBER_OF its alliance).")
    OUT,
    @Description("The node is the relationship's end (e.g. an alliance's members' MEMBER_OF).")
    IN,
    @Description("Either way (as an argument only: a link itself is OUT or IN).")
    BOTH
}
