package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;

/** The folding of names (write time) and of typed text (query time), without a database. */
class PinyinTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            // ICU reads each of these misread words by its commonest reading; pinyin-readings.json corrects them.
            "喀什理工职业技术学院, ka shi li gong zhi ye ji shu xue yuan",
            "喀什地区, ka shi di qu",
            "西藏藏语言文字网, xi zang zang yu yan wen zi wang",
            "果洛藏族自治州, guo luo zang zu zi zhi zhou",
            "上海闵行职业技术学院, shang hai min hang zhi ye ji shu xue yuan",
            "上海立信会计金融学院, shang hai li xin kuai ji jin rong xue yuan",
            // ICU alone is right here (重 chong, 行 xing in 行动).
            "重庆市, chong qing shi",
            "楚雄医专, chu xiong yi zhuan",
            "上海-果洛职业教育联盟, shang hai guo luo zhi ye jiao yu lian meng",
            "2023年沪滇协作项目, 2023 nian hu dian xie zuo xiang mu" })
    void namesReadAsTheirPlacesAreCalled(String name, String pinyin) {
        assertEquals(pinyin, Pinyin.of(name));
    }

    @Test
    void everyCuratedReadingIsNeededBecauseIcuMisreadsIt() {
        for (Map.Entry<String, String> reading : Pinyin.READINGS.entrySet()) {
            String icu = com.ibm.icu.text.Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower")
                    .transliterate(reading.getKey());
            assertTrue(!icu.equals(reading.getValue()), reading.getKey() + " is read right by ICU: no override needed");
        }
    }

    @Test
    void derivedPropertiesCoverTheNameAndEveryShortName() {
        Map<String, Object> derived = SearchNames.derive("楚雄医药高等专科学校", List.of("楚雄医专"));
        assertEquals("chu xiong yi yao gao deng zhuan ke xue xiao", derived.get("namePinyin"));
        assertEquals("chu xiong yi zhuan", derived.get("aliasPinyin"));
        assertEquals("cxyygdzkxx cxyz", derived.get("nameInitials"));
        assertEquals("kslgzyjsxy kslg", SearchNames.derive("喀什理工职业技术学院", List.of("喀什理工")).get("nameInitials"));
    }

    @Test
    void aRowWithoutANameIsLeftAsItIs() {
        Map<String, Object> row = Map.of("id", "count-x", "count", 22);
        assertEquals(row, SearchNames.withPinyin(row));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Kashi | ka shi",
            "kāshí | ka shi",
            "ka shi | ka shi",
            "KASHI | ka shi",
            "Chuxiong yizhuan | chu xiong yi zhuan",
            "lvyou | lu you" })
    void typedPinyinSplitsIntoSyllables(String typed, String first) {
        List<String> segmentations = Pinyin.segmentations(Pinyin.fold(typed));
        assertEquals(first, segmentations.get(0), segmentations::toString);
    }

    @Test
    void ambiguousPinyinKeepsEverySplitAndNonPinyinKeepsNone() {
        assertEquals(List.of("xian", "xi an"), Pinyin.segmentations("xian"));
        assertEquals(List.of(), Pinyin.segmentations("kslg"));
        assertEquals(List.of(), Pinyin.segmentations("kashgar"));
        assertTrue(Pinyin.segmentations("xianxianxianxian").size() <= Pinyin.MAX_SEGMENTATIONS);
    }

    @Test
    void typedTextIsFoldedToSimplifiedCharactersPinyinAndInitials() {
        assertEquals("云南", SearchText.of("雲南").text());
        assertEquals("楚雄医专", SearchText.of("楚雄醫專").text());
        assertEquals("喀什理工职业技术学院", SearchText.of("喀什理工職業技術學院").text());
        SearchText kslg = SearchText.of(" KSLG ");
        assertEquals("kslg", kslg.initials());
        assertEquals(List.of(), kslg.pinyin());
        assertNull(SearchText.of("喀什").initials());
        assertNull(SearchText.of("k").initials());
        assertEquals(List.of("yunnan"), SearchText.of("滇").aliasIds());
        assertEquals(List.of("xinjiang"), SearchText.of("疆").aliasIds());
        assertEquals(List.of(), SearchText.of("滇西").aliasIds());
    }

    @Test
    void typedSyntaxStaysEscapedInTheQuery() {
        String query = SearchText.of("喀什 AND (\"x\" OR *").query();
        assertTrue(query.startsWith("name:(喀什 \\AND \\(\\\"x\\\" \\OR \\*)"), query);
    }

    /**
     * Pinyin.latin reads a character at a time (ICU takes ~25 µs a character); it must read every text as ICU's
     * Han-Latin reads the text whole, word for word: every text of the curated bundles (names, short names, the
     * documents' quotes), every CJK Unified Ideograph in a row, and random mixtures of Han (with the characters ICU
     * reads by their neighbours), ASCII, full-width forms, CJK punctuation, accented Latin, combining marks,
     * variation selectors, format characters, Roman numerals, 〇 and supplementary ideographs.
     */
    @Test
    void readingACharacterAtATimeIsIcusReadingOfTheWhole() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var bundles = Files.list(Path.of("src/main/resources/dataset/bundles"))) {
            for (Path bundle : bundles.toList()) {
                strings(json.readTree(bundle.toFile()), texts);
            }
        }
        assertTrue(texts.size() > 1_000, "the bundles' texts: " + texts.size());
        StringBuilder unified = new StringBuilder();
        for (int c = 0x4E00; c <= 0x9FFF; c++) {
            unified.appendCodePoint(c);
            if (unified.length() == 40) {
                texts.add(unified.toString());
                unified.setLength(0);
            }
        }
        int[][] alphabets = { { 0x4E00, 0x9FFF }, { 0x4E00, 0x9FFF }, { 0x4E00, 0x9FFF }, { 0x3400, 0x4DBF },
                { 0x20000, 0x2A6DF }, { 0xF900, 0xFAFF }, { 0x20, 0x7E }, { 0x20, 0x7E }, { 0xFF01, 0xFF5E },
                { 0x3000, 0x303F }, { 0xC0, 0x17F }, { 0x300, 0x36F }, { 0x2160, 0x2188 }, { 0x2010, 0x2122 },
                { 0x370, 0x3FF }, { 0x3040, 0x30FF }, { 0x2000, 0x206F }, { 0xFE00, 0xFE0F }, { 0x20D0, 0x20FF } };
        String neighbours = "藏文重庆秘鲁〇·（）";
        Random random = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = 1 + random.nextInt(10); length > 0; length--) {
                if (random.nextInt(8) == 0) {
                    text.append(neighbours.charAt(random.nextInt(neighbours.length())));
                } else {
                    int[] range = alphabets[random.nextInt(alphabets.length)];
                    text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
                }
            }
            texts.add(text.toString());
        }
        Transliterator icu = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        for (String text : texts) {
            assertEquals(Pinyin.words(icu.transliterate(text)), Pinyin.words(Pinyin.latin(text)), text);
        }
    }

    @Test
    void theCharactersIcuReadsByTheirNeighboursAreReadWithThem() {
        assertEquals(Set.of("藏", "文", "重", "庆", "秘", "鲁"), Pinyin.READ_BY_NEIGHBOURS.stream()
                .map(Character::toString).collect(Collectors.toSet()));
        assertEquals("chong qing", Pinyin.words(Pinyin.latin("重庆")));
        assertEquals("zhong yao", Pinyin.words(Pinyin.latin("重要")));
        assertEquals("di ii qi".replace(" ", ""), Pinyin.words(Pinyin.latin("第Ⅱ期")), "Ⅱ runs into 第 as ICU has it");
    }

    private static void strings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
        node.fieldNames().forEachRemaining(into::add);
    }
}
