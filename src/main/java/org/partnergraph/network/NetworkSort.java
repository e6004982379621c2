package org.partnergraph.network;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("NetworkSort")
@Description("Order of supportNetwork's ranking: the measure, largest first, then id.")
public enum NetworkSort {
    @Description("By betweenness: who holds the network together.")
    BETWEENNESS,
    @Description("By the number of distinct partners.")
    PARTNERS,
    @Description("By the number of organisations it supports.")
    SUPPORTS,
    @Description("By the number of organisations that support it.")
    SUPPORTED_BY
}
