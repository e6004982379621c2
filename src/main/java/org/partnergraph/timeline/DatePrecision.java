package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;

@Description("How precise a stated date is: the documents give a year (2024), a month (2023-04) or a day (2023-07-30).")
public enum DatePrecision {
    @Description("A year: YYYY.")
    YEAR,
    @Description("A month: YYYY-MM.")
    MONTH,
    @Description("A day: YYYY-MM-DD.")
    DAY;

    /** The precision of a partial date as stored (YYYY, YYYY-MM or YYYY-MM-DD); null for none. */
    public static DatePrecision of(String date) {
        if (date == null) {
            return null;
        }
        return switch (date.length()) {
            case 4 -> YEAR;
            case 7 -> MONTH;
            default -> DAY;
        };
    }
}
