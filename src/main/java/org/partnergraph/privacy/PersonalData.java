package org.partnergraph.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal-data policy (README, "Personal data"): contact persons, phone numbers, e-mail addresses
 * and messaging ids never enter the records or the graph. Every write is a bundle, and the bundle reader
 * asks this class about every text, key and number of every row, so mutations and imports are held to
 * the same rule. Plain logic, no I/O.
 *
 * <p>Text is normalised before it is matched, because the disguises are typographic: NFKC (full-width,
 * circled, superscript and mathematical digits, NBSP and the ideographic space), digits of every script,
 * runs of Chinese numerals, and the traditional forms of the marker words. Separators inside a run of
 * digits (spaces, dashes, dots, brackets, slashes) do not hide a number; what keeps a run
 * legitimate is its shape: a date or period made of years, a grouped or priced amount.
 */
public final class PersonalData {

    /** Seven digits are a local phone number in China (the documents' own contact lines have 7 and 8). */
    static final int PHONE_DIGITS = 7;

    /** A stored number of seven or more digits is as much a phone number as the same digits in a text. */
    public static final double NUMBER_LIMIT = 1_000_000;

    /**
     * Characters that may sit between the digits of one phone number. Not the comma (amounts are
     * grouped with it and lists use it) and not the 〔〕 of document numbers (沪教委办〔2018〕39号).
     */
    private static final String SEPARATORS = " \\-\\u2010-\\u2015\\u2212\\u30fc.\\u00b7\\u30fb\\u2022()\\[\\]/_~\\u301c";
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9](?:[" + SEPARATORS + "]*[0-9])*");
    private static final Pattern GROUP = Pattern.compile("[0-9]+");

    /** Chinese numerals as phone numbers are spoken (幺 for 1) and written in financial form. */
    private static final Map<Character, Character> CHINESE_DIGITS = Map.ofEntries(
            Map.entry('〇', '0'), Map.entry('零', '0'), Map.entry('一', '1'), Map.entry('幺', '1'), Map.entry('二', '2'),
            Map.entry('两', '2'), Map.entry('三', '3'), Map.entry('四', '4'), Map.entry('五', '5'), Map.entry('六', '6'),
            Map.entry('七', '7'), Map.entry('八', '8'), Map.entry('九', '9'), Map.entry('壹', '1'), Map.entry('贰', '2'),
            Map.entry('貳', '2'), Map.entry('叁', '3'), Map.entry('參', '3'), Map.entry('肆', '4'), Map.entry('伍', '5'),
            Map.entry('陆', '6'), Map.entry('陸', '6'), Map.entry('柒', '7'), Map.entry('捌', '8'), Map.entry('玖', '9'));

    /**
     * Traditional forms of the characters the markers are made of, so 聯繫人 reads as 联系人. A full
     * converter (ICU4J) would be one more dependency for a dozen characters.
     */
    private static final Map<Character, Character> SIMPLIFIED = Map.ofEntries(
            Map.entry('聯', '联'), Map.entry('繫', '系'), Map.entry('係', '系'), Map.entry('絡', '络'),
            Map.entry('電', '电'), Map.entry('話', '话'), Map.entry('機', '机'), Map.entry('號', '号'),
            Map.entry('碼', '码'), Map.entry('郵', '邮'), Map.entry('傳', '传'), Map.entry('訊', '讯'),
            Map.entry('綫', '线'), Map.entry('線', '线'), Map.entry('撥', '拨'));

    /** Words that only ever introduce a contact: refused wherever they appear. */
    private static final Pattern CONTACT_ALWAYS = Pattern.compile(
            "联系人|联络人|联系电话|联系方式|联系方法|联系手机|联系邮箱|联络电话|联络方式|座机|固话|手机号|电话号码");

    /** Words that introduce a contact when a value follows (电话会议 and 手机维修 are not contacts). */
    private static final Pattern CONTACT_WITH_VALUE = Pattern.compile(
            "(电话|手机|传真|邮箱|电邮|电子邮件|电子邮箱|微信|微信号|(?<![a-z])qq|扣扣|钉钉)(号码|号|群)?(?:[:：=]|[0-9+(]|[a-z][a-z0-9_]{4,})");

    /**
     * The same in Latin script, as whole words (hotel, intel and mobile internet are not contacts); not
     * {@code \b}, which sees no boundary between 电话 and Tel.
     */
    private static final Pattern CONTACT_LATIN = Pattern.compile(
            "(?<![a-z])(?:tel|telephone|phone|mobile|cell|fax|e-?mail|wechat|weixin|whatsapp|telegram|qq|vx|wx)(?![a-z])"
                    + "\\s*(?:no\\.?|number|id|#)?\\s*(?:[:：=]|[0-9+(])"
                    + "|(?<![a-z])(?:wechat|weixin|whatsapp|telegram|qq|vx|wx)\\s+(?:id\\s+)?[a-z][a-z0-9_-]{4,}"
                    + "|(?<![a-z])contacts?\\s*(?:person|persons|name|info|details)?\\s*[:：]|(?<![a-z])contact\\s+persons?(?![a-z])");

    /** An address, also written name [at] host [dot] org. */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern AT = Pattern.compile("\\s*(?:\\[at]|\\(at\\)|\\{at}|<at>|艾特)\\s*");
    private static final Pattern DOT = Pattern.compile("\\s*(?:\\[dot]|\\(dot\\)|\\{dot}|<dot>)\\s*");

    /** What marks a run of digits as money: 1200000元, ￥1200000, 1,200,000. */
    private static final Pattern UNIT_AFTER = Pattern.compile("\\s*(?:元|万元|亿元|美元|yuan|rmb|cny|usd)");
    private static final Pattern UNIT_BEFORE = Pattern.compile("(?:[¥$€]|rmb|cny|usd)\\s*$");

    private PersonalData() {
    }

    /** Why {@code text} holds personal data, one reason per kind; empty when it holds none. */
    public static List<String> findings(String text) {
        List<String> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        String normal = normalise(text);
        String phone = phoneNumber(normal);
        if (phone != null) {
            findings.add("looks like a phone number ('" + phone + "')");
        }
        String mailText = DOT.matcher(AT.matcher(normal).replaceAll("@")).replaceAll(".");
        Matcher mail = EMAIL.matcher(mailText);
        if (mail.find()) {
            findings.add("contains an e-mail address");
        }
        // Spaced markers (联 系 人) are the same words: match the Chinese ones with all spacing removed.
        String compact = normal.replaceAll("[\\s\\p{Z}·・_\\-]+", "");
        Matcher always = CONTACT_ALWAYS.matcher(compact);
        Matcher withValue = CONTACT_WITH_VALUE.matcher(compact);
        Matcher latin = CONTACT_LATIN.matcher(normal);
        if (always.find()) {
            findings.add("contains contact details ('" + always.group() + "')");
        } else if (withValue.find()) {
            findings.add("contains contact details ('" + withValue.group(1) + "')");
        } else if (latin.find()) {
            findings.add("contains contact details ('" + latin.group().strip() + "')");
        }
        return findings;
    }

    /** Why a stored number is personal data: seven or more digits before the point. */
    public static List<String> findings(double number) {
        return Math.abs(number) >= NUMBER_LIMIT
                ? List.of("a number of seven or more digits looks like a phone number")
                : List.of();
    }

    /**
     * The text as it is matched: NFKC, every decimal digit as 0-9, runs of two or more Chinese numerals
     * as digits, the markers' traditional characters simplified, lower case, spaces of every kind as
     * one space.
     */
    public static String normalise(String text) {
        // An ellipsis joins cells of a quoted table (…134.4…42…4个月…), not digits: NFKC would make it dots.
        String nfkc = Normalizer.normalize(text.replace('\u2026', '、').replace('\u22ef', '、'), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            int value = Character.getNumericValue(cp);
            if (type == Character.DECIMAL_DIGIT_NUMBER && value >= 0) {
                out.append((char) ('0' + value));
            } else if (type == Character.OTHER_NUMBER && value >= 0) {
                // Dingbat circled digits (❶ … ❿) have no NFKC form; their value is the digit.
                out.append(value);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (cp < 0x10000 && SIMPLIFIED.containsKey((char) cp)) {
                out.append(SIMPLIFIED.get((char) cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return chineseNumerals(out.toString()).toLowerCase(Locale.ROOT).replaceAll(" {2,}", " ");
    }

    /**
     * Runs of two or more Chinese numerals become digits (一三八一二三四五六七八); a single one is a word
     * (一流, 三年), and counting words such as 十 and 百 end a run, so 二十三 stays a number in words.
     */
    private static String chineseNumerals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && (CHINESE_DIGITS.containsKey(text.charAt(end))
                    || end > i && text.charAt(end) == ' ' && end + 1 < text.length()
                            && CHINESE_DIGITS.containsKey(text.charAt(end + 1)))) {
                end++;
            }
            if (end - i >= 2) {
                for (int j = i; j < end; j++) {
                    char c = text.charAt(j);
                    out.append(c == ' ' ? ' ' : CHINESE_DIGITS.get(c));
                }
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The first run of digits that reads as a phone number, or null. */
    private static String phoneNumber(String normal) {
        Matcher run = DIGIT_RUN.matcher(normal);
        while (run.find()) {
            String digits = run.group().replaceAll("[^0-9]", "");
            if (digits.length() >= PHONE_DIGITS && !legitimate(normal, run)) {
                return run.group();
            }
        }
        return null;
    }

    /**
     * A long run is legitimate in two shapes: money (a unit before or after it), and the calendar: groups
     * that are all years (2018-2020, 2016 2020) or a date's year, month and day (2023-05-01, 2018.09.01 -
     * 2020.06.30). A phone number written in groups has a group no calendar has (138, 1234, 5678).
     */
    private static boolean legitimate(String text, Matcher run) {
        if (UNIT_AFTER.matcher(text.substring(run.end())).lookingAt()
                || UNIT_BEFORE.matcher(text.substring(0, run.start())).find()) {
            return true;
        }
        Matcher group = GROUP.matcher(run.group());
        List<String> groups = new ArrayList<>();
        while (group.find()) {
            groups.add(group.group());
        }
        if (groups.size() < 2) {
            return false;
        }
        int years = 0;
        int small = 0;
        for (String g : groups) {
            if (isYear(g)) {
                years++;
            } else if (g.length() <= 2 && Integer.parseInt(g) >= 1 && Integer.parseInt(g) <= 31) {
                small++;
            } else {
                return false;
            }
        }
        // A month and a day per year, and one ordinal before them (第4期 2023-04); 12 34 56 78 has no year.
        return years > 0 && small <= 2 * years + 1;
    }

    private static boolean isYear(String group) {
        return group.length() == 4 && (group.startsWith("19") || group.startsWith("20"));
    }
}
