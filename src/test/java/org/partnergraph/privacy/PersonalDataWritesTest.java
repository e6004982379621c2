package org.partnergraph.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The personal-data policy on the write paths clients use: every disguise of the corpus is refused by
 * a mutation, in whichever field it is put, and by an import; the look-alikes are written. Nothing of a
 * refused write reaches the change log or the graph.
 */
@QuarkusTest
class PersonalDataWritesTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static Map<String, Object> organization(String id, String name, String quote) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("name", name);
        input.put("kind", "SCHOOL");
        input.put("source", WriteFixture.source(quote));
        return input;
    }

    static JsonPath upsert(Map<String, Object> input) {
        return EDITOR.file("organization/upsertOrganization", Map.of("input", input));
    }

    @Test
    void everyDisguiseOfTheCorpusIsRefusedByAMutationAndNothingIsWritten() throws IOException {
        Snapshot before = snapshot();
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (PersonalDataPolicyTest.Case c : PersonalDataPolicyTest.corpus()) {
            if (!c.refuse()) {
                continue;
            }
            tried++;
            JsonPath body = upsert(organization("test-pd-school", "写测" + c.text(), "写测学校"));
            if (body.get("errors") == null || !"BAD_USER_INPUT".equals(body.getString("errors[0].extensions.code"))
                    || !body.getString("errors[0].message").contains("input.name: ")
                    || !body.getString("errors[0].message").contains("personal data is never imported")) {
                accepted.add(c.text() + " -> " + body.prettify());
            }
        }
        assertEquals(List.of(), accepted);
        assertTrue(tried >= 60, "disguises tried: " + tried);
        assertEquals(before, snapshot());
    }

    @Test
    void disguisesAreRefusedInIdsQuotesSchemesAndNumbers() {
        Snapshot before = snapshot();

        assertError(upsert(organization("test-pd-138-1234-5678", "写测学校", "写测学校")), "BAD_USER_INPUT",
                "input.id: looks like a phone number");
        assertError(upsert(organization("test-pd-school", "写测学校", "聯絡人：某某 ①③⑧①②③④⑤⑥⑦⑧")), "BAD_USER_INPUT",
                "input.source.quote: looks like a phone number");

        Map<String, Object> aliases = organization("test-pd-school", "写测学校", "写测学校");
        aliases.put("shortNames", List.of("写测校", "微信：teacher_li"));
        aliases.put("nameEn", "Write Test School, Tel. 021 5555 0000");
        JsonPath both = upsert(aliases);
        assertError(both, "BAD_USER_INPUT", "input.shortNames: contains contact details ('微信')");
        assertError(both, "BAD_USER_INPUT", "input.nameEn: looks like a phone number");

        Map<String, Object> pairing = new HashMap<>(Map.of("kind", "PAIRED_WITH", "supporterId", WriteFixture.COLLEGE,
                "supportedId", WriteFixture.SCHOOL, "since", "2025-09", "scheme", "结对 someone＠example．cn",
                "source", WriteFixture.source("结对")));
        assertError(EDITOR.file("partnership/createPartnership", Map.of("input", pairing)), "BAD_USER_INPUT",
                "input.scheme: contains an e-mail address");

        Map<String, Object> programme = new HashMap<>(Map.of("name", "写测培训", "category", "TRAINING", "mode", "OTHER",
                "participants", 2311662, "source", WriteFixture.source("写测培训")));
        assertError(EDITOR.file("programme/upsertProgramme", Map.of("input", programme)), "BAD_USER_INPUT",
                "input.participants: a number of seven or more digits looks like a phone number");

        assertEquals(before, snapshot());
    }

    @Test
    void anImportIsRefusedForDisguisesInDocumentNumbersAttributesAndQuotes() {
        Snapshot before = snapshot();
        String bundle = """
                {"bundle": "test-pd-import",
                 "documents": [{"id": "doc-test-pd", "title": "写测通知", "issuer": "写测局", "number": "写测〔2025〕138 1234 5678号",
                                "date": "2025-03-01", "kind": "NOTICE"}],
                 "relationships": [{"id": "test-pd-rel", "type": "PAIRED_WITH", "from": "test-w-college", "to": "test-w-school",
                                    "since": "2025-09", "attributes": {"hotline": 23116628, "note": "联 系 人 某某"},
                                    "sources": [{"document": "doc-test-writes", "quote": "QQ号 123456"}]}]}
                """;
        for (boolean dryRun : List.of(true, false)) {
            JsonPath body = EDITOR.file("dataset/importDataset", Map.of("bundle", bundle, "dryRun", dryRun));
            assertError(body, "BAD_USER_INPUT", "documents[0] (doc-test-pd) number: looks like a phone number");
            assertError(body, "BAD_USER_INPUT", "attributes.hotline: a number of seven or more digits");
            assertError(body, "BAD_USER_INPUT", "attributes.note: contains contact details ('联系人')");
            assertError(body, "BAD_USER_INPUT", "sources[0].quote: contains contact details ('qq')");
        }
        assertEquals(before, snapshot());
    }

    @Test
    void lookAlikesOfPersonalDataAreWritten() {
        Map<String, Object> input = organization("test-pd-look-alike-2018-2020", "写测2018-2020年学校",
                "沪教委人〔2019〕1023号：2023-05-01起，投入1,200,000元，二〇二三年，通过微信公众号发布");
        input.put("nameEn", "Hotel Management School (2018.09.01-2020.06.30)");
        JsonPath body = ok(upsert(input));
        assertEquals("APPLIED", body.getString("data.upsertOrganization.change.status"));
    }
}
