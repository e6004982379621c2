package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
