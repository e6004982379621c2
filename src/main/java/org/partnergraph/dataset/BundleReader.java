package org.partnergraph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@code dataset/bundle.schema.json}, checked by a JSON Schema validator; this class checks what a
 * schema cannot say: references within the bundle and to what exists, citations of known documents,
 * dates in order, stated totals, and that no personal data comes in. It does not stop at the first
 * fault: every problem (row, field, reason) is reported at once, so an editor fixes a bundle in one
 * pass. Plain logic, no I/O: what already exists in the stores comes in as {@link Known}.
 */
final class BundleReader {

    /** Ids and documents that already exist, so a bundle may reference what earlier bundles wrote. */
    record Known(Map<String, String> labelById, Set<String> documentIds) {
        static Known none() {
            return new Known(Map.of(), Set.of());
        }
    }

    static final String SCHEMA_FILE = "/dataset/bundle.schema.json";

    static final Map<String, String> SECTION_LABELS = orderedMap(
            "regions", "Region",
            "organizations", "Organization",
            "departments", "Department",
            "majors", "Major",
            "agreements", "Agreement",
            "programmes", "Programme",
            "events", "Event",
            "statedCounts", "StatedCount");

    /** A field that links its row to another node (a structural link); reversed when the target owns the row. */
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

    /** Fields that are not stored as properties of the row's own node or relationship. */
    private static final Set<String> NOT_STORED = Set.of("sources", "named", "attributes", "type", "from", "to",
            "parent", "region", "organization", "department", "partOf", "subject");
    private static final Set<String> AMOUNTS = Set.of("fundingWan", "selfFundedWan", "statedTotalFundingWan");
    private static final Set<String> DATES = Set.of("date", "endDate", "since", "until");

    /**
     * Seven or more digits in a row (single spaces allowed) is how phone numbers look in the documents
     * (3121746, 23116628). Dashes do not join digits: 2018-2020 is a period, not a number.
     */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\d(?: ?\\d){6,}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> PERSONAL_MARKERS = List.of("联系人", "联系电话", "电话：", "电话:");

    private static final JsonNode SCHEMA_JSON = loadSchema();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA_FILE.substring(1)), SCHEMA_JSON);
    /** bundle, description, then the sections in the order they are read. */
    private static final List<String> SECTIONS_AND_FIELDS = names(SCHEMA_JSON.get("properties"));

    private final List<Problem> problems = new ArrayList<>();
    /** Where the schema found a fault: this class leaves those values alone. */
    private final Set<String> invalid = new HashSet<>();
    private final Map<String, String> labelById = new HashMap<>();
    private final Map<String, String> programmeParent = new HashMap<>();
    private final Set<String> documentIds = new LinkedHashSet<>();
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
        return new BundleReader(known).readAll(normalized((ObjectNode) root));
    }

    private Bundle readAll(ObjectNode root) {
        SCHEMA.validate(root).stream().collect(Collectors.groupingBy(e -> e.getInstanceLocation().toString(),
                LinkedHashMap::new, Collectors.toList())).values().forEach(errors -> schemaProblems(root, errors));

        // Pass 1: ids, so references may point forward within the bundle.
        eachRow(root, "documents", document -> {
            String id = text(document, "id");
            if (id != null && !documentIds.add(id)) {
                problem("id", "duplicate document id '" + id + "'");
            }
        });
        SECTION_LABELS.forEach((section, label) -> eachRow(root, section, node -> {
            String id = text(node, "id");
            if (id == null) {
                return;
            }
            if (labelById.containsKey(id)) {
                problem("id", "duplicate id '" + id + "' (also a " + labelById.get(id) + " in this bundle)");
            } else if (known.labelById().containsKey(id) && !known.labelById().get(id).equals(label)) {
                problem("id", "id '" + id + "' is already used by a " + known.labelById().get(id));
            }
            labelById.putIfAbsent(id, label);
        }));

        List<Document> documents = new ArrayList<>();
        eachRow(root, "documents", node -> documents.add(readDocument(node)));
        Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
        SECTION_LABELS.forEach((section, label) -> eachRow(root, section,
                node -> readNode(section, label, node, nodes, relationships)));
        Set<String> relationshipIds = new HashSet<>();
        eachRow(root, "relationships", node -> readRelationship(node, relationshipIds, relationships));
        checkStatedTotals(nodes.getOrDefault("Programme", List.of()));

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> SECTIONS_AND_FIELDS.indexOf(p.row().replaceAll("[ \\[].*", "")))
                    .thenComparingInt(p -> p.row().matches("\\w+\\[\\d+].*") ? Integer.parseInt(p.row().replaceAll("\\D*(\\d+).*", "$1")) : -1));
            String bundleId = root.path("bundle").isTextual() ? root.path("bundle").asText() : "?";
            throw new BundleRejectedException(bundleId, problems);
        }
        return new Bundle(root.path("bundle").asText(), documents, nodes, relationships);
    }

    // ---- rows ---------------------------------------------------------------------------------

    private Document readDocument(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("title", "issuer", "excerpt")) {
            fields.put(field, text(node, field));
        }
        rejectPersonalData(fields);
        String kind = text(node, "kind");
        return new Document(text(node, "id"), text(node, "title"), text(node, "issuer"), text(node, "number"),
                date(node, "date"), kind == null ? null : DocumentKind.valueOf(kind), text(node, "excerpt"));
    }

    private void readNode(String section, String label, JsonNode node, Map<String, List<Map<String, Object>>> nodes,
            Map<String, List<Map<String, Object>>> relationships) {
        String id = text(node, "id");
        rejectNonFinite("", node);
        Map<String, Object> props = properties(node);
        if (!"statedCounts".equals(section)) {
            // One text field for the full-text index: the official name, every alias, the English name.
            @SuppressWarnings("unchecked")
            List<String> shortNames = (List<String>) props.computeIfAbsent("shortNames", k -> List.of());
            List<String> all = new ArrayList<>(shortNames);
            if (props.get("nameEn") instanceof String nameEn) {
                all.add(nameEn);
            }
            props.put("aliasText", String.join(" / ", all));
        }
        List<Map<String, Object>> structural = new ArrayList<>();
        for (Link link : LINKS.getOrDefault(section, List.of())) {
            String target = ref(node, link.field(), link.labels());
            if ("partOf".equals(link.field()) && target != null && target.equals(id)) {
                problem("partOf", "a programme cannot be part of itself");
                continue;
            } else if ("partOf".equals(link.field()) && target != null) {
                programmeParent.put(id, target);
            }
            link(structural, id, link.type(), target, link.incoming());
        }
        String date = date(node, "date");
        String endDate = date(node, "endDate");
        if (date != null && endDate != null && PartialDates.before(endDate, date)) {
            problem("endDate", "'" + endDate + "' is before date '" + date + "'");
        }
        if ("statedCounts".equals(section)) {
            JsonNode named = node.path("named");
            for (int i = 0; i < named.size(); i++) {
                link(structural, id, "NAMES", reference("named", "/named/" + i, named.get(i), null), false);
            }
            if (props.get("count") instanceof Integer count && named.size() > count) {
                problem("named", named.size() + " named members but the stated count is " + count);
            }
        }
        Citations citations = sources(node);
        props.putAll(citations.asProperties());
        props.values().removeIf(Objects::isNull);
        rejectPersonalData(props);
        nodes.computeIfAbsent(label, l -> new ArrayList<>()).add(props);
        for (Map<String, Object> rel : structural) {
            @SuppressWarnings("unchecked")
            Map<String, Object> relProps = (Map<String, Object>) rel.get("props");
            relProps.putAll(citations.asProperties());
            relationships.computeIfAbsent((String) rel.get("type"), t -> new ArrayList<>()).add(rel);
        }
    }

    /** A structural link (PART_OF, LOCATED_IN …) derived from a field; reversed when the target owns the node. */
    private static void link(List<Map<String, Object>> links, String id, String type, String target, boolean incoming) {
        if (id == null || target == null) {
            return;
        }
        String from = incoming ? target : id;
        String to = incoming ? id : target;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", from + "~" + type + "~" + to);
        props.put("derived", true);
        Map<String, Object> rel = new LinkedHashMap<>();
        rel.put("type", type);
        rel.put("from", from);
        rel.put("to", to);
        rel.put("owner", id);
        rel.put("props", props);
        links.add(rel);
    }

    private void readRelationship(JsonNode node, Set<String> ids, Map<String, List<Map<String, Object>>> relationships) {
        String id = text(node, "id");
        if (id != null && !ids.add(id)) {
            problem("id", "duplicate relationship id '" + id + "'");
        }
        if (id != null && labelById.containsKey(id)) {
            problem("id", "'" + id + "' is already the id of a " + labelById.get(id));
        }
        String typeName = text(node, "type");
        RelationshipType type = typeName == null ? null : RelationshipType.valueOf(typeName);
        String from = ref(node, "from", type == null ? null : type.fromLabels());
        String to = ref(node, "to", type == null ? null : type.toLabels());
        if (from != null && from.equals(to)) {
            problem("to", "a relationship cannot connect '" + from + "' to itself");
        }
        String since = date(node, "since");
        String until = date(node, "until");
        if (since != null && until != null && PartialDates.before(until, since)) {
            problem("until", "'" + until + "' is before since '" + since + "'");
        }
        if (text(node, "endReason") != null && node.path("until").isMissingNode()) {
            problem("endReason", "is only for a relationship that has ended (until)");
        }
        ref(node, "programme", Set.of("Programme", "Agreement"));
        rejectNonFinite("attributes.", node.path("attributes"));
        Map<String, Object> props = properties(node);
        node.path("attributes").fields().forEachRemaining(attribute -> {
            JsonNode value = attribute.getValue();
            if (value.isIntegralNumber() && (!value.canConvertToLong() || Math.abs(value.asLong()) >= 1_000_000)) {
                problem("attributes." + attribute.getKey(), "a number of seven or more digits looks like a phone number; "
                        + "personal data is never imported");
            }
            props.put(attribute.getKey(), value.isIntegralNumber() ? (Object) value.asLong() : scalar(value));
        });
        props.values().removeIf(Objects::isNull);
        props.putAll(sources(node).asProperties());
        rejectPersonalData(props);
        if (type != null) {
            Map<String, Object> rel = new LinkedHashMap<>();
            rel.put("type", type.name());
            rel.put("from", from);
            rel.put("to", to);
            rel.put("props", props);
            relationships.computeIfAbsent(type.name(), t -> new ArrayList<>()).add(rel);
        }
    }

    /** JSON has no infinite numbers, but a mutation's Float (1e999) or a parsed one can become one. */
    private void rejectNonFinite(String prefix, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isFloatingPointNumber() && !Double.isFinite(field.getValue().asDouble())) {
                problem(prefix + field.getKey(), "must be a finite number");
            }
        });
    }

    // ---- sources ----------------------------------------------------------------------------

    /** Where a fact comes from: parallel lists, because Neo4j properties cannot hold maps. */
    record Citations(List<String> documents, List<String> quotes, List<Boolean> implied) {
        Map<String, Object> asProperties() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("sources", documents);
            props.put("quotes", quotes);
            props.put("impliedFlags", implied);
            props.put("implied", !implied.isEmpty() && implied.stream().allMatch(b -> b));
            return props;
        }
    }

    private Citations sources(JsonNode node) {
        List<String> documents = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        List<Boolean> implied = new ArrayList<>();
        JsonNode sources = node.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String document = source.path("document").asText(null);
            if (valid(at + "/sources/" + i + "/document", source.path("document"))
                    && !documentIds.contains(document) && !known.documentIds().contains(document)) {
                problem("sources[" + i + "].document", "unknown document '" + document + "'");
            }
            documents.add(document);
            quotes.add(source.path("quote").asText(null));
            implied.add(source.path("implied").asBoolean(false));
        }
        return new Citations(documents, quotes, implied);
    }

    // ---- checks across rows -----------------------------------------------------------------

    /** A stated total (合计) is kept as data, and must agree with the rows that make it up. */
    private void checkStatedTotals(List<Map<String, Object>> programmes) {
        Map<String, Double> sums = new HashMap<>();
        for (Map<String, Object> programme : programmes) {
            String parent = programmeParent.get(programme.get("id"));
            if (parent != null && programme.get("fundingWan") instanceof Double funding) {
                sums.merge(parent, funding, Double::sum);
            }
        }
        for (Map<String, Object> programme : programmes) {
            if (programme.get("statedTotalFundingWan") instanceof Double stated && sums.containsKey(programme.get("id"))) {
                double sum = sums.get(programme.get("id"));
                if (Math.abs(sum - stated) > 0.001) {
                    row = "programmes (" + programme.get("id") + ")";
                    problem("statedTotalFundingWan", "stated total " + stated + " differs from the rows' sum " + sum);
                }
            }
        }
    }

    private void rejectPersonalData(Map<String, Object> props) {
        props.forEach((key, value) -> {
            List<?> values = value instanceof List<?> list ? list : Collections.singletonList(value);
            for (Object item : values) {
                if (item instanceof String text) {
                    if (PHONE_LIKE.matcher(text).find()) {
                        problem(key, "looks like a phone number; personal data is never imported");
                    }
                    for (String marker : PERSONAL_MARKERS) {
                        if (text.contains(marker)) {
                            problem(key, "contains contact details ('" + marker + "'); personal data is never imported");
                        }
                    }
                }
            }
        });
    }

    // ---- field readers ----------------------------------------------------------------------

    private void eachRow(JsonNode root, String section, Consumer<JsonNode> reader) {
        JsonNode rows = root.path(section);
        for (int i = 0; rows.isArray() && i < rows.size(); i++) {
            JsonNode node = rows.get(i);
            row = section + "[" + i + "]" + describe(node);
            at = "/" + section + "/" + i;
            if (node.isObject()) {
                reader.accept(node);
            }
        }
    }

    private static String describe(JsonNode node) {
        String id = node.path("id").asText("");
        return id.isEmpty() ? "" : " (" + id + ")";
    }

    private boolean valid(String pointer, JsonNode value) {
        return value.isTextual() && !invalid.contains(pointer);
    }

    /** The field's text when the schema accepted it, else null (the schema has reported it). */
    private String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return valid(at + "/" + field, value) ? value.asText() : null;
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

    private String ref(JsonNode node, String field, Set<String> labels) {
        return reference(field, "/" + field, node.path(field), labels);
    }

    /** Resolves an id against this bundle, then the graph; checks its label when labels are given. */
    private String reference(String field, String pointer, JsonNode value, Set<String> labels) {
        if (!valid(at + pointer, value)) {
            return null;
        }
        String id = value.asText();
        String label = labelById.getOrDefault(id, known.labelById().get(id));
        if (label == null) {
            problem(field, "unknown reference '" + id + "'");
            return null;
        }
        if (labels != null && !labels.contains(label)) {
            problem(field, "'" + id + "' is a " + label + "; expected " + String.join(" or ", labels));
            return null;
        }
        return id;
    }

    /** The row's own values in the shape they are stored in; lists of names always present on named nodes. */
    private static Map<String, Object> properties(JsonNode node) {
        Map<String, Object> props = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (NOT_STORED.contains(field.getKey())) {
                return;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                props.put(field.getKey(), items);
            } else {
                props.put(field.getKey(), AMOUNTS.contains(field.getKey()) && value.isNumber() ? value.asDouble() : scalar(value));
            }
        });
        return props;
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        } else if (value.isIntegralNumber()) {
            return value.asInt();
        } else if (value.isNumber()) {
            return value.asDouble();
        } else if (value.isBoolean()) {
            return value.asBoolean();
        }
        return null;
    }

    private void problem(String field, String reason) {
        problems.add(new Problem(row, field, reason));
    }

    // ---- the schema's findings, in the importer's words ---------------------------------------

    /** Messages that name what is missing rather than saying "is required". */
    private static final Map<String, String> REQUIRED = Map.of(
            "sources", "at least one source {document, quote} is required",
            "quote", "a short supporting quote is required");
    /** Lists reported as a whole: a fault in an item is a fault of the list. */
    private static final Map<String, String> LISTS = Map.of(
            "shortNames", "must be a list of strings",
            "named", "must be a list of ids");
    private static final Map<String, String> TYPES = Map.of(
            "string", "must be a string",
            "integer", "must be a whole number",
            "number", "must be a number (万元)",
            "boolean", "must be true or false",
            "object", "must be an object",
            "array", "must be a list",
            "[\"string\",\"number\",\"boolean\"]", "must be a string, number or boolean");
    /** Pattern findings by the schema definition the pattern belongs to; else it is the control-character one. */
    private static final Map<String, String> PATTERNS = Map.of(
            "id", "'%s' is not a lowercase slug (a-z, 0-9, single dashes)",
            "bundleId", "must be a lowercase slug (a-z, 0-9, single dashes)",
            "date", "'%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");

    /**
     * The findings at one place of the bundle. A value of the wrong type, or a blank one, is reported
     * for that alone, not once more for every other keyword it fails.
     */
    private void schemaProblems(ObjectNode root, List<Error> errors) {
        List<Error> reported = errors.stream().filter(e -> "type".equals(e.getKeyword())).toList();
        if (reported.isEmpty()) {
            reported = errors.stream().filter(e -> "minLength".equals(e.getKeyword())).toList();
        }
        for (Error error : reported.isEmpty() ? errors : reported) {
            List<Object> path = elements(error.getInstanceLocation());
            if (error.getProperty() != null && !"propertyNames".equals(error.getKeyword())) {
                path.add(error.getProperty());
            }
            invalid.add(pointer(path));
            String rowName = "bundle";
            if (path.size() >= 2 && path.get(1) instanceof Integer index) {
                rowName = path.get(0) + "[" + index + "]" + describe(root.path((String) path.get(0)).path(index));
                path = path.subList(2, path.size());
            }
            problems.add(new Problem(rowName, field(path, error), reason(error, path)));
        }
    }

    /** sources[0].quote, attributes.award, shortNames (for any of its items). */
    private static String field(List<Object> path, Error error) {
        StringBuilder field = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                field.append(LISTS.containsKey(field.toString()) ? "" : "[" + index + "]");
            } else {
                field.append(field.isEmpty() ? "" : ".").append(element);
            }
        }
        if ("propertyNames".equals(error.getKeyword())) {
            field.append('.').append(error.getProperty());
        }
        return field.isEmpty() ? "(row)" : field.toString();
    }

    private static String reason(Error error, List<Object> path) {
        String field = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
        boolean listItem = path.size() >= 2 && path.get(path.size() - 1) instanceof Integer
                && LISTS.containsKey(path.get(path.size() - 2));
        JsonNode value = error.getInstanceNode();
        JsonNode schema = schemaOf(error);
        String type = schema.path("type").isTextual() ? schema.path("type").asText() : schema.path("type").toString();
        return switch (error.getKeyword()) {
            case "required" -> REQUIRED.getOrDefault(field, "is required");
            case "minItems" -> REQUIRED.get("sources");
            case "minLength" -> listItem ? "must contain only non-blank strings"
                    : "document".equals(field) ? "is required" : REQUIRED.getOrDefault(field, "must not be blank");
            case "additionalProperties" -> "bundle".equals(definition(error))
                    ? "unknown section; expected one of " + SECTIONS_AND_FIELDS : "unknown field";
            case "type" -> listItem ? "must contain only non-blank strings"
                    : "sources".equals(field) ? REQUIRED.get("sources")
                    : "attributes".equals(field) ? "must be an object of plain values"
                    : "array".equals(type) ? LISTS.getOrDefault(field, TYPES.get(type))
                    : TYPES.getOrDefault(type, error.getMessage());
            case "maxLength" -> "longer than " + schema.path("maxLength").asInt() + " characters";
            case "pattern" -> PATTERNS.getOrDefault(definition(error), "contains control characters").formatted(value.asText());
            case "enum" -> value.asText().isEmpty() ? "must not be blank"
                    : "unknown value '" + value.asText() + "'; expected one of " + names(schema.path("enum"));
            case "minimum", "maximum" -> value.asDouble() < 0 && schema.path("minimum").asDouble() >= 0
                    ? "must not be negative"
                    : "must be between " + schema.path("minimum").asText() + " and " + schema.path("maximum").asText();
            case "propertyNames" -> "not an allowed attribute name";
            default -> error.getMessage();
        };
    }

    // ---- normalising and the schema file ------------------------------------------------------

    /**
     * Text as editors mean it: surrounding whitespace stripped, and a blank optional field absent
     * (a blank required one stays, to be reported as blank). The caller's JSON is not changed.
     */
    private static ObjectNode normalized(ObjectNode input) {
        ObjectNode root = input.deepCopy();
        strip(root, "bundle", true);
        for (String section : SECTIONS_AND_FIELDS.subList(2, SECTIONS_AND_FIELDS.size())) {
            Set<String> required = new HashSet<>(names(SCHEMA_JSON.at("/$defs/" + section + "/required")));
            for (JsonNode node : root.path(section)) {
                if (!(node instanceof ObjectNode row)) {
                    continue;
                }
                for (String field : names(row)) {
                    strip(row, field, required.contains(field));
                    if (row.get(field) instanceof ArrayNode list && !"sources".equals(field)) {
                        for (int i = 0; i < list.size(); i++) {
                            if (list.get(i).isTextual()) {
                                list.set(i, TextNode.valueOf(list.get(i).asText().strip()));
                            }
                        }
                    }
                }
                for (JsonNode source : row.path("sources")) {
                    if (source instanceof ObjectNode citation) {
                        strip(citation, "document", true);
                        strip(citation, "quote", true);
                    }
                }
            }
        }
        return root;
    }

    private static void strip(ObjectNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value != null && value.isNull()) {
            node.remove(field);
        } else if (value != null && value.isTextual()) {
            String text = value.asText().strip();
            if (text.isEmpty() && !required) {
                node.remove(field);
            } else {
                node.put(field, text);
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

    /** The name of the schema definition ($defs) the finding's keyword belongs to. */
    private static String definition(Error error) {
        List<Object> fragment = elements(error.getSchemaLocation().getFragment());
        return fragment.size() >= 2 && "$defs".equals(fragment.get(0)) ? (String) fragment.get(1) : "bundle";
    }

    /** The schema object holding the finding's keyword (for its limits and values). */
    private static JsonNode schemaOf(Error error) {
        List<Object> fragment = elements(error.getSchemaLocation().getFragment());
        return SCHEMA_JSON.at(pointer(fragment.subList(0, Math.max(0, fragment.size() - 1))));
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

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(item -> names.add(item.asText()));
        }
        return names;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
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
