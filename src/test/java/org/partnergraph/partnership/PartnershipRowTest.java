package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
