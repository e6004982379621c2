package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;

@Description("Order of a programme list. Ties are broken by id, so every order is total and pages never "
        + "overlap or skip. A cursor belongs to the order it was made for.")
public enum ProgrammeSort {
    @Description("Newest first (year descending, then id); programmes without a year come last. The default.")
    YEAR_DESC,
    @Description("Oldest first (year ascending, then id); programmes without a year come last.")
    YEAR,
    @Description("By Chinese name in Unicode code-point order (not pinyin), then id.")
    NAME,
    @Description("By row number (序号) in the document's table, then id; programmes that are not table rows come "
            + "last. Use it with filter.partOfId to list a table's rows in the document's order.")
    SEQUENCE;

    /** Year and sequence sorts compare integers; their cursor keys must parse as one. */
    boolean numericKey() {
        return this != NAME;
    }
}
