package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import org.partnergraph.event.Event;
import org.partnergraph.timeline.DatePrecision;

import graphql.schema.SelectedField;

/**
 * A derived field (Event.dateApproximate, computed by the record from dateQualifier) projects only the properties it
 * is computed from, not the whole record, and the record built from that projection answers it as the resolvers'
 * record does (the same mapper, DateQualifier's table).
 */
class DerivedFieldsTest {

    static final List<String> EVENT_FIELDS = List.of("id", "name", "kind", "date", "endDate", "dateQualifier",
            "endDateQualifier", "participants");

    static SelectedField field(String name) {
        return (SelectedField) Proxy.newProxyInstance(SelectedField.class.getClassLoader(),
                new Class<?>[] {SelectedField.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "getResultKey" -> name;
                    case "getObjectTypeNames" -> List.of("Event");
                    case "toString" -> name;
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ReadPlan plan() {
        ReadCatalog catalog = ReadCatalog.of(List.of(builder -> builder.shape("Event", "Event", EVENT_FIELDS,
                List.of("id", "name", "kind", "date"), Map.of("dateApproximate", List.of("dateQualifier"),
                        "endDateApproximate", List.of("endDateQualifier"), "datePrecision", List.of("date")), Event::from)));
        return new ReadPlan(catalog);
    }

    @Test
    void aDerivedFieldProjectsOnlyWhatItIsComputedFrom() {
        assertEquals("e {.id, .name, .kind, .date, .dateQualifier}",
                plan().node("Event", "e", List.of(field("id"), field("dateApproximate"))).expression());
        assertEquals("e {.id, .name, .kind, .date, .endDateQualifier}",
                plan().node("Event", "e", List.of(field("endDateApproximate"))).expression());
    }

    /** datePrecision is computed from date, which every event projection carries: nothing more is read. */
    @Test
    void datePrecisionReadsOnlyTheDate() {
        Compiled compiled = plan().node("Event", "e", List.of(field("id"), field("datePrecision")));
        assertEquals("e {.id, .name, .kind, .date}", compiled.expression());
        Event month = (Event) compiled.reader().apply(Values.value(Map.of("id", "evt-z", "name", "测试", "kind", "VISIT",
                "date", "2023-10")));
        assertEquals(DatePrecision.MONTH, month.datePrecision());
    }

    @Test
    void theProjectionBuildsARecordThatAnswersIt() {
        Compiled compiled = plan().node("Event", "e", List.of(field("dateApproximate"), field("endDateApproximate")));
        Event around = (Event) compiled.reader().apply(Values.value(Map.of("id", "evt-x", "name", "测试", "kind", "VISIT",
                "date", "2023-10", "dateQualifier", "左右")));
        assertTrue(around.dateApproximate());
        assertFalse(around.endDateApproximate());
        Event endOfMonth = (Event) compiled.reader().apply(Values.value(Map.of("id", "evt-y", "name", "测试",
                "kind", "MEETING", "date", "2023-04", "dateQualifier", "月底")));
        assertFalse(endOfMonth.dateApproximate());
        assertEquals("月底", endOfMonth.dateQualifier());
    }

    @Test
    void aDerivedFieldIsComputedFromPlainFields() {
        assertThrows(IllegalArgumentException.class, () -> ReadCatalog.of(List.of(builder -> builder.shape("Event",
                "Event", List.of("id"), List.of("id"), Map.of("dateApproximate", List.of("dateQualifier")), Event::from))));
    }
}
