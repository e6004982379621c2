package org.partnergraph.dataset;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.partnergraph.agreement.AgreementKind;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentKind;
import org.partnergraph.event.EventKind;
import org.partnergraph.event.ParticipationRole;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.programme.ProgrammeCategory;
import org.partnergraph.programme.ProgrammeMode;
import org.partnergraph.region.RegionLevel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a bundle (the JSON format of {@code dataset/README.md}) and checks every row before anything
 * is written. It does not stop at the first fault: it collects every problem (row, field, reason),
 * so an editor fixes a bundle in one pass. Plain logic, no I/O: what already exists in the stores
 * comes in as {@link Known}.
 */
final class BundleReader {

    /** Ids and documents that already exist, so a bundle may reference what earlier bundles wrote. */
    record Known(Map<String, String> labelById, Set<String> documentIds) {
        static Known none() {
            return new Known(Map.of(), Set.of());
        }
    }

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_QUOTE = 200;
    static final int MAX_ID = 120;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    /**
     * Seven or more digits in a row (single spaces allowed) is how phone numbers look in the documents
     * (3121746, 23116628). Dashes do not join digits: 2018-2020 is a period, not a number.
     */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\d(?: ?\\d){6,}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> PERSONAL_MARKERS = List.of("联系人", "联系电话", "电话：", "电话:");

    static final Map<String, String> SECTION_LABELS = orderedMap(
            "regions", "Region",
            "organizations", "Organization",
            "departments", "Department",
            "majors", "Major",
            "agreements", "Agreement",
            "programmes", "Programme",
            "events", "Event",
            "statedCounts", "StatedCount");

    private static final Set<String> TOP_LEVEL = new LinkedHashSet<>(List.of("bundle", "description", "documents",
            "regions", "organizations", "departments", "majors", "agreements", "programmes", "events",
            "statedCounts", "relationships"));

    private static final Set<String> RESERVED_ATTRIBUTES = Set.of("id", "since", "until", "endReason", "scheme", "programme",
            "role", "sources", "quotes", "impliedFlags", "implied", "derived");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> labelById = new HashMap<>();
    private final Map<String, String> programmeParent = new HashMap<>();
    private final Set<String> documentIds = new LinkedHashSet<>();
    private final Known known;
    private String row = "bundle";

    private BundleReader(Known known) {
        this.known = known;
    }

    /** The bundle, or a {@link BundleRejectedException} listing every problem. */
    static Bundle read(JsonNode root, Known known) {
        return new BundleReader(known).readAll(root);
    }

    private Bundle readAll(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new BundleRejectedException("?", List.of(new Problem("bundle", "(root)", "must be a JSON object")));
        }
        String bundleId = text(root, "bundle", true, MAX_ID);
        if (bundleId != null && !ID.matcher(bundleId).matches()) {
            problem("bundle", "must be a lowercase slug (a-z, 0-9, single dashes)");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                problem(name, "unknown section; expected one of " + TOP_LEVEL);
            }
        });

        // Pass 1: ids, so references may point forward within the bundle.
        for (JsonNode document : rows(root, "documents")) {
            String id = document.path("id").asText(null);
            if (id != null) {
                documentIds.add(id);
            }
        }
        SECTION_LABELS.forEach((section, label) -> {
            int index = 0;
            for (JsonNode node : rows(root, section)) {
                row = section + "[" + index++ + "]";
                String id = id(node);
                if (id == null) {
                    continue;
                }
                if (labelById.containsKey(id)) {
                    problem("id", "duplicate id '" + id + "' (also a " + labelById.get(id) + " in this bundle)");
                } else if (known.labelById().containsKey(id) && !known.labelById().get(id).equals(label)) {
                    problem("id", "id '" + id + "' is already used by a " + known.labelById().get(id));
                }
                labelById.putIfAbsent(id, label);
            }
        });

        List<Document> documents = readDocuments(root);
        Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
        SECTION_LABELS.forEach((section, label) -> {
            int index = 0;
            for (JsonNode node : rows(root, section)) {
                row = section + "[" + index++ + "]" + describe(node);
                readNode(section, label, node, nodes, relationships);
            }
        });
        Set<String> relationshipIds = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode relationship : rows(root, "relationships")) {
            row = "relationships[" + index++ + "]" + describe(relationship);
            readRelationship(relationship, relationshipIds, relationships);
        }
        checkStatedTotals(nodes.getOrDefault("Programme", List.of()));

        if (!problems.isEmpty()) {
            throw new BundleRejectedException(bundleId == null ? "?" : bundleId, problems);
        }
        return new Bundle(bundleId, documents, nodes, relationships);
    }

    // ---- documents --------------------------------------------------------------------------

    private List<Document> readDocuments(JsonNode root) {
        List<Document> documents = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode node : rows(root, "documents")) {
            row = "documents[" + index++ + "]" + describe(node);
            allowOnly(node, "id", "title", "issuer", "number", "date", "kind", "excerpt");
            String id = id(node);
            if (id != null && !seen.add(id)) {
                problem("id", "duplicate document id '" + id + "'");
            }
            String title = text(node, "title", true, MAX_NAME * 2);
            String issuer = text(node, "issuer", true, MAX_NAME);
            String number = text(node, "number", false, MAX_ID);
            String date = partialDate(node, "date", true);
            DocumentKind kind = enumValue(node, "kind", true, DocumentKind::valueOf, DocumentKind.values());
            String excerpt = text(node, "excerpt", false, MAX_TEXT);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("issuer", issuer);
            fields.put("excerpt", excerpt);
            rejectPersonalData(fields);
            documents.add(new Document(id, title, issuer, number, date, kind, excerpt));
        }
        return documents;
    }

    // ---- nodes ------------------------------------------------------------------------------

    private void readNode(String section, String label, JsonNode node, Map<String, List<Map<String, Object>>> nodes,
            Map<String, List<Map<String, Object>>> relationships) {
        String id = id(node);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", id);
        List<Map<String, Object>> structural = new ArrayList<>();
        switch (section) {
            case "regions" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "level", "parent", "sources");
                names(node, props);
                props.put("level", enumName(node, "level", true, RegionLevel.values()));
                link(structural, id, "PART_OF", ref(node, "parent", false, Set.of("Region")), false);
            }
            case "organizations" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "kind", "region", "parent", "sources");
                names(node, props);
                props.put("kind", enumName(node, "kind", true, OrganizationKind.values()));
                link(structural, id, "LOCATED_IN", ref(node, "region", false, Set.of("Region")), false);
                link(structural, id, "PART_OF", ref(node, "parent", false, Set.of("Organization")), false);
            }
            case "departments" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "organization", "sources");
                names(node, props);
                link(structural, id, "HAS_DEPARTMENT", ref(node, "organization", true, Set.of("Organization")), true);
            }
            case "majors" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "organization", "department", "sources");
                names(node, props);
                link(structural, id, "OFFERS", ref(node, "organization", true, Set.of("Organization")), true);
                link(structural, id, "OFFERS", ref(node, "department", false, Set.of("Department")), true);
            }
            case "agreements" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "kind", "date", "period", "sources");
                names(node, props);
                props.put("kind", enumName(node, "kind", true, AgreementKind.values()));
                props.put("date", partialDate(node, "date", false));
                props.put("period", text(node, "period", false, 40));
            }
            case "programmes" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "category", "mode", "modeLabel", "year",
                        "fundingWan", "selfFundedWan", "statedTotalFundingWan", "participants", "duration",
                        "sequence", "partOf", "sources");
                names(node, props);
                props.put("category", enumName(node, "category", true, ProgrammeCategory.values()));
                props.put("mode", enumName(node, "mode", true, ProgrammeMode.values()));
                props.put("modeLabel", text(node, "modeLabel", false, 40));
                props.put("year", integer(node, "year", 1949, 2100));
                props.put("fundingWan", amount(node, "fundingWan"));
                props.put("selfFundedWan", amount(node, "selfFundedWan"));
                props.put("statedTotalFundingWan", amount(node, "statedTotalFundingWan"));
                props.put("participants", integer(node, "participants", 0, 10_000_000));
                props.put("duration", text(node, "duration", false, 40));
                props.put("sequence", integer(node, "sequence", 1, 10_000));
                String partOf = ref(node, "partOf", false, Set.of("Programme"));
                if (partOf != null && partOf.equals(id)) {
                    problem("partOf", "a programme cannot be part of itself");
                } else if (partOf != null) {
                    programmeParent.put(id, partOf);
                    link(structural, id, "PART_OF", partOf, false);
                }
            }
            case "events" -> {
                allowOnly(node, "id", "name", "shortNames", "nameEn", "kind", "date", "endDate", "participants",
                        "region", "sources");
                names(node, props);
                props.put("kind", enumName(node, "kind", true, EventKind.values()));
                String date = partialDate(node, "date", true);
                String endDate = partialDate(node, "endDate", false);
                if (date != null && endDate != null && PartialDates.before(endDate, date)) {
                    problem("endDate", "'" + endDate + "' is before date '" + date + "'");
                }
                props.put("date", date);
                props.put("endDate", endDate);
                props.put("participants", integer(node, "participants", 0, 10_000_000));
                link(structural, id, "LOCATED_IN", ref(node, "region", false, Set.of("Region")), false);
            }
            case "statedCounts" -> {
                allowOnly(node, "id", "subject", "count", "description", "named", "sources");
                props.put("count", integer(node, "count", 0, 1_000_000));
                if (!node.has("count")) {
                    problem("count", "is required");
                }
                props.put("description", text(node, "description", true, MAX_NAME));
                link(structural, id, "COUNTS", ref(node, "subject", true, null), false);
                JsonNode named = node.path("named");
                if (!named.isMissingNode() && !named.isArray()) {
                    problem("named", "must be a list of ids");
                }
                for (JsonNode member : named) {
                    link(structural, id, "NAMES", reference("named", member.asText(""), null), false);
                }
                Integer count = (Integer) props.get("count");
                if (count != null && named.size() > count) {
                    problem("named", named.size() + " named members but the stated count is " + count);
                }
            }
            default -> throw new IllegalStateException(section);
        }
        Citations citations = sources(node);
        props.putAll(citations.asProperties());
        props.values().removeIf(v -> v == null);
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
    private void link(List<Map<String, Object>> links, String id, String type, String target, boolean incoming) {
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

    private void names(JsonNode node, Map<String, Object> props) {
        String name = text(node, "name", true, MAX_NAME);
        List<String> shortNames = stringList(node, "shortNames", MAX_NAME);
        String nameEn = text(node, "nameEn", false, MAX_NAME);
        props.put("name", name);
        props.put("shortNames", shortNames);
        props.put("nameEn", nameEn);
        // One text field for the full-text index: the official name, every alias, the English name.
        List<String> all = new ArrayList<>(shortNames);
        if (nameEn != null) {
            all.add(nameEn);
        }
        props.put("aliasText", String.join(" / ", all));
    }

    // ---- relationships ----------------------------------------------------------------------

    private void readRelationship(JsonNode node, Set<String> ids, Map<String, List<Map<String, Object>>> relationships) {
        allowOnly(node, "id", "type", "from", "to", "since", "until", "endReason", "scheme", "programme", "role",
                "attributes", "sources");
        String id = id(node);
        if (id != null && !ids.add(id)) {
            problem("id", "duplicate relationship id '" + id + "'");
        }
        if (id != null && labelById.containsKey(id)) {
            problem("id", "'" + id + "' is already the id of a " + labelById.get(id));
        }
        RelationshipType type = enumValue(node, "type", true, RelationshipType::valueOf, RelationshipType.values());
        String from = ref(node, "from", true, type == null ? null : type.fromLabels());
        String to = ref(node, "to", true, type == null ? null : type.toLabels());
        if (from != null && from.equals(to)) {
            problem("to", "a relationship cannot connect '" + from + "' to itself");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", id);
        String since = partialDate(node, "since", false);
        String until = partialDate(node, "until", false);
        if (since != null && until != null && PartialDates.before(until, since)) {
            problem("until", "'" + until + "' is before since '" + since + "'");
        }
        props.put("since", since);
        props.put("until", until);
        String endReason = text(node, "endReason", false, MAX_NAME);
        if (endReason != null && until == null) {
            problem("endReason", "is only for a relationship that has ended (until)");
        }
        props.put("endReason", endReason);
        props.put("scheme", text(node, "scheme", false, MAX_NAME));
        props.put("programme", ref(node, "programme", false, Set.of("Programme", "Agreement")));
        props.put("role", enumName(node, "role", false, ParticipationRole.values()));
        JsonNode attributes = node.path("attributes");
        if (!attributes.isMissingNode()) {
            if (!attributes.isObject()) {
                problem("attributes", "must be an object of plain values");
            } else {
                attributes.fields().forEachRemaining(entry -> {
                    String key = entry.getKey();
                    JsonNode value = entry.getValue();
                    if (!ATTRIBUTE_NAME.matcher(key).matches() || RESERVED_ATTRIBUTES.contains(key)) {
                        problem("attributes." + key, "not an allowed attribute name");
                    } else if (value.isTextual()) {
                        props.put(key, bounded("attributes." + key, value.asText(), MAX_NAME));
                    } else if (value.isIntegralNumber()) {
                        if (Math.abs(value.asLong()) >= 1_000_000) {
                            problem("attributes." + key, "a number of seven or more digits looks like a phone number; "
                                    + "personal data is never imported");
                        }
                        props.put(key, value.asLong());
                    } else if (value.isNumber()) {
                        props.put(key, value.asDouble());
                    } else if (value.isBoolean()) {
                        props.put(key, value.asBoolean());
                    } else {
                        problem("attributes." + key, "must be a string, number or boolean");
                    }
                });
            }
        }
        props.putAll(sources(node).asProperties());
        props.values().removeIf(v -> v == null);
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
        if (!sources.isArray() || sources.isEmpty()) {
            problem("sources", "at least one source {document, quote} is required");
            return new Citations(documents, quotes, implied);
        }
        int index = 0;
        for (JsonNode source : sources) {
            String field = "sources[" + index++ + "]";
            String document = source.path("document").asText(null);
            if (document == null || document.isBlank()) {
                problem(field + ".document", "is required");
            } else if (!documentIds.contains(document) && !known.documentIds().contains(document)) {
                problem(field + ".document", "unknown document '" + document + "'");
            }
            String quote = source.path("quote").asText(null);
            if (quote == null || quote.isBlank()) {
                problem(field + ".quote", "a short supporting quote is required");
            } else {
                bounded(field + ".quote", quote, MAX_QUOTE);
            }
            JsonNode flag = source.path("implied");
            if (!flag.isMissingNode() && !flag.isBoolean()) {
                problem(field + ".implied", "must be true or false");
            }
            documents.add(document);
            quotes.add(quote);
            implied.add(flag.asBoolean(false));
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
            if (value == null) {
                return;
            }
            List<?> values = value instanceof List<?> list ? list : List.of(value);
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

    private static Iterable<JsonNode> rows(JsonNode root, String section) {
        JsonNode rows = root.path(section);
        return rows.isArray() ? rows : List.of();
    }

    private String id(JsonNode node) {
        String id = text(node, "id", true, MAX_ID);
        if (id != null && !ID.matcher(id).matches()) {
            problem("id", "'" + id + "' is not a lowercase slug (a-z, 0-9, single dashes)");
            return null;
        }
        return id;
    }

    private static String describe(JsonNode node) {
        String id = node.path("id").asText("");
        return id.isEmpty() ? "" : " (" + id + ")";
    }

    private void allowOnly(JsonNode node, String... fields) {
        if (!node.isObject()) {
            problem("(row)", "must be an object");
            return;
        }
        Set<String> allowed = Set.of(fields);
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(name, "unknown field");
            }
        });
    }

    private String text(JsonNode node, String field, boolean required, int max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                problem(field, "must not be blank");
            }
            return null;
        }
        return bounded(field, text, max);
    }

    private String bounded(String field, String text, int max) {
        if (text.length() > max) {
            problem(field, "longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problem(field, "contains control characters");
        }
        return text;
    }

    private List<String> stringList(JsonNode node, String field, int max) {
        JsonNode value = node.path(field);
        List<String> list = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings");
            return list;
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problem(field, "must contain only non-blank strings");
            } else {
                list.add(bounded(field, item.asText().strip(), max));
            }
        }
        return list;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String field, boolean required, Function<String, E> parse,
            E[] values) {
        String text = text(node, field, required, 60);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problem(field, "unknown value '" + text + "'; expected one of " + List.of(values));
            return null;
        }
    }

    private String enumName(JsonNode node, String field, boolean required, Enum<?>[] values) {
        String text = text(node, field, required, 60);
        if (text == null) {
            return null;
        }
        for (Enum<?> value : values) {
            if (value.name().equals(text)) {
                return text;
            }
        }
        problem(field, "unknown value '" + text + "'; expected one of " + List.of(values));
        return null;
    }

    private Integer integer(JsonNode node, String field, int min, int max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            problem(field, "must be a whole number");
            return null;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problem(field, number < 0 ? "must not be negative" : "must be between " + min + " and " + max);
            return null;
        }
        return (int) number;
    }

    private Double amount(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problem(field, "must be a number (万元)");
            return null;
        }
        double amount = value.asDouble();
        if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
            problem(field, "must not be negative");
            return null;
        }
        return amount;
    }

    private String partialDate(JsonNode node, String field, boolean required) {
        String text = text(node, field, required, 10);
        if (text == null) {
            return null;
        }
        if (!PARTIAL_DATE.matcher(text).matches() || !PartialDates.valid(text)) {
            problem(field, "'" + text + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        return text;
    }

    private String ref(JsonNode node, String field, boolean required, Set<String> labels) {
        String id = text(node, field, required, MAX_ID);
        return id == null ? null : reference(field, id, labels);
    }

    /** Resolves an id against this bundle, then the graph; checks its label when labels are given. */
    private String reference(String field, String id, Set<String> labels) {
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

    private void problem(String field, String reason) {
        problems.add(new Problem(row, field, reason));
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
