package org.partnergraph.partnership;

/**
 * The partner rules as Cypher fragments, for every statement that decides who partners whom (partner lists,
 * supporters, the support network): one wording of each rule, so the statements cannot drift apart.
 */
public final class PartnerRules {

    private PartnerRules() {
    }

    /**
     * A programme is support only from outside: its implementer is not located in the province of what
     * it targets (a prefecture's own bureau sending its students to Shanghai does not support itself).
     * Expects {@code s} (implementer) and {@code target} bound; bodies with no location pass. The provinces
     * are written with the graph (dataset.BundleWriter#DERIVE_PROVINCES), so this compares two short lists.
     */
    public static final String FROM_OUTSIDE = """
              NOT any(province IN coalesce(s.provinces, []) WHERE province IN coalesce(target.provinces, []))
            """;

    /** The relationship types of stated support (every PartnershipKind but PROGRAMME). */
    public static final String STATED_TYPES = "PAIRED_WITH|SUPPORTS|CO_BUILDS";

    /**
     * The organisation {@code node} counts for: itself, or the organisation that has the department or
     * major it is (null for a region or anything else no organisation has); {@code owner} names the match.
     */
    public static String organizationOf(String node, String owner) {
        return ("CASE WHEN %1$s:Organization THEN %1$s\n"
                + "     ELSE COLLECT { MATCH (%2$s:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(%1$s) RETURN %2$s LIMIT 1 }[0]\n"
                + "     END").formatted(node, owner);
    }
}
