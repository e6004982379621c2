package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SearchApiTest {

    static JsonPath search(String text, int first) {
        return GraphQLClient.anonymous().file("search/search", Map.of("text", text, "first", first));
    }

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource({
            "喀什理工, kashgar-polytechnic",
            "喀什理工职业技术学院, kashgar-polytechnic",
            "楚雄医专, chuxiong-medical-college",
            "沪滇联盟, alliance-hu-dian",
            "沪滇职教联盟, alliance-hu-dian",
            "城建, shanghai-urban-construction-vocational-college",
            "组干处, smec-organisation-cadre-division" })
    void shortNamesAndPartsOfNamesFindTheRightBodyFirst(String text, String id) {
        assertEquals(id, ok(search(text, 5)).getString("data.search[0].node.id"));
    }

    @Test
    void hitsAreRankedBestFirst() {
        List<Float> scores = ok(search("喀什", 20)).getList("data.search.score", Float.class);
        assertTrue(scores.size() > 3);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), scores::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "喀什 AND (", "\") OR 1=1 //", "*", "~", "MATCH (n) DETACH DELETE n", "\\" })
    void queryLikeTextIsSearchedForNotParsed(String text) {
        ok(search(text, 5));
    }

    @Test
    void blankOverlongOrOverlargeRequestsAreBadUserInput() {
        assertError(search("   ", 5), "BAD_USER_INPUT", "text");
        assertError(search("喀".repeat(101), 5), "BAD_USER_INPUT", "text");
        assertError(search("喀什", 0), "BAD_USER_INPUT", "first");
        assertError(search("喀什", 51), "LIMIT_EXCEEDED", "first");
    }
}
