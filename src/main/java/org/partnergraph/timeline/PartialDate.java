package org.partnergraph.timeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Partial ISO dates as the documents give them (YYYY, YYYY-MM, YYYY-MM-DD) and the day bounds the timeline
 * compares them by. A date must exist in the calendar: 2023-13 and 2023-02-30 are not dates.
 */
public final class PartialDate {

    private PartialDate() {
    }

    public static boolean valid(String date) {
        if (date == null || !date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return false;
        }
        try {
            first(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The first day the date can mean. */
    public static LocalDate first(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
            case 7 -> YearMonth.parse(date).atDay(1);
            default -> LocalDate.parse(date);
        };
    }

    /** The last day the date can mean. */
    public static LocalDate last(String date) {
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
            case 7 -> YearMonth.parse(date).atEndOfMonth();
            default -> LocalDate.parse(date);
        };
    }
}
