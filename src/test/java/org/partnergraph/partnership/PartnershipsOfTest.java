package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shape of a partner list's statement (PartnershipRepository#partnershipsOf): whatever the role and kinds,
 * one walk from the organisation to its departments and majors and one expansion from them of exactly the
 * relationship types the answer can come from. What it answers is held equal to the resolvers and to the
 * partner links for every organisation, role and kind by CompiledReadsTest.
 */
class PartnershipsOfTest {

    private static final List<List<PartnershipKind>> KINDS = kinds();

    private static List<List<PartnershipKind>> kinds() {
        List<List<PartnershipKind>> kinds = new ArrayList<>();
        kinds.add(null);
        Arrays.stream(PartnershipKind.values()).forEach(kind -> kinds.add(List.of(kind)));
        kinds.add(List.of(PartnershipKind.SUPPORTS, PartnershipKind.PROGRAMME));
        return kinds;
    }

    private static String text(PartnerRole role, List<PartnershipKind> kinds) {
        return PartnershipRepository.partnershipsOf(
                new PartnersQuery(role, kinds, PartnershipSort.ID, null, PartnersQuery.Partners.ALL),
                PartnershipRow.ALL_KEYS);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void everyRoleAndKindWalksToTheOrganizationsPartsOnceAndExpandsOnce() {
        for (PartnerRole role : PartnerRole.values()) {
            for (List<PartnershipKind> kinds : KINDS) {
                String text = text(role, kinds);
                String shape = role + " " + kinds + ":\n" + text;
                assertEquals(1, occurrences(text, "HAS_DEPARTMENT|OFFERS*"), shape);
                assertEquals(1, occurrences(text, "[r:"), shape);
                assertEquals(1, occurrences(text, "MATCH (o)"), shape);
            }
        }
    }

    @Test
    void theExpansionFollowsTheRoleAndHoldsOnlyTheTypesAsked() {
        assertTrue(text(PartnerRole.ANY, null).contains("(a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS|TARGETS|RUNS]-(x)"));
        // The partner supports: stated support and programmes come in.
        assertTrue(text(PartnerRole.SUPPORTER, null).contains("(a)<-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS|TARGETS]-(x)"));
        // The organisation supports: stated support goes out, and the programmes it runs.
        assertTrue(text(PartnerRole.SUPPORTED, null).contains("(a)-[r:PAIRED_WITH|SUPPORTS|CO_BUILDS|RUNS]->(x)"));
        String pairings = text(PartnerRole.ANY, List.of(PartnershipKind.PAIRED_WITH));
        assertTrue(pairings.contains("(a)-[r:PAIRED_WITH]-(x)"), pairings);
        // One branch: no union, and no programme rows to set apart.
        assertFalse(pairings.contains("UNION") || pairings.contains("Programme") || pairings.contains("NOT r:"), pairings);
        String programmes = text(PartnerRole.ANY, List.of(PartnershipKind.PROGRAMME));
        assertTrue(programmes.contains("(a)-[r:TARGETS|RUNS]-(x)"), programmes);
        assertEquals(1, occurrences(programmes, "UNION ALL"), programmes);
        assertEquals(2, occurrences(text(PartnerRole.ANY, null), "UNION ALL"));
        // A kind sent twice (client input) is one type in the expansion.
        String repeated = text(PartnerRole.ANY, List.of(PartnershipKind.SUPPORTS, PartnershipKind.SUPPORTS));
        assertTrue(repeated.contains("(a)-[r:SUPPORTS]-(x)"), repeated);
    }
}
