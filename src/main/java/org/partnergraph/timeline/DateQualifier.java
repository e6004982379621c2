package org.partnergraph.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The qualifiers a document puts on a date, as written (10月左右, 4月底, 2024年暑假期间, 预计到9月份), and the one table
 * of what each means: whether it makes the date approximate, and the precision of date it qualifies. The bundle
 * schema's {@code dateQualifier} enum lists the same written forms (BundleReaderTest keeps them equal); the API
 * answers the written form and derives {@code dateApproximate} from it here, for the compiled reads and the resolvers
 * alike.
 *
 * <p>Approximate means the true date may lie outside the period the date names: 左右 (10月左右 may be late September),
 * a school break (whose dates vary by school and year), an expected date (预计 may slip). A qualifier that narrows a
 * period inside it (4月底 is the end of April, 上旬 its first ten days) leaves the date exact at its precision.
 */
public enum DateQualifier {
    AROUND("左右", true, null, "around"),
    ABOUT("前后", true, null, "around, about"),
    BEGINNING_OF_MONTH("月初", false, DatePrecision.MONTH, "at the beginning of the month"),
    MIDDLE_OF_MONTH("月中", false, DatePrecision.MONTH, "in the middle of the month"),
    END_OF_MONTH("月底", false, DatePrecision.MONTH, "at the end of the month"),
    CLOSE_OF_MONTH("月末", false, DatePrecision.MONTH, "at the end of the month"),
    FIRST_TEN_DAYS("上旬", false, DatePrecision.MONTH, "in the first ten days of the month"),
    MIDDLE_TEN_DAYS("中旬", false, DatePrecision.MONTH, "in the middle ten days of the month"),
    LAST_TEN_DAYS("下旬", false, DatePrecision.MONTH, "in the last ten days of the month"),
    BEGINNING_OF_YEAR("年初", false, DatePrecision.YEAR, "at the beginning of the year"),
    MIDDLE_OF_YEAR("年中", false, DatePrecision.YEAR, "in the middle of the year"),
    END_OF_YEAR("年底", false, DatePrecision.YEAR, "at the end of the year"),
    SUMMER_BREAK("暑假期间", true, null, "during the summer break (roughly July to August)"),
    WINTER_BREAK("寒假期间", true, null, "during the winter break (roughly January to February)"),
    EXPECTED("预计", true, null, "expected: a forecast, which may slip");

    /** The schema descriptions of the fields that answer a qualifier, on Programme, Event and TimelineEntry. */
    public static final String DATE_QUALIFIER = "The qualifier the document puts on date, as written: 左右 or 前后 "
            + "(around), 月初 / 月中 / 月底 or 月末 (beginning / middle / end of the month), 上旬 / 中旬 / 下旬 (first / "
            + "middle / last ten days of the month), 年初 / 年中 / 年底 (beginning / middle / end of the year), 暑假期间 / "
            + "寒假期间 (during the summer / winter break), 预计 (expected); null when the document qualifies none.";
    public static final String DATE_APPROXIMATE = "True when dateQualifier makes date only roughly right, so the true "
            + "date may lie outside the period date names (左右, 前后, 暑假期间, 寒假期间, 预计); false without a qualifier "
            + "and for one that narrows an exact month or year (4月底 is April: 月底, 上旬, 年底 …).";
    public static final String END_DATE_QUALIFIER = "The qualifier the document puts on endDate, as written (the "
            + "qualifiers of dateQualifier; 预计到9月份可完成: 预计, expected); null when none.";
    public static final String END_DATE_APPROXIMATE = "True when endDateQualifier makes endDate only roughly right "
            + "(as dateApproximate for date: an expected end, 预计, may slip); false without one.";

    /**
     * Each qualifier by its written form, built once: every Event, Programme and TimelineEntry read looks up two.
     * Building it also fails fast if two constants were ever given the same written form.
     */
    private static final Map<String, DateQualifier> BY_WRITTEN = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DateQualifier::written, Function.identity()));

    private final String written;
    private final boolean approximate;
    private final DatePrecision precision;
    private final String meaning;

    DateQualifier(String written, boolean approximate, DatePrecision precision, String meaning) {
        this.written = written;
        this.approximate = approximate;
        this.precision = precision;
        this.meaning = meaning;
    }

    /** The qualifier as the documents write it. */
    public String written() {
        return written;
    }

    /** True when the qualified date is only roughly right: the true date may lie outside the period it names. */
    public boolean approximate() {
        return approximate;
    }

    /** The precision of date it qualifies (月底: a month), or null when it qualifies a date of any precision. */
    public DatePrecision precision() {
        return precision;
    }

    /** What it means, in English. */
    public String meaning() {
        return meaning;
    }

    /** Every qualifier as written, in the table's order. */
    public static List<String> writtenForms() {
        return Arrays.stream(values()).map(DateQualifier::written).toList();
    }

    /** The qualifier written {@code written}, if it is one. */
    public static Optional<DateQualifier> of(String written) {
        // The map refuses a null key; no qualifier is written as null.
        return written == null ? Optional.empty() : Optional.ofNullable(BY_WRITTEN.get(written));
    }

    /**
     * Whether a date with the stored qualifier {@code written} is approximate: false without one (and for a text no
     * qualifier is written as, which the importer never stores).
     */
    public static boolean approximate(String written) {
        return written != null && of(written).map(DateQualifier::approximate).orElse(false);
    }
}
