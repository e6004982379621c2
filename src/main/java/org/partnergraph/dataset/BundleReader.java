package org.partnergraph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentKind;
import org.partnergraph.fact.StatedFacts;
import org.partnergraph.privacy.PersonalData;
import org.partnergraph.timeline.DatePrecision;
import org.partnergraph.timeline.DateQualifier;
import org.partnergraph.timeline.StatusStatement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Reads a bundle (the JSON format of {@code dataset/README.md}) and checks every row before anything
 * is written. Its structure (sections, fields, types, lengths, slugs, kinds, ranges) is
 * {@code dataset/bundle.schema.json}, checked by a JSON Schema validator; this class adds what a
 * schema cannot say: references within the bundle and to what exists, citations of known documents,
 * real dates in order, stated totals, and no personal data. Every problem (row, field, reason) is
 * reported at once, so an editor fixes a bundle in one pass. Plain logic, no I/O: what already exists
 * in the stores comes in as {@link Known}.
 */
final class BundleReader {

    /** Ids and documents that already exist, so a bundle may reference what earlier bundles wrote. */
    record Known(Map<String, String> labelById, Set<String> documentIds) {
        static Known none() {
            return new Known(Map.of(), Set.of());
        }
    }

    static final String SCHEMA_FILE = "/dataset/bundle.schema.json";

    /** The node sections and their labels, in write order: what is referenced comes first. */
    static final Map<String, String> SECTION_LABELS = orderedMap(
            "regions", "Region",
            "organizations", "Organization",
            "departments", "Department",
            "majors", "Major",
            "agreements", "Agreement",
            "programmes", "Programme",
            "events", "Event",
            "statedCounts", "StatedCount");

    /** A field that links its row to another node; reversed when the target owns the row (a department). */
    private record Link(String field, String type, Set<String> labels, boolean incoming) {
    }

    private static final Map<String, List<Link>> LINKS = Map.of(
            "regions", List.of(new Link("parent", "PART_OF", Set.of("Region"), false)),
            "organizations", List.of(new Link("region", "LOCATED_IN", Set.of("Region"), false),
                    new Link("parent", "PART_OF", Set.of("Organization"), false)),
            "departments", List.of(new Link("organization", "HAS_DEPARTMENT", Set.of("Organization"), true)),
            "majors", List.of(new Link("organization", "OFFERS", Set.of("Organization"), true),
                    new Link("department", "OFFERS", Set.of("Department"), true)),
            "programmes", List.of(new Link("partOf", "PART_OF", Set.of("Programme"), false)),
            "events", List.of(new Link("region", "LOCATED_IN", Set.of("Region"), false)),
            "statedCounts", List.of(new Link("subject", "COUNTS", null, false)));

    /** Fields that become links or citations rather than properties of the row's own node or relationship. */
    private static final Set<String> NOT_STORED = Set.of("sources", "statusSources", "named", "attributes", "type",
            "from", "to", "parent", "region", "organization", "department", "partOf", "subject", "quantities", "awards",
            "facts", "furtherStatuses");
    /** Statements of a status after the row's first (status, statusDate, statusSources), in the order recorded. */
    private static final String FURTHER_STATUSES = "furtherStatuses";
    /** Lists whose items have fields and citations of their own (quantities, awards, facts: see fact/StatedFacts). */
    private static final List<String> ITEM_LISTS = List.of(StatedFacts.QUANTITIES, StatedFacts.AWARDS, StatedFacts.FACTS,
            FURTHER_STATUSES);
    /** The relationship types a status may be stated on: the partnerships. */
    private static final Set<RelationshipType> WITH_STATUS = Set.of(RelationshipType.PAIRED_WITH,
            RelationshipType.SUPPORTS, RelationshipType.CO_BUILDS);
    private static final Set<String> AMOUNTS = Set.of("fundingWan", "selfFundedWan", "statedTotalFundingWan");

    private static final String PERSONAL = "; personal data is never imported";

    private static final JsonNode SCHEMA_JSON = loadSchema();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA_FILE.substring(1)), SCHEMA_JSON);
    /** bundle, description, then the sections in the order they are read. */
    private static final List<String> TOP_LEVEL = names(SCHEMA_JSON.get("properties"));

    private final List<Problem> problems = new ArrayList<>();
    /** The schema's findings by row ("" for the bundle itself); the values they are about are left alone here. */
    private final Map<String, List<Error>> findings = new HashMap<>();
    private final Set<String> invalid = new HashSet<>();
    private final Set<String> notFinite = new HashSet<>();
    private final Map<String, String> labelById = new HashMap<>();
    private final Map<String, String> programmeParent = new HashMap<>();
    private final Set<String> documentIds = new HashSet<>();
    private final Known known;
    private String row = "bundle";
    private String at = "";

    private BundleReader(Known known) {
        this.known = known;
    }

    /** The bundle, or a {@link BundleRejectedException} listing every problem. */
    static Bundle read(JsonNode root, Known known) {
        if (root == null || !root.isObject()) {
            throw new BundleRejectedException("?", List.of(new Problem("bundle", "(root)", "must be a JSON object")));
        }
        BundleReader reader = new BundleReader(known);
        return reader.readAll(reader.normalized((ObjectNode) root));
    }

    private Bundle readAll(ObjectNode root) {
        validate(root);
        report("");

        // Pass 1: ids, so references may point forward within the bundle.
        eachRow(root, "documents", false, document -> {
            String id = text(document, "id");
            if (id != null && !documentIds.add(id)) {
                problem("id", "duplicate document id '" + id + "'");
            }
        });
        SECTION_LABELS.forEach((section, label) -> eachRow(root, section, false, node -> {
            String id = text(node, "id");
            if (id != null && labelById.containsKey(id)) {
                problem("id", "duplicate id '" + id + "' (also a " + labelById.get(id) + " in this bundle)");
            } else if (id != null && known.labelById().containsKey(id) && !known.labelById().get(id).equals(label)) {
                problem("id", "id '" + id + "' is already used by a " + known.labelById().get(id));
            }
            if (id != null) {
                labelById.putIfAbsent(id, label);
            }
        }));

        List<Document> documents = new ArrayList<>();
        eachRow(root, "documents", true, node -> documents.add(readDocument(node)));
        Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
        SECTION_LABELS.forEach((section, label) -> eachRow(root, section, true,
                node -> readNode(section, label, node, nodes, relationships)));
        Set<String> relationshipIds = new HashSet<>();
        eachRow(root, "relationships", true, node -> readRelationship(node, relationshipIds, relationships));
        checkStatedTotals(nodes.getOrDefault("Programme", List.of()));
        row = "bundle";
        List.of("bundle", "description").forEach(field -> rejectPersonalData(field, root.path(field)));
        for (String section : TOP_LEVEL) {
            if (!List.of("bundle", "description").contains(section)) {
                eachRow(root, section, false, node -> rejectPersonalData("", node));
            }
        }

        if (!problems.isEmpty()) {
            throw new BundleRejectedException(root.path("bundle").asText("?"), problems);
        }
        return new Bundle(root.path("bundle").asText(), documents, nodes, relationships);
    }

    // ---- rows ---------------------------------------------------------------------------------

    private Document readDocument(JsonNode node) {
        String kind = text(node, "kind");
        return new Document(text(node, "id"), text(node, "title"), text(node, "issuer"), text(node, "number"),
                date(node, "date"), kind == null ? null : DocumentKind.valueOf(kind), text(node, "excerpt"));
    }

    private void readNode(String section, String label, JsonNode node, Map<String, List<Map<String, Object>>> nodes,
            Map<String, List<Map<String, Object>>> relationships) {
        String id = text(node, "id");
        Map<String, Object> props = properties("", node);
        if (!"statedCounts".equals(section)) {
            // One text field for the full-text index: the official name, every alias, the English name.
            List<Object> all = new ArrayList<>(props.computeIfAbsent("shortNames", k -> List.of()) instanceof List<?> aliases
                    ? aliases : List.of());
            if (props.get("nameEn") instanceof String nameEn) {
                all.add(nameEn);
            }
            props.put("aliasText", all.stream().map(String::valueOf).collect(Collectors.joining(" / ")));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Link link : LINKS.getOrDefault(section, List.of())) {
            String target = ref(node, link.field(), link.labels());
            if ("partOf".equals(link.field()) && id != null && id.equals(target)) {
                problem("partOf", "a programme cannot be part of itself");
                continue;
            } else if ("partOf".equals(link.field()) && target != null) {
                programmeParent.put(id, target);
            }
            link(links, id, link.type(), target, link.incoming());
        }
        inOrder("date", date(node, "date"), "endDate", date(node, "endDate"));
        checkYear(node);
        checkDateQualifier(node, "dateQualifier", "date");
        checkDateQualifier(node, "endDateQualifier", "endDate");
        props.putAll(status(node));
        props.putAll(facts(node, false));
        JsonNode named = node.path("named");
        for (int i = 0; i < named.size(); i++) {
            link(links, id, "NAMES", reference("named", "/named/" + i, named.get(i), null), false);
        }
        if (props.get("count") instanceof Integer count && named.size() > count) {
            problem("named", named.size() + " named members but the stated count is " + count);
        }
        if (Boolean.TRUE.equals(props.get("openList")) && props.get("count") instanceof Integer count
                && named.size() >= count) {
            problem("openList", "an open list names only some members, but all " + count + " are named");
        }
        Map<String, Object> citations = sources(node);
        props.putAll(citations);
        nodes.computeIfAbsent(label, l -> new ArrayList<>()).add(props);
        for (Map<String, Object> link : links) {
            @SuppressWarnings("unchecked")
            Map<String, Object> linkProps = (Map<String, Object>) link.get("props");
            linkProps.putAll(citations);
            relationships.computeIfAbsent((String) link.get("type"), t -> new ArrayList<>()).add(link);
        }
    }

    /** A structural link (PART_OF, LOCATED_IN …) derived from a field. */
    private static void link(List<Map<String, Object>> links, String id, String type, String target, boolean incoming) {
        if (id != null && target != null) {
            String from = incoming ? target : id;
            String to = incoming ? id : target;
            Map<String, Object> props = new LinkedHashMap<>(Map.of("id", from + "~" + type + "~" + to, "derived", true));
            links.add(new LinkedHashMap<>(Map.of("type", type, "from", from, "to", to, "owner", id, "props", props)));
        }
    }

    private void readRelationship(JsonNode node, Set<String> ids, Map<String, List<Map<String, Object>>> relationships) {
        String id = text(node, "id");
        if (id != null && !ids.add(id)) {
            problem("id", "duplicate relationship id '" + id + "'");
        }
        if (id != null && labelById.containsKey(id)) {
            problem("id", "'" + id + "' is already the id of a " + labelById.get(id));
        }
        RelationshipType type = text(node, "type") == null ? null : RelationshipType.valueOf(text(node, "type"));
        String from = ref(node, "from", type == null ? null : type.fromLabels());
        String to = ref(node, "to", type == null ? null : type.toLabels());
        if (from != null && from.equals(to)) {
            problem("to", "a relationship cannot connect '" + from + "' to itself");
        }
        inOrder("since", date(node, "since"), "until", date(node, "until"));
        if (text(node, "endReason") != null && !node.has("until")) {
            problem("endReason", "is only for a relationship that has ended (until)");
        }
        ref(node, "programme", Set.of("Programme", "Agreement"));
        if (type != null && !WITH_STATUS.contains(type)) {
            for (String field : List.of("status", "statusDate", "statusSources", FURTHER_STATUSES)) {
                if (node.has(field)) {
                    problem(field, "only PAIRED_WITH, SUPPORTS and CO_BUILDS have a status");
                }
            }
        }
        Map<String, Object> props = properties("", node);
        props.putAll(status(node));
        props.putAll(properties("attributes.", node.path("attributes")));
        node.path("attributes").fields().forEachRemaining(attribute -> {
            JsonNode value = attribute.getValue();
            props.computeIfPresent(attribute.getKey(), (k, v) -> value.isIntegralNumber() ? value.asLong() : v);
        });
        props.putAll(facts(node, type == RelationshipType.PARTICIPATED_IN && "AWARDEE".equals(text(node, "role"))));
        props.putAll(sources(node));
        if (type != null && from != null && to != null) {
            relationships.computeIfAbsent(type.name(), t -> new ArrayList<>())
                    .add(new LinkedHashMap<>(Map.of("type", type.name(), "from", from, "to", to, "props", props)));
        }
    }

    /**
     * Where a fact comes from, as stored: parallel lists, because Neo4j properties cannot hold maps;
     * {@code implied} when every citation is.
     */
    private Map<String, Object> sources(JsonNode node) {
        return citations(node, "sources");
    }

    private Map<String, Object> citations(JsonNode node, String field) {
        List<String> documents = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        List<Boolean> implied = new ArrayList<>();
        JsonNode sources = node.path(field);
        for (int i = 0; i < sources.size(); i++) {
            String document = text(sources.get(i), "document", "/" + field + "/" + i + "/document");
            if (document != null && !documentIds.contains(document) && !known.documentIds().contains(document)) {
                problem(field + "[" + i + "].document", "unknown document '" + document + "'");
            }
            documents.add(sources.get(i).path("document").asText(null));
            quotes.add(sources.get(i).path("quote").asText(null));
            implied.add(sources.get(i).path("implied").asBoolean(false));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if ("sources".equals(field)) {
            props.put("sources", documents);
            props.put("quotes", quotes);
            props.put("impliedFlags", implied);
            props.put("implied", !implied.isEmpty() && !implied.contains(false));
        } else {
            props.put("statusSources", documents);
            props.put("statusQuotes", quotes);
            props.put("statusImpliedFlags", implied);
        }
        return props;
    }

    /**
     * A stated status, its date and its citations, as stored; nothing when the row states none. A status
     * is never without the quote that states it, and a date or a citation is never without the status it
     * dates or cites: an unknown status stays absent rather than half stated. The row's status, statusDate and
     * statusSources are its first statement, furtherStatuses those recorded after it; every statement is stored
     * in the history lists and the latest (timeline.StatusStatement#LATEST) as status, statusDate and
     * statusSources (see timeline.StatusStatement for why these forms). Two statements of the same status, date
     * and document say one thing twice: refused.
     */
    private Map<String, Object> status(JsonNode node) {
        boolean status = node.has("status");
        String date = date(node, "statusDate");
        if (status && !node.has("statusSources")) {
            problem("statusSources", "a status needs the source that states it ({document, quote})");
        }
        if (!status && node.has("statusDate")) {
            problem("statusDate", "a status date needs the status it dates (status)");
        }
        if (!status && node.has("statusSources")) {
            problem("statusSources", "cites a status, but the row states none (status)");
        }
        if (date != null && !node.has("statusSources")) {
            problem("statusDate", "a status date needs the source that states it (statusSources)");
        }
        JsonNode further = node.path(FURTHER_STATUSES);
        if (!further.isEmpty() && !(status && node.has("statusSources"))) {
            problem(FURTHER_STATUSES, "further statements need the first one (status, statusSources)");
        }
        if (!(status && node.has("statusSources"))) {
            return Map.of();
        }
        List<String> statuses = new ArrayList<>(List.of(node.path("status").asText()));
        List<String> dates = new ArrayList<>(Collections.singletonList(date));
        List<Map<String, Object>> citations = new ArrayList<>(List.of(citations(node, "statusSources")));
        for (int i = 0; i < further.size(); i++) {
            JsonNode item = further.get(i);
            String field = FURTHER_STATUSES + "[" + i + "]";
            String pointer = "/" + FURTHER_STATUSES + "/" + i;
            String itemDate = text(item, "date", pointer + "/date");
            if (itemDate != null && !PartialDates.valid(itemDate)) {
                problem(field + ".date", "'" + itemDate + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                itemDate = null;
            }
            statuses.add(item.path("status").asText());
            dates.add(itemDate);
            Map<String, Object> stated = new LinkedHashMap<>();
            ArrayNode sources = factCitations(item, field, pointer);
            stated.put("statusSources", texts(sources, "document"));
            stated.put("statusQuotes", texts(sources, "quote"));
            List<Boolean> implied = new ArrayList<>();
            sources.forEach(source -> implied.add(source.path("implied").asBoolean(false)));
            stated.put("statusImpliedFlags", implied);
            citations.add(stated);
        }
        for (int i = 1; i < statuses.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (statuses.get(i).equals(statuses.get(j)) && Objects.equals(dates.get(i), dates.get(j))
                        && !Collections.disjoint(documents(citations.get(i)), documents(citations.get(j)))) {
                    problem(FURTHER_STATUSES + "[" + (i - 1) + "]", statuses.get(i) + (dates.get(i) == null ? ", undated,"
                            : " on " + dates.get(i)) + " is already stated by the same document ("
                            + (j == 0 ? "status" : FURTHER_STATUSES + "[" + (j - 1) + "]") + ")");
                }
            }
        }
        int latest = StatusStatement.latest(dates);
        Map<String, Object> props = new LinkedHashMap<>(citations.get(latest));
        props.put("status", statuses.get(latest));
        if (dates.get(latest) != null) {
            props.put("statusDate", dates.get(latest));
        }
        List<String> stored = new ArrayList<>();
        for (Map<String, Object> stated : citations) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            List<?> documents = (List<?>) stated.get("statusSources");
            for (int k = 0; k < documents.size(); k++) {
                ObjectNode citation = items.addObject();
                citation.put("document", (String) documents.get(k));
                citation.put("quote", (String) ((List<?>) stated.get("statusQuotes")).get(k));
                citation.put("implied", (Boolean) ((List<?>) stated.get("statusImpliedFlags")).get(k));
            }
            stored.add(StatedFacts.stored(items));
        }
        props.put("statusHistoryStatuses", statuses);
        props.put("statusHistoryDates", dates.stream().map(d -> d == null ? "" : d).toList());
        props.put("statusHistoryCitations", stored);
        return props;
    }

    private static List<?> documents(Map<String, Object> citations) {
        return (List<?>) citations.get("statusSources");
    }

    /** The texts of {@code field} in each item of {@code items}. */
    private static List<String> texts(ArrayNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText(null)));
        return texts;
    }

    /**
     * The row's stated quantities, awards and facts, as stored (one JSON text each, see fact/StatedFacts). The
     * schema checks their shapes, measures, fact names, ranges, lengths and qualifiers; here: an approximate number
     * never without the qualifier the document writes, a qualifier never on an exact one, one quantity per measure,
     * citations of known documents, awards only where an awardee took part in a contest, and no fact that is a
     * number alone (numbers are quantities).
     */
    private Map<String, Object> facts(JsonNode node, boolean mayAward) {
        Map<String, Object> props = new LinkedHashMap<>();
        Set<String> measures = new HashSet<>();
        JsonNode quantities = node.path(StatedFacts.QUANTITIES);
        ArrayNode stored = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < quantities.size(); i++) {
            JsonNode item = quantities.get(i);
            String field = "quantities[" + i + "]";
            String pointer = "/quantities/" + i;
            String measure = text(item, "measure", pointer + "/measure");
            if (measure != null && !measures.add(measure)) {
                problem(field + ".measure", "'" + measure + "' is stated twice; one quantity per measure");
            }
            String qualifier = text(item, "qualifier", pointer + "/qualifier");
            JsonNode approximate = item.path("approximate");
            if (approximate.isBoolean() && approximate.asBoolean() && !item.has("qualifier")) {
                problem(field + ".qualifier", "an approximate number needs its qualifier as written (one of "
                        + String.join(", ", new TreeSet<>(StatedFacts.QUALIFIERS)) + ")");
            }
            if (approximate.isBoolean() && !approximate.asBoolean() && qualifier != null) {
                problem(field + ".approximate", "must be true with qualifier '" + qualifier + "'");
            }
            ObjectNode quantity = stored.addObject();
            for (String part : List.of("measure", "value", "unit")) {
                copy(item, quantity, part);
            }
            quantity.put("approximate", item.has("qualifier"));
            copy(item, quantity, "qualifier");
            quantity.set("sources", factCitations(item, field, pointer));
        }
        if (!quantities.isEmpty()) {
            props.put(StatedFacts.QUANTITIES, StatedFacts.stored(stored));
        }
        JsonNode awards = node.path(StatedFacts.AWARDS);
        if (!awards.isEmpty() && !mayAward) {
            problem("awards", "only a PARTICIPATED_IN with role AWARDEE states awards");
        }
        ArrayNode storedAwards = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < awards.size(); i++) {
            JsonNode item = awards.get(i);
            ObjectNode award = storedAwards.addObject();
            for (String field : List.of("level", "count", "unit", "category")) {
                copy(item, award, field);
            }
            award.set("sources", factCitations(item, "awards[" + i + "]", "/awards/" + i));
        }
        if (!awards.isEmpty()) {
            props.put(StatedFacts.AWARDS, StatedFacts.stored(storedAwards));
        }
        JsonNode facts = node.path(StatedFacts.FACTS);
        ArrayNode storedFacts = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < facts.size(); i++) {
            JsonNode item = facts.get(i);
            String field = "facts[" + i + "]";
            String value = text(item, "value", "/facts/" + i + "/value");
            if (value != null && StatedFacts.isBareNumber(value)) {
                problem(field + ".value", "'" + value + "' is a number alone; a number goes in quantities (measure, value, "
                        + "unit, qualifier), a fact carries the text around it");
            }
            ObjectNode fact = storedFacts.addObject();
            copy(item, fact, "name");
            copy(item, fact, "value");
            fact.set("sources", factCitations(item, field, "/facts/" + i));
        }
        if (!facts.isEmpty()) {
            props.put(StatedFacts.FACTS, StatedFacts.stored(storedFacts));
        }
        return props;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    /** An item's citations as stored with it, each of a known document. */
    private ArrayNode factCitations(JsonNode item, String field, String pointer) {
        ArrayNode stored = JsonNodeFactory.instance.arrayNode();
        JsonNode sources = item.path("sources");
        for (int j = 0; j < sources.size(); j++) {
            String document = text(sources.get(j), "document", pointer + "/sources/" + j + "/document");
            if (document != null && !documentIds.contains(document) && !known.documentIds().contains(document)) {
                problem(field + ".sources[" + j + "].document", "unknown document '" + document + "'");
            }
            ObjectNode citation = stored.addObject();
            copy(sources.get(j), citation, "document");
            copy(sources.get(j), citation, "quote");
            citation.put("implied", sources.get(j).path("implied").asBoolean(false));
        }
        return stored;
    }

    /** A programme's finer date lies in its year, when both are given. */
    private void checkYear(JsonNode node) {
        String date = text(node, "date");
        JsonNode year = node.path("year");
        if (date != null && year.isInt() && node.has("category") && PartialDates.valid(date)
                && Integer.parseInt(date.substring(0, 4)) != year.asInt()) {
            problem("date", "'" + date + "' is not in year " + year.asInt());
        }
    }

    /**
     * A date's qualifier (the schema lists the written forms) qualifies a date the row gives, of the precision it
     * narrows: 月底 a month, 年底 a year (timeline.DateQualifier is the table).
     */
    private void checkDateQualifier(JsonNode node, String field, String dateField) {
        String written = text(node, field);
        DateQualifier qualifier = written == null ? null : DateQualifier.of(written).orElse(null);
        if (qualifier == null) {
            return;
        }
        if (!node.has(dateField)) {
            problem(field, "a date qualifier needs the date it qualifies (" + dateField + ")");
            return;
        }
        String date = text(node, dateField);
        if (qualifier.precision() != null && date != null && PartialDates.valid(date)
                && DatePrecision.of(date) != qualifier.precision()) {
            problem(field, "'" + written + "' qualifies a " + qualifier.precision().name().toLowerCase() + " ("
                    + (qualifier.precision() == DatePrecision.MONTH ? "YYYY-MM" : "YYYY") + "), but " + dateField + " is '"
                    + date + "'");
        }
    }

    // ---- rules a schema cannot state ----------------------------------------------------------

    /** A stated total (合计) is kept as data, and must agree with the rows that make it up. */
    private void checkStatedTotals(List<Map<String, Object>> programmes) {
        Map<Object, Double> sums = new HashMap<>();
        for (Map<String, Object> programme : programmes) {
            String parent = programmeParent.get(programme.get("id"));
            if (parent != null && programme.get("fundingWan") instanceof Double funding) {
                sums.merge(parent, funding, Double::sum);
            }
        }
        for (Map<String, Object> programme : programmes) {
            Double sum = sums.get(programme.get("id"));
            if (programme.get("statedTotalFundingWan") instanceof Double stated && sum != null
                    && Math.abs(sum - stated) > 0.001) {
                row = "programmes (" + programme.get("id") + ")";
                problem("statedTotalFundingWan", "stated total " + stated + " differs from the rows' sum " + sum);
            }
        }
    }

    /**
     * Every text, attribute name and number of the row, wherever it would be stored (ids, names, quotes,
     * schemes, document numbers, attributes), against the one personal-data policy. Amounts in 万元 are
     * money, not digits to dial.
     */
    private void rejectPersonalData(String field, JsonNode value) {
        if (value.isTextual()) {
            PersonalData.findings(value.asText()).forEach(reason -> problem(field, reason + PERSONAL));
        } else if (value.isNumber() && !AMOUNTS.contains(field)) {
            PersonalData.findings(value.asDouble()).forEach(reason -> problem(field, reason + PERSONAL));
        } else if (value.isArray()) {
            Set<String> reasons = new LinkedHashSet<>();
            for (int i = 0; i < value.size(); i++) {
                if ("sources".equals(field) || "statusSources".equals(field) || field.endsWith(".sources")
                        || ITEM_LISTS.contains(field)) {
                    rejectPersonalData(field + "[" + i + "]", value.get(i));
                } else if (value.get(i).isTextual()) {
                    reasons.addAll(PersonalData.findings(value.get(i).asText()));
                }
            }
            // A list (shortNames, named) is reported as a whole, as the schema's findings are.
            reasons.forEach(reason -> problem(field, reason + PERSONAL));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(entry -> {
                String name = field.isEmpty() ? entry.getKey() : field + "." + entry.getKey();
                PersonalData.findings(entry.getKey()).forEach(reason -> problem(name, "the name " + reason + PERSONAL));
                rejectPersonalData(name, entry.getValue());
            });
        }
    }

    /** The second date does not lie before the first (each already checked by {@link #date}). */
    private void inOrder(String firstField, String first, String secondField, String second) {
        if (first != null && second != null && PartialDates.before(second, first)) {
            problem(secondField, "'" + second + "' is before " + firstField + " '" + first + "'");
        }
    }

    /** A date the schema accepted in shape that also exists in the calendar (not 2024-02-30). */
    private String date(JsonNode node, String field) {
        String text = text(node, field);
        if (text != null && !PartialDates.valid(text)) {
            problem(field, "'" + text + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        return text;
    }

    /** Resolves an id against this bundle, then the graph; checks its label when labels are given. */
    private String reference(String field, String pointer, JsonNode value, Set<String> labels) {
        String id = value == null || !value.isTextual() || invalid.contains(at + pointer) ? null : value.asText();
        String label = id == null ? null : labelById.getOrDefault(id, known.labelById().get(id));
        if (id != null && label == null) {
            problem(field, "unknown reference '" + id + "'");
        } else if (id != null && labels != null && !labels.contains(label)) {
            problem(field, "'" + id + "' is a " + label + "; expected " + String.join(" or ", labels));
        }
        return label == null || (labels != null && !labels.contains(label)) ? null : id;
    }

    private String ref(JsonNode node, String field, Set<String> labels) {
        return reference(field, "/" + field, node.get(field), labels);
    }

    /** The field's text when the schema accepted it, else null (the schema has reported it). */
    private String text(JsonNode node, String field) {
        return text(node, field, "/" + field);
    }

    private String text(JsonNode node, String field, String pointer) {
        JsonNode value = node.path(field);
        return value.isTextual() && !invalid.contains(at + pointer) ? value.asText() : null;
    }

    /** The row's own values as stored: amounts as decimals, counts as whole numbers; no infinite attribute. */
    private Map<String, Object> properties(String prefix, JsonNode node) {
        Map<String, Object> props = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isFloatingPointNumber() && !Double.isFinite(value.asDouble())) {
                problem(prefix + field.getKey(), "must be a finite number");
            }
            if (!NOT_STORED.contains(field.getKey()) || !prefix.isEmpty()) {
                props.put(field.getKey(), value.isArray() ? names(value)
                        : value.isTextual() ? value.asText()
                        : value.isIntegralNumber() && !AMOUNTS.contains(field.getKey()) ? (Object) value.asInt()
                        : value.isNumber() ? value.asDouble()
                        : value.isBoolean() ? value.asBoolean() : null);
            }
        });
        props.values().removeIf(Objects::isNull);
        return props;
    }

    private void eachRow(JsonNode root, String section, boolean report, Consumer<JsonNode> reader) {
        JsonNode rows = root.path(section);
        for (int i = 0; rows.isArray() && i < rows.size(); i++) {
            row = rowName(section, i, rows.get(i));
            at = "/" + section + "/" + i;
            if (report) {
                report(at);
            }
            if (rows.get(i).isObject()) {
                reader.accept(rows.get(i));
            }
        }
    }

    private static String rowName(String section, int index, JsonNode node) {
        String id = node.path("id").asText("");
        return section + "[" + index + "]" + (id.isEmpty() ? "" : " (" + id + ")");
    }

    private void problem(String field, String reason) {
        problems.add(new Problem(row, field, reason));
    }

    // ---- the schema's findings, in the importer's words ---------------------------------------

    /** Lists reported as a whole: a fault in an item is a fault of the list. */
    private static final Map<String, String> LISTS = Map.of("shortNames", "must be a list of strings",
            "named", "must be a list of ids", "sources", "at least one source {document, quote} is required");
    private static final Map<String, String> TYPES = Map.of("string", "must be a string",
            "integer", "must be a whole number", "number", "must be a number (万元)", "boolean", "must be true or false",
            "object", "must be an object", "array", "must be a list",
            "[\"string\",\"number\",\"boolean\"]", "must be a string, number or boolean");
    /** By the schema definition a pattern belongs to; any other pattern is the one against control characters. */
    private static final Map<String, String> PATTERNS = Map.of(
            "id", "'%s' is not a lowercase slug (a-z, 0-9, single dashes)",
            "bundleId", "must be a lowercase slug (a-z, 0-9, single dashes)",
            "date", "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");

    /**
     * Validates once and files the findings by row. A value of the wrong type, or a blank one, is
     * reported for that alone, not once more for every other keyword it then fails.
     */
    private void validate(JsonNode root) {
        Map<String, List<Error>> byPlace = SCHEMA.validate(root).stream()
                .collect(Collectors.groupingBy(e -> e.getInstanceLocation().toString(), LinkedHashMap::new, Collectors.toList()));
        for (List<Error> errors : byPlace.values()) {
            List<Error> type = errors.stream().filter(e -> "type".equals(e.getKeyword())).toList();
            List<Error> blank = errors.stream().filter(e -> "minLength".equals(e.getKeyword())).toList();
            for (Error error : !type.isEmpty() ? type : !blank.isEmpty() ? blank : errors) {
                List<Object> path = path(error);
                if (notFinite.contains(pointer(path))) {
                    continue;
                }
                invalid.add(pointer(path));
                boolean inRow = path.size() >= 2 && path.get(1) instanceof Integer;
                findings.computeIfAbsent(inRow ? pointer(path.subList(0, 2)) : "", k -> new ArrayList<>()).add(error);
            }
        }
    }

    private void report(String rowPointer) {
        for (Error error : findings.getOrDefault(rowPointer, List.of())) {
            List<Object> path = path(error);
            path = rowPointer.isEmpty() ? path : path.subList(2, path.size());
            StringBuilder field = new StringBuilder();
            for (Object element : path) {
                field.append(element instanceof Integer index ? LISTS.containsKey(field.toString())
                        && !"sources".contentEquals(field) ? "" : "[" + index + "]"
                        : (field.isEmpty() ? "" : ".") + element);
            }
            problems.add(new Problem(rowPointer.isEmpty() ? "bundle" : row, field.isEmpty() ? "(row)" : field.toString(),
                    reason(error, path)));
        }
    }

    private static String reason(Error error, List<Object> path) {
        String field = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
        Object list = path.size() >= 2 && path.get(path.size() - 1) instanceof Integer ? path.get(path.size() - 2) : "";
        boolean listItem = LISTS.containsKey(list) && !"sources".equals(list);
        JsonNode value = error.getInstanceNode();
        List<Object> location = elements(error.getSchemaLocation().getFragment());
        JsonNode schema = SCHEMA_JSON.at(pointer(location.subList(0, Math.max(0, location.size() - 1))));
        String definition = location.size() > 2 && "$defs".equals(location.get(0)) ? (String) location.get(1) : "";
        return switch (error.getKeyword()) {
            case "required" -> "sources".equals(field) ? LISTS.get(field)
                    : "quote".equals(field) ? "a short supporting quote is required" : "is required";
            case "minItems" -> LISTS.get("sources");
            case "minLength" -> listItem ? "must contain only non-blank strings"
                    : "quote".equals(field) ? "a short supporting quote is required"
                    : "document".equals(field) ? "is required" : "must not be blank";
            case "additionalProperties" -> definition.isEmpty() ? "unknown section; expected one of " + TOP_LEVEL
                    : "unknown field";
            case "type" -> listItem ? "must contain only non-blank strings"
                    : "attributes".equals(field) ? "must be an object of plain values"
                    : schema.path("type").asText().equals("array") ? LISTS.getOrDefault(field, TYPES.get("array"))
                    : TYPES.getOrDefault(schema.path("type").isArray() ? schema.path("type").toString()
                            : schema.path("type").asText(), error.getMessage());
            case "maxLength" -> "longer than " + schema.path("maxLength").asInt() + " characters";
            case "pattern" -> PATTERNS.getOrDefault(definition, "contains control characters").formatted(value.asText());
            case "enum" -> value.asText().isEmpty() ? "must not be blank"
                    : "unknown value '" + value.asText() + "'; expected one of " + names(schema.path("enum"));
            case "minimum", "maximum" -> value.asDouble() < 0 && schema.path("minimum").asDouble() >= 0
                    ? "must not be negative"
                    : "must be between " + schema.path("minimum").asText() + " and " + schema.path("maximum").asText();
            case "propertyNames" -> "not an allowed attribute name";
            default -> error.getMessage();
        };
    }

    /** Where in the bundle a finding is: the instance location, with the property a required or unknown field names. */
    private static List<Object> path(Error error) {
        List<Object> path = elements(error.getInstanceLocation());
        if (error.getProperty() != null) {
            path.add(error.getProperty());
        }
        return path;
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    private static String pointer(List<Object> elements) {
        return elements.stream().map(e -> "/" + e).collect(Collectors.joining());
    }

    // ---- normalising, and the schema file -----------------------------------------------------

    /**
     * Text as editors mean it: surrounding whitespace stripped, and a blank or null optional field is
     * absent (a blank required one stays, to be reported as blank). The caller's JSON is not changed.
     * JSON has no infinite numbers, but a parsed 1e999 or a mutation's Float becomes one, which the
     * validator cannot compare: such a field is reported here and taken out.
     */
    private ObjectNode normalized(ObjectNode input) {
        ObjectNode root = input.deepCopy();
        strip(root, "bundle", true);
        for (String section : TOP_LEVEL) {
            Set<String> required = Set.copyOf(names(SCHEMA_JSON.at("/$defs/" + section + "/required")));
            JsonNode rows = root.path(section).isArray() ? root.path(section) : JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                for (String field : row.isObject() ? names(row) : List.<String>of()) {
                    if (row.get(field).isFloatingPointNumber() && !Double.isFinite(row.get(field).asDouble())) {
                        problems.add(new Problem(rowName(section, i, row), field, "must be a finite number"));
                        notFinite.add("/" + section + "/" + i + "/" + field);
                        ((ObjectNode) row).remove(field);
                    }
                    strip(row, field, required.contains(field));
                }
                for (String citations : List.of("sources", "statusSources")) {
                    for (JsonNode source : row.path(citations)) {
                        strip(source, "document", true);
                        strip(source, "quote", true);
                    }
                }
                for (String facts : ITEM_LISTS) {
                    JsonNode items = row.path(facts);
                    for (int j = 0; items.isArray() && j < items.size(); j++) {
                        JsonNode item = items.get(j);
                        for (String field : item.isObject() ? names(item) : List.<String>of()) {
                            if (item.get(field).isFloatingPointNumber() && !Double.isFinite(item.get(field).asDouble())) {
                                String at = facts + "[" + j + "]." + field;
                                problems.add(new Problem(rowName(section, i, row), at, "must be a finite number"));
                                notFinite.add("/" + section + "/" + i + "/" + facts + "/" + j + "/" + field);
                                ((ObjectNode) item).remove(field);
                                continue;
                            }
                            strip(item, field, List.of("measure", "level", "name", "value").contains(field));
                        }
                        for (JsonNode source : item.path("sources")) {
                            strip(source, "document", true);
                            strip(source, "quote", true);
                        }
                    }
                }
            }
        }
        return root;
    }

    private static void strip(JsonNode node, String field, boolean required) {
        if (!(node instanceof ObjectNode object) || !object.has(field)) {
            return;
        }
        JsonNode value = object.get(field);
        if (value.isNull() || value.isTextual() && value.asText().isBlank() && !required) {
            object.remove(field);
        } else if (value.isTextual()) {
            object.put(field, value.asText().strip());
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isTextual()) {
                    ((ArrayNode) value).set(i, TextNode.valueOf(value.get(i).asText().strip()));
                }
            }
        }
    }

    private static JsonNode loadSchema() {
        try (InputStream in = BundleReader.class.getResourceAsStream(SCHEMA_FILE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Field names of an object, or the texts of an array. */
    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(item -> names.add(item.asText()));
        }
        return names;
    }

    /** Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the documents give them. */
    static final class PartialDates {
        private PartialDates() {
        }

        static boolean valid(String date) {
            try {
                first(date);
                return true;
            } catch (DateTimeParseException | NumberFormatException e) {
                return false;
            }
        }

        /** True when all of {@code a} lies before the start of {@code b}. */
        static boolean before(String a, String b) {
            return last(a).isBefore(first(b));
        }

        static LocalDate first(String date) {
            return switch (date.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
                case 7 -> YearMonth.parse(date).atDay(1);
                default -> LocalDate.parse(date);
            };
        }

        static LocalDate last(String date) {
            return switch (date.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
                case 7 -> YearMonth.parse(date).atEndOfMonth();
                default -> LocalDate.parse(date);
            };
        }
    }
}
