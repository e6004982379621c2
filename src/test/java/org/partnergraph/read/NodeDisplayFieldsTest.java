package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import org.partnergraph.organization.Organization;

import graphql.schema.SelectedField;

/**
 * The Node interface's label, type and subtype are answered by the planner's projection of a shaped node
 * from the properties its record always needs: selecting them reads no other property and leaves nothing to
 * a resolver (a field the planner does not know makes it project the whole record, provenance included).
 */
class NodeDisplayFieldsTest {

    static final List<String> ORGANIZATION_FIELDS = List.of("id", "name", "shortNames", "nameEn", "kind");

    static SelectedField field(String name) {
        return (SelectedField) Proxy.newProxyInstance(SelectedField.class.getClassLoader(),
                new Class<?>[] {SelectedField.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "getResultKey" -> name;
                    case "getObjectTypeNames" -> List.of("Organization");
                    case "toString" -> name;
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ReadPlan plan() {
        ReadCatalog catalog = ReadCatalog.of(List.of(builder -> builder.shape("Organization", "Organization",
                ORGANIZATION_FIELDS, List.of("id", "name", "kind"), Organization::from)));
        return new ReadPlan(catalog);
    }

    @Test
    void labelTypeAndSubtypeProjectOnlyTheRequiredProperties() {
        Compiled compiled = plan().node("Organization", "o",
                List.of(field("id"), field("label"), field("type"), field("subtype")));
        assertEquals("o {.id, .name, .kind}", compiled.expression());
    }

    @Test
    void aFieldThePlannerDoesNotKnowStillProjectsTheWholeRecord() {
        Compiled compiled = plan().node("Organization", "o", List.of(field("id"), field("somethingElse")));
        assertEquals("o {.id, .name, .shortNames, .nameEn, .kind, .sources, .quotes, .impliedFlags}", compiled.expression());
    }

    @Test
    void theProjectionBuildsARecordThatAnswersThem() {
        Compiled compiled = plan().node("Organization", "o", List.of(field("label"), field("subtype")));
        Organization organization = (Organization) compiled.reader().apply(Values.value(java.util.Map.of(
                "id", "kashgar-polytechnic", "name", "喀什职业技术学院", "kind", "HIGHER_VOCATIONAL_COLLEGE")));
        assertEquals("喀什职业技术学院", organization.label());
        assertEquals("Organization", organization.type());
        assertEquals("HIGHER_VOCATIONAL_COLLEGE", organization.subtype());
    }
}
