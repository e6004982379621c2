package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import graphql.schema.SelectedField;

/** The partnership keys the planner projects for a selection (PartnershipRow). */
class PartnershipRowTest {

    static List<SelectedField> select(String... names) {
        List<SelectedField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add((SelectedField) Proxy.newProxyInstance(SelectedField.class.getClassLoader(),
                    new Class<?>[] {SelectedField.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getName", "toString" -> name;
                        default -> throw new UnsupportedOperationException(method.getName());
                    }));
        }
        return fields;
    }

    @Test
    void onlyTheKeysTheSelectedFieldsRead() {
        assertEquals(".id, .kind, .since, .scheme", PartnershipRow.keys(select("id", "kind", "since", "scheme", "supporter",
                "supported", "__typename")));
        assertEquals(".id, .kind", PartnershipRow.keys(select("supporter")));
        assertEquals(".id, .kind, .through", PartnershipRow.keys(select("programme", "agreement")));
        assertEquals(".id, .kind, .sources, .quotes, .impliedFlags", PartnershipRow.keys(select("implied", "citations",
                "sources")));
        assertEquals(".id, .kind, .status", PartnershipRow.keys(select("statusHistory", "statusDatePrecision")));
        assertEquals(".id, .kind, .quantities, .facts", PartnershipRow.keys(select("quantities", "facts")));
    }

    @Test
    void aFieldTheTableDoesNotKnowProjectsEveryKey() {
        assertEquals(PartnershipRow.ALL, PartnershipRow.keys(select("since", "somethingNew")));
    }

    @Test
    void theBranchesWriteOnlyTheKeysAsked() {
        assertEquals("{id: r.id, kind: type(r), since: r.since, scheme: r.scheme, supporter: s, supported: t}",
                PartnershipRow.stated(Set.of("scheme"), "s", "t", null));
        assertEquals("{id: run.id + '~' + t.id, kind: 'PROGRAMME', since: toString(prog.year), through: prog, "
                + "supporter: o, supported: target}", PartnershipRow.programme(Set.of("through"), "o", "target"));
        // The programme or agreement a relationship names is looked up only when a field reads it.
        assertEquals("", PartnershipRow.through(Set.of("since", "status")));
        assertTrue(PartnershipRow.through(Set.of("through")).contains("OPTIONAL MATCH (through:Entity {id: r.programme})"));
        assertTrue(PartnershipRow.stated(Set.of("through"), "s", "t", "x.named").contains("through: x.named"));
    }

    @Test
    void theStatementsCarryOnlyTheSelectedKeysThroughEveryBranch() {
        // Role ANY and every kind: all five branches (both ways, stated and programmes).
        PartnersQuery any = new PartnersQuery(PartnerRole.ANY, null, PartnershipSort.ID, null, PartnersQuery.Partners.ALL);
        String lean = PartnershipRepository.partnershipsOf(any, PartnershipRow.of(select("since", "supporter")));
        String full = PartnershipRepository.partnershipsOf(any, PartnershipRow.ALL_KEYS);
        String support = PartnershipRepository.supportInto(PartnershipRow.of(select("scheme")));
        for (String heavy : List.of("r.sources", "run.quantities", "statusHistoryCitations", "OPTIONAL MATCH (through")) {
            assertFalse(lean.contains(heavy), heavy + " in " + lean);
            assertFalse(support.contains(heavy), heavy + " in " + support);
            assertTrue(full.contains(heavy), heavy + " missing from " + full);
        }
        assertTrue(support.contains("scheme: r.scheme") && support.contains("scheme: null"), support);
    }

    /** The committed schema (held equal to the code by GraphQLSchemaFileTest): a new field gets its own entry. */
    @Test
    void everyFieldOfTheSchemasPartnershipIsInTheTable() throws IOException {
        String schema = Files.readString(Path.of("graphql-schema/schema.graphql"));
        Matcher type = Pattern.compile("(?ms)^type Partnership \\{(.*?)^}").matcher(schema);
        assertTrue(type.find(), "type Partnership in the committed schema");
        Matcher field = Pattern.compile("(?m)^  (\\w+)(\\(|:)").matcher(type.group(1));
        List<String> names = new ArrayList<>();
        while (field.find()) {
            names.add(field.group(1));
        }
        assertTrue(names.size() > 15, "fields read: " + names);
        for (String name : names) {
            assertTrue(PartnershipRow.knownFields().contains(name), name + " has no entry in PartnershipRow");
        }
    }
}
