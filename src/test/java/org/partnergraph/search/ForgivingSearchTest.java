package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Search that forgives, on the curated dataset: each row is a way people type a name, and the object they
 * mean must come first. Removing a folding (traditional characters, pinyin, tones, spaces, initials,
 * curated readings, abbreviations, English) fails its rows.
 */
@QuarkusTest
class ForgivingSearchTest {

    @ParameterizedTest(name = "[{0}] {1} finds {2} first")
    @CsvSource(delimiter = '|', value = {
            "simplified         | 云南                  | yunnan",
            "simplified         | 楚雄医专              | chuxiong-medical-college",
            "traditional        | 雲南                  | yunnan",
            "traditional        | 楚雄醫專              | chuxiong-medical-college",
            "traditional        | 喀什理工職業技術學院  | kashgar-polytechnic",
            "pinyin             | Kashi                 | xinjiang-kashgar",
            "pinyin lower case  | kashi                 | xinjiang-kashgar",
            "pinyin upper case  | KASHI                 | xinjiang-kashgar",
            "pinyin with tones  | kāshí                 | xinjiang-kashgar",
            "pinyin with spaces | ka shi                | xinjiang-kashgar",
            "pinyin             | chuxiong              | yunnan-chuxiong",
            "pinyin short name  | Chuxiong yizhuan      | chuxiong-medical-college",
            "pinyin short name  | chuxiongyizhuan       | chuxiong-medical-college",
            "pinyin part        | kashi ligong          | kashgar-polytechnic",
            "pinyin whole name  | yunnansheng           | yunnan",
            "curated reading    | minhang zhiye         | shanghai-minhang-vocational-technical-college",
            "curated reading    | xizang                | tibet",
            "initials           | kslg                  | kashgar-polytechnic",
            "initials           | cxyz                  | chuxiong-medical-college",
            "initials mixed case| CXyz                  | chuxiong-medical-college",
            "abbreviation       | 滇                    | yunnan",
            "abbreviation       | 喀                    | xinjiang-kashgar",
            "abbreviation       | 果                    | qinghai-golog",
            "abbreviation       | 沪                    | shanghai",
            "abbreviation       | 疆                    | xinjiang",
            "abbreviation       | 新                    | xinjiang",
            "abbreviation       | 遵                    | guizhou-zunyi",
            "abbreviation       | 楚                    | yunnan-chuxiong",
            "English            | Kashgar Polytechnic   | kashgar-polytechnic",
            "English mixed case | kashgar POLYTECHNIC   | kashgar-polytechnic",
            "English            | Chuxiong Medical College | chuxiong-medical-college" })
    void eachWayOfTypingFindsTheRightObjectFirst(String way, String text, String id) {
        assertEquals(id, ok(SearchApiTest.search(text, 5)).getString("data.search[0].node.id"), way + ": " + text);
    }

    @Test
    void anAbbreviationAnswersItsRegionThenNamesThatUseTheCharacter() {
        List<String> ids = ok(SearchApiTest.search("滇", 20)).getList("data.search.node.id");
        assertEquals("yunnan", ids.get(0));
        assertTrue(ids.contains("alliance-hu-dian"), ids::toString);
        assertTrue(ids.contains("yunnan-dianxi"), ids::toString);
    }

    @Test
    void aOneCharacterQueryIsBoundedByFirst() {
        List<String> ids = ok(SearchApiTest.search("沪", 50)).getList("data.search.node.id");
        assertEquals("shanghai", ids.get(0));
        assertTrue(ids.size() <= 50 && ids.size() > 10, ids::toString);
        assertEquals(ids.size(), ids.stream().distinct().count(), "each object once");
    }

    @Test
    void traditionalAndSimplifiedAnswerTheSame() {
        assertEquals(ok(SearchApiTest.search("楚雄医专", 10)).getList("data.search.node.id"),
                ok(SearchApiTest.search("楚雄醫專", 10)).getList("data.search.node.id"));
    }
}
