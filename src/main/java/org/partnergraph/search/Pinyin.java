package org.partnergraph.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;

/**
 * Pinyin for names and for what users type. Names are read by ICU's Han-Latin transliterator, which reads
 * every character by its most common reading: it misreads some polyphonic characters in names of the data
 * (喀什 as "ka shen", 地区 as "de qu", 西藏 as "xi cang", 闵行 as "min xing"), so the curated words of
 * {@code dataset/pinyin-readings.json} are read as written first. Typed Latin text is folded the same way
 * (tones and case dropped) and split into syllables, in every way it can be, so "kashi" meets "ka shi".
 */
public final class Pinyin {

    static final String READINGS_FILE = "/dataset/pinyin-readings.json";

    /**
     * The syllables ICU's Han-Latin gives for the CJK Unified Ideographs (U+4E00–U+9FFF), toneless, without
     * the interjections m and ng (they would split every "ma" and "zhong"); ü is written u, as Latin-ASCII does.
     */
    static final Set<String> SYLLABLES = Set.of(("a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin "
            + "bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua "
            + "chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia "
            + "dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu "
            + "ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei "
            + "hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan "
            + "jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao "
            + "le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lue lun luo ma mai man mang mao me mei "
            + "men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie "
            + "nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po "
            + "pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru "
            + "rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou "
            + "shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti "
            + "tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao "
            + "xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai "
            + "zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan "
            + "zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo").split(" "));

    /** A typed word splits into at most this many syllable sequences; more would only add noise. */
    static final int MAX_SEGMENTATIONS = 8;
    private static final int LONGEST_SYLLABLE = 6;

    static final Map<String, String> READINGS = readings();
    private static final Pattern CURATED = Pattern.compile(String.join("|", READINGS.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed()).map(Pattern::quote).toList()));

    /** ICU transliterators are not safe to share between threads; building one costs milliseconds, so one per thread. */
    private static final ThreadLocal<Transliterator> HAN_LATIN = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));
    private static final ThreadLocal<Transliterator> LATIN_ASCII = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Latin-ASCII; Lower"));
    private static final Pattern WORDS = Pattern.compile("[a-z]+|[0-9]+");

    private static final Pattern ONE_CHARACTER_RULE = Pattern.compile("\\[[^\\[\\]{}]*\\] > [^;{}]*;");
    private static final Pattern LETTERS = Pattern.compile("[a-z]+");
    /** Marks and format characters: ICU reads them with the letter before them (中́a is "zhonga"). */
    private static final Set<Integer> JOINS = Set.of((int) Character.NON_SPACING_MARK, (int) Character.ENCLOSING_MARK,
            (int) Character.COMBINING_SPACING_MARK, (int) Character.FORMAT);
    static final Set<Integer> READ_BY_NEIGHBOURS = readByNeighbours();
    /** Marks a character {@link #latin} leaves to ICU with its neighbours (compared by identity). */
    private static final String BY_NEIGHBOURS = new String("by neighbours");
    /** Each character's reading once (see {@link #latin}): CJK has ~100k characters; past that, read again. */
    private static final Map<Integer, String> ALONE = new ConcurrentHashMap<>();
    private static final int MAX_ALONE = 150_000;

    private Pinyin() {
    }

    /** The toneless, lower-case syllables of a Chinese text, one space between them; other characters are dropped. */
    public static String of(String chinese) {
        if (chinese == null) {
            return "";
        }
        StringBuilder read = new StringBuilder();
        Matcher curated = CURATED.matcher(chinese);
        int from = 0;
        while (curated.find()) {
            read.append(latin(chinese.substring(from, curated.start())))
                    .append(' ').append(READINGS.get(curated.group())).append(' ');
            from = curated.end();
        }
        read.append(latin(chinese.substring(from)));
        return words(read.toString());
    }

    /** The first letter of each syllable of a Chinese text: 喀什理工 → kslg. */
    public static String initials(String chinese) {
        return initialsOf(of(chinese));
    }

    /** The first letter of each syllable of pinyin as {@link #of} reads it. */
    static String initialsOf(String pinyin) {
        StringBuilder initials = new StringBuilder();
        for (String syllable : pinyin.split(" ")) {
            if (!syllable.isEmpty() && Character.isLetter(syllable.charAt(0))) {
                initials.append(syllable.charAt(0));
            }
        }
        return initials.toString();
    }

    /**
     * What {@link #HAN_LATIN} gives for {@code text}, word for word (as {@link #words} reads it), one character at
     * a time: ICU's Han-Latin takes ~25 µs per character, Latin or Han alike, and was nine tenths of deriving the
     * pinyin of the 660k nodes of the synthetic graph (~0.85 ms per node). ASCII passes as it is (ICU only
     * lower-cases it and spaces out punctuation); a Han character reads as ICU reads it alone, set off by spaces
     * (ICU spaces out a Han character from letters on either side, and a digit or punctuation ends a word anyway);
     * another character that is no mark and whose reading has no letters (（, ，, ·, a full-width digit) as ICU
     * reads it alone. A text with any other character (one ICU reads by its neighbours, 重 in 重庆; a combining
     * mark; Ⅱ, which ICU runs into the syllable before it) is read by ICU as a whole, as before. Each character's
     * reading is kept once. PinyinTest holds this against ICU's reading of whole texts.
     */
    static String latin(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out.append((char) c);
                continue;
            }
            String alone = ALONE.get(c);
            if (alone == null) {
                alone = alone(c);
                if (ALONE.size() < MAX_ALONE) {
                    ALONE.put(c, alone);
                }
            }
            if (alone == BY_NEIGHBOURS) {
                return HAN_LATIN.get().transliterate(text);
            }
            out.append(alone);
        }
        return out.toString();
    }

    /** How {@link #latin} reads {@code c}: see there. */
    private static String alone(int c) {
        if (READ_BY_NEIGHBOURS.contains(c)) {
            return BY_NEIGHBOURS;
        }
        String read = HAN_LATIN.get().transliterate(Character.toString(c));
        if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                && LETTERS.matcher(read).matches()) {
            return " " + read + " ";
        }
        if (!read.isEmpty() && !JOINS.contains(Character.getType(c))
                && read.codePoints().allMatch(r -> r >= '0' && r <= '9' || !Character.isLetterOrDigit(r))) {
            return read;
        }
        return BY_NEIGHBOURS;
    }

    /**
     * The Han characters some rule of ICU's Han-Latin reads by their neighbours: any rule but the one-character
     * {@code [set] > reading;} kind (in ICU 79 three: 藏 before 文, 重 before 庆, 秘 before 鲁), all characters on
     * its left side.
     */
    static Set<Integer> readByNeighbours() {
        Set<Integer> characters = new HashSet<>();
        for (String rule : Transliterator.getInstance("Han-Latin").toRules(false).split("\n")) {
            int arrow = rule.indexOf('>');
            if (rule.startsWith("::") || arrow < 0 || ONE_CHARACTER_RULE.matcher(rule).matches()) {
                continue;
            }
            rule.substring(0, arrow).codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .forEach(characters::add);
        }
        return Set.copyOf(characters);
    }

    /** Typed Latin text without tones, in lower case, as words of letters or digits: "Kāshí Ligong" → "kashi ligong". */
    static String fold(String latin) {
        return words(LATIN_ASCII.get().transliterate(latin));
    }

    /**
     * Every way the folded words split into pinyin syllables (spaces the user typed are kept as splits), fewest
     * syllables first, at most {@link #MAX_SEGMENTATIONS}; none when a word is not pinyin. v stands for ü.
     */
    static List<String> segmentations(String folded) {
        List<String> whole = List.of("");
        for (String word : folded.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            List<String> parts = split(word.replace('v', 'u'));
            if (parts.isEmpty()) {
                return List.of();
            }
            List<String> joined = new ArrayList<>();
            for (String head : whole) {
                for (String part : parts) {
                    if (joined.size() < MAX_SEGMENTATIONS) {
                        joined.add(head.isEmpty() ? part : head + " " + part);
                    }
                }
            }
            whole = joined;
        }
        return whole.equals(List.of("")) ? List.of() : whole;
    }

    /** The syllable sequences of one word, fewest syllables first (a dynamic programme over its suffixes). */
    private static List<String> split(String word) {
        List<List<String>> suffixes = new ArrayList<>();
        for (int i = 0; i <= word.length(); i++) {
            suffixes.add(new ArrayList<>());
        }
        suffixes.get(word.length()).add("");
        for (int start = word.length() - 1; start >= 0; start--) {
            for (int end = start + 1; end <= Math.min(word.length(), start + LONGEST_SYLLABLE); end++) {
                String syllable = word.substring(start, end);
                if (!SYLLABLES.contains(syllable)) {
                    continue;
                }
                for (String rest : suffixes.get(end)) {
                    suffixes.get(start).add(rest.isEmpty() ? syllable : syllable + " " + rest);
                }
            }
            suffixes.get(start).sort(Comparator.comparingInt((String s) -> s.split(" ").length));
            if (suffixes.get(start).size() > MAX_SEGMENTATIONS) {
                suffixes.set(start, new ArrayList<>(suffixes.get(start).subList(0, MAX_SEGMENTATIONS)));
            }
        }
        return suffixes.get(0);
    }

    static String words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORDS.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return String.join(" ", words);
    }

    private static Map<String, String> readings() {
        try (InputStream in = Pinyin.class.getResourceAsStream(READINGS_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + READINGS_FILE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> readings = new LinkedHashMap<>();
            root.path("readings").fields().forEachRemaining(e -> readings.put(e.getKey(), e.getValue().asText()));
            return Map.copyOf(readings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
