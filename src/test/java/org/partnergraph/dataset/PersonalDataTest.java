package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Contact persons and phone numbers appear in the source documents (D2023: "联系人及电话：…";
 * D2018: "联系人：…，联系电话：…") and so do the names of officials, teachers and students. None of
 * it may be in the graph, in the document records or in any public answer (DESIGN.md, "OIDC").
 * The scans cover everything, test bundles included: their data is in the same stores.
 */
@QuarkusTest
class PersonalDataTest {

    /** Every property of every node and every relationship, with whose it is. */
    static final String ALL_PROPERTIES = """
            MATCH (n)
            RETURN 'node ' + coalesce(n.id, elementId(n)) + ' :' + reduce(s = '', l IN labels(n) | s + l + ' ') AS owner,
                   properties(n) AS properties
            UNION ALL
            MATCH ()-[r]->()
            RETURN 'relationship ' + coalesce(r.id, elementId(r)) + ' :' + type(r) AS owner, properties(r) AS properties
            """;

    /**
     * SHA-256 and CRC digests kept by the importer (__Bundle) and the migrations (__Migration): digit
     * runs in a digest are chance, not phone numbers, and no person's data can hide in one.
     */
    static final String DIGEST = "checksum";

    /** Regions whose supporters, with all their citations, cover every document. */
    static final List<String> REGIONS = List.of("yunnan", "xinjiang", "qinghai", "tibet", "guizhou",
            "western-paired-regions", "other-provinces", "chongqing", "hubei-yichang-yiling");

    @Inject
    Graph graph;

    @Test
    void scannerRecognisesContactLinesShapedLikeTheDocuments() {
        // Synthetic numbers in the documents' shapes: a 7-digit line (D2023), an 8-digit line (D2018).
        assertTrue(PersonalDataScan.findings("联系人及电话：某某 1234567").size() >= 2);
        assertTrue(PersonalDataScan.findings("联系人：某某，联系电话：12345678").size() >= 2);
        assertEquals(1, PersonalDataScan.findings("请致 021 5555 0000").size());
        assertEquals(1, PersonalDataScan.findings("请致１２３４５６７").size());
        assertEquals(1, PersonalDataScan.findings("上海信息技术学校党委书记周健率队带队").size());
        assertEquals(1, PersonalDataScan.findings(Long.valueOf(23456789L)).size());
        // What the dataset legitimately holds: years, periods, amounts, document numbers.
        for (String clean : List.of("2018-2020", "659.7万元", "沪教委办〔2018〕39号", "第343号提案", "2024-09",
                "共80余人参加培训", "“1+11”基础教育互助成长行动计划", "上海信息技术学校党委书记…率队带队")) {
            assertEquals(List.of(), PersonalDataScan.findings(clean), clean);
        }
        assertEquals(List.of(), PersonalDataScan.findings(Integer.valueOf(210)));
    }

    @Test
    void noNodeOrRelationshipPropertyHoldsPhoneNumbersOrContactPersons() {
        List<String> findings = new ArrayList<>();
        int[] scanned = new int[2];
        graph.readList(ALL_PROPERTIES, Map.of(), r -> {
            String owner = r.get("owner").asString();
            scanned[0]++;
            r.get("properties").asMap(v -> v).forEach((key, value) -> {
                if (!DIGEST.equals(key)) {
                    scanned[1] += scan(owner + "." + key, value, findings);
                }
            });
            return owner;
        });

        assertEquals(List.of(), findings, "personal data in the graph");
        // 299 dataset nodes and their relationships: the scan really read the graph.
        assertTrue(scanned[0] > 1000, "owners scanned: " + scanned[0]);
        assertTrue(scanned[1] > 3000, "texts scanned: " + scanned[1]);
    }

    @Test
    void documentRecordsHoldNoPhoneNumbersOrContactPersons() {
        JsonPath body = GraphQLClient.anonymous().file("dataset/documents");
        assertNull(body.get("errors"), body.prettify());

        int[] texts = new int[1];
        List<String> findings = PersonalDataScan.scanJson(body.get("data"), "data", texts);

        assertEquals(List.of(), findings, "personal data in the source-document records");
        assertTrue(body.getList("data.documents").size() >= 3);
        assertTrue(texts[0] >= 3 * 5, "texts scanned: " + texts[0]);
    }

    @Test
    void publicAnswersHoldNoPhoneNumbersOrContactPersons() {
        List<String> findings = new ArrayList<>();
        int[] texts = new int[1];

        // Every organisation, page by page, with its citations, departments, majors, programmes and partners.
        String after = null;
        int organizations = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonPath page = GraphQLClient.anonymous().file("dataset/publicOrganizations", variables);
            assertNull(page.get("errors"), page.prettify());
            findings.addAll(PersonalDataScan.scanJson(page.get("data"), "organizations", texts));
            organizations += page.getList("data.organizations.edges").size();
            after = page.getBoolean("data.organizations.pageInfo.hasNextPage")
                    ? page.getString("data.organizations.pageInfo.endCursor")
                    : null;
        } while (after != null);

        JsonPath regions = GraphQLClient.anonymous().file("dataset/publicRegions");
        assertNull(regions.get("errors"), regions.prettify());
        findings.addAll(PersonalDataScan.scanJson(regions.get("data"), "regions", texts));

        int partnerships = 0;
        for (String region : REGIONS) {
            JsonPath supporters = GraphQLClient.anonymous().file("dataset/publicRegionSupporters", Map.of("id", region));
            assertNull(supporters.get("errors"), supporters.prettify());
            findings.addAll(PersonalDataScan.scanJson(supporters.get("data"), "supportersOf(" + region + ")", texts));
            partnerships += supporters.getList("data.supportersOf").size();
        }

        assertEquals(List.of(), findings, "personal data in public answers");
        assertTrue(organizations >= 111, "organisations scanned: " + organizations);
        assertTrue(partnerships > 100, "partnerships scanned: " + partnerships);
        assertTrue(texts[0] > 3000, "texts scanned: " + texts[0]);
    }

    /** Scans one property value; returns how many texts and numbers it held. */
    private static int scan(String where, Value value, List<String> findings) {
        TypeSystem types = TypeSystem.getDefault();
        if (value.hasType(types.STRING())) {
            PersonalDataScan.findings(value.asString()).forEach(f -> findings.add(where + ": " + f));
            return 1;
        }
        if (value.hasType(types.INTEGER())) {
            PersonalDataScan.findings(value.asLong()).forEach(f -> findings.add(where + ": " + f));
            return 1;
        }
        if (value.hasType(types.LIST())) {
            int count = 0;
            for (int i = 0; i < value.size(); i++) {
                count += scan(where + "[" + i + "]", value.get(i), findings);
            }
            return count;
        }
        return 0;
    }
}
