package org.partnergraph.read;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.conditional.ConditionalNodeDecision;
import graphql.execution.conditional.ConditionalNodes;
import graphql.introspection.Introspection;
import graphql.language.AstComparator;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SelectedField;

/**
 * The fields selected under a root field, read straight from the request's syntax tree, for the planner.
 * graphql-java answers {@code env.getSelectionSet()} by first normalizing the whole operation (every field of
 * every level, with every field's arguments resolved): profiled under load that was 6-9% of the service's CPU on
 * the partner lists, for a tree the planner then reads once. This walks the same selection (fields, aliases,
 * inline fragments and fragment spreads with their type conditions, {@code @skip} and {@code @include}) and
 * resolves a field's arguments only when the planner asks for them, with graphql-java's own argument
 * resolution and directive rules.
 *
 * <p>It answers what the normalized operation answers for the selections clients send: a result key selected
 * more than once (in the field and in a fragment) is one field whose sub-selections are merged. Where
 * graphql-java's normalization would keep two fields apart (one result key for different fields or arguments on
 * different types, or a field whose type differs between the object types it is selected on) this answers
 * nothing and the planner asks graphql-java instead. With assertions on (the tests) every answer is checked
 * against graphql-java's.
 */
final class Selections {

    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();
    /** How many root fields graphql-java's normalization answered instead (tests check both ways are taken). */
    private static final AtomicLong HANDED_BACK = new AtomicLong();
    /** How many selections were compared with graphql-java's (only with assertions on: the tests). */
    private static final AtomicLong COMPARED = new AtomicLong();
    private static final AtomicLong WALKS = new AtomicLong();
    /**
     * Walks kept by the root field's syntax node (graphql-java's nodes compare by identity). SmallRye keeps the last
     * 2,048 documents it has parsed and validated, so the next request with the same document (new variables)
     * brings the same nodes and is not walked again: the walk was the planner's largest cost (a profile under load
     * put it at ~9% of the service's CPU on a department's supporters). A walk holds its document's nodes, so the
     * walks kept are bounded as SmallRye's documents are (a document has one entry per compiled root field). A
     * walk that depends on the request ({@code @skip}/{@code @include}, a custom condition) is not kept.
     */
    private static final Cache<Field, Walked> WALKED = Caffeine.newBuilder().maximumSize(4_096).build();

    private Selections() {
    }

    /**
     * The immediate fields of the root field {@code env} fetches, or empty where graphql-java's normalization
     * must answer.
     */
    static Optional<List<SelectedField>> immediate(DataFetchingEnvironment env) {
        return root(env).map(Root::fields);
    }

    /**
     * The root field's immediate fields and, where its walk is kept (the same for every request of the document),
     * that walk: with the request's variables it determines everything the planner reads from the selection, so
     * the planner may key what it compiled by it (see CompiledReads). Empty where graphql-java's normalization
     * must answer.
     */
    static Optional<Root> root(DataFetchingEnvironment env) {
        List<Field> roots = env.getMergedField().getFields();
        Walked walked = WALKED.getIfPresent(roots.get(0));
        boolean kept = walked != null && walked.walks(env.getGraphQLSchema(), env.getFieldType(), roots);
        if (!kept) {
            walked = walk(env, roots);
            kept = walked.kept();
        }
        if (walked.shapes() == null) {
            HANDED_BACK.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Root(view(new Bindings(env.getVariables(), env.getGraphQlContext(), env.getLocale()), null,
                walked.shapes()), kept ? walked : null));
    }

    /**
     * A root field's immediate fields, and the kept walk they were read from (null where the walk depended on the
     * request). The walk is opaque to callers: a key, compared by identity.
     */
    record Root(List<SelectedField> fields, Object walk) {
    }

    /** Walks the root field's selection; keeps the result where it is the same for every request of the document. */
    private static Walked walk(DataFetchingEnvironment env, List<Field> roots) {
        WALKS.incrementAndGet();
        Walk walk = new Walk(env.getGraphQLSchema(), env.getFragmentsByName(), env.getVariables(), env.getGraphQlContext());
        Set<GraphQLObjectType> types = walk.possibleObjects(env.getFieldType());
        List<SelectionSet> selections = new ArrayList<>();
        for (Field field : roots) {
            if (field.getSelectionSet() != null) {
                selections.add(field.getSelectionSet());
            }
        }
        Walked walked = new Walked(env.getGraphQLSchema(), env.getFieldType(), List.copyOf(roots),
                walk.fields(types, selections, false).orElse(null), !walk.variesByRequest);
        if (walked.kept()) {
            WALKED.put(roots.get(0), walked);
        }
        return walked;
    }

    /** The request's view of walked shapes: fields whose arguments are resolved with its variables. */
    private static List<SelectedField> view(Bindings bindings, LightField parent, List<Shape> shapes) {
        List<SelectedField> fields = new ArrayList<>(shapes.size());
        for (Shape shape : shapes) {
            LightField field = new LightField(bindings, parent, shape);
            field.selection = new Selected(view(bindings, field, shape.children()));
            fields.add(field);
        }
        return fields;
    }

    /** How many selections were walked rather than taken from the walks kept (tests check repeats are not walked). */
    static long walks() {
        return WALKS.get();
    }

    static long handedBack() {
        return HANDED_BACK.get();
    }

    static long compared() {
        return COMPARED.get();
    }

    /**
     * True when {@code light} selects what graphql-java's {@code normalized} selection does: per result key and
     * object type, the same field, arguments and sub-selection (graphql-java may split a field by object type
     * where this keeps one). Fails with both selections otherwise; called in an assertion, so only where
     * assertions are on (the tests).
     */
    static boolean sameAs(List<SelectedField> light, List<SelectedField> normalized) {
        COMPARED.incrementAndGet();
        Map<String, Object> ours = comparable(light);
        Map<String, Object> theirs = comparable(normalized);
        if (!ours.equals(theirs)) {
            throw new AssertionError("the selection read from the syntax tree differs from graphql-java's:\n  ours:   "
                    + ours + "\n  theirs: " + theirs);
        }
        return true;
    }

    private static Map<String, Object> comparable(List<SelectedField> fields) {
        Map<String, Object> comparable = new java.util.TreeMap<>();
        for (SelectedField field : fields) {
            for (String type : field.getObjectTypeNames()) {
                comparable.put(field.getResultKey() + " on " + type, List.of(field.getName(), field.getArguments(),
                        comparable(field.getSelectionSet().getImmediateFields())));
            }
        }
        return comparable;
    }

    /** One walk of a root field's selection. */
    private static final class Walk {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final GraphQLContext context;
        /** Whether what is included depended on this request (its variables, a custom condition). */
        private boolean variesByRequest;

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                GraphQLContext context) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.context = context;
            this.variesByRequest = context.get(ConditionalNodeDecision.class) != null;
        }

        /** The object types a value of {@code type} can be. */
        Set<GraphQLObjectType> possibleObjects(GraphQLType type) {
            GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
            Set<GraphQLObjectType> objects = new LinkedHashSet<>();
            if (named instanceof GraphQLObjectType object) {
                objects.add(object);
            } else if (named instanceof GraphQLInterfaceType anInterface) {
                objects.addAll(schema.getImplementations(anInterface));
            } else if (named instanceof GraphQLUnionType union) {
                union.getTypes().forEach(member -> objects.add((GraphQLObjectType) member));
            }
            return objects;
        }

        /**
         * The fields the selection sets select on a value of one of {@code types}; empty when they cannot be merged.
         * Below a field ({@code nested}), a field selected on fewer than all of {@code types} is conditional.
         */
        Optional<List<Shape>> fields(Set<GraphQLObjectType> types, List<SelectionSet> selections, boolean nested) {
            Map<String, Group> groups = new LinkedHashMap<>();
            for (SelectionSet selection : selections) {
                if (!collect(types, selection, groups)) {
                    return Optional.empty();
                }
            }
            List<Shape> fields = new ArrayList<>(groups.size());
            for (Group group : groups.values()) {
                if (!group.fields(this, nested ? types.size() : 0, fields)) {
                    return Optional.empty();
                }
            }
            return Optional.of(List.copyOf(fields));
        }

        private boolean included(DirectivesContainer<?> node) {
            if (!node.getDirectives().isEmpty()) {
                variesByRequest = true;
            }
            return CONDITIONS.shouldInclude(node, variables, schema, context);
        }

        private boolean collect(Set<GraphQLObjectType> types, SelectionSet selectionSet, Map<String, Group> groups) {
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    if (!included(field)) {
                        continue;
                    }
                    Set<GraphQLObjectType> on = new LinkedHashSet<>();
                    for (GraphQLObjectType type : types) {
                        if (definition(type, field.getName()) != null) {
                            on.add(type);
                        }
                    }
                    if (on.isEmpty()) {
                        continue;
                    }
                    String key = field.getResultKey();
                    Group group = groups.get(key);
                    if (group == null) {
                        groups.put(key, new Group(field, on));
                    } else if (!group.add(field, on)) {
                        return false;
                    }
                } else if (selection instanceof InlineFragment inline) {
                    if (included(inline)
                            && !collect(narrowed(types, inline.getTypeCondition() == null ? null
                                    : inline.getTypeCondition().getName()), inline.getSelectionSet(), groups)) {
                        return false;
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        return false;
                    }
                    if (included(spread)
                            && !collect(narrowed(types, fragment.getTypeCondition().getName()),
                                    fragment.getSelectionSet(), groups)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private Set<GraphQLObjectType> narrowed(Set<GraphQLObjectType> types, String condition) {
            if (condition == null) {
                return types;
            }
            Set<GraphQLObjectType> allowed = possibleObjects(schema.getType(condition));
            Set<GraphQLObjectType> narrowed = new LinkedHashSet<>(types);
            narrowed.retainAll(allowed);
            return narrowed;
        }

        GraphQLFieldDefinition definition(GraphQLObjectType type, String name) {
            if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
                return Introspection.TypeNameMetaFieldDef;
            }
            return type.getFieldDefinition(name);
        }
    }

    /**
     * Every selection of one result key, each with the object types it applies to. Object types that get the same
     * selections make one field (as graphql-java's normalized fields): {@code ... on A { x { p } } ... on B { x { q } }}
     * is x {p} on A and x {q} on B, never x {p q} on both.
     */
    private static final class Group {
        private final Map<Field, Set<GraphQLObjectType>> asts = new LinkedHashMap<>();

        Group(Field field, Set<GraphQLObjectType> on) {
            asts.put(field, new LinkedHashSet<>(on));
        }

        /** False where graphql-java would keep the two apart: another field or other arguments under the key. */
        boolean add(Field field, Set<GraphQLObjectType> on) {
            Field first = asts.keySet().iterator().next();
            if (!first.getName().equals(field.getName())
                    || !AstComparator.isEqual(List.<Node>copyOf(first.getArguments()), List.<Node>copyOf(field.getArguments()))) {
                return false;
            }
            asts.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(on);
            return true;
        }

        /** Adds the group's fields; {@code siblingTypes}: how many object types the parent's value can be (0 at the top). */
        boolean fields(Walk walk, int siblingTypes, List<Shape> out) {
            Map<List<Field>, Set<GraphQLObjectType>> bySelections = new LinkedHashMap<>();
            Set<GraphQLObjectType> types = new LinkedHashSet<>();
            asts.values().forEach(types::addAll);
            for (GraphQLObjectType type : types) {
                List<Field> selected = new ArrayList<>();
                asts.forEach((ast, on) -> {
                    if (on.contains(type)) {
                        selected.add(ast);
                    }
                });
                bySelections.computeIfAbsent(selected, s -> new LinkedHashSet<>()).add(type);
            }
            for (Map.Entry<List<Field>, Set<GraphQLObjectType>> each : bySelections.entrySet()) {
                Optional<Shape> field = field(walk, siblingTypes, each.getKey(), each.getValue());
                if (field.isEmpty()) {
                    return false;
                }
                out.add(field.get());
            }
            return true;
        }

        private static Optional<Shape> field(Walk walk, int siblingTypes, List<Field> asts, Set<GraphQLObjectType> types) {
            List<GraphQLFieldDefinition> definitions = new ArrayList<>(types.size());
            for (GraphQLObjectType type : types) {
                definitions.add(walk.definition(type, asts.get(0).getName()));
            }
            GraphQLOutputType type = definitions.get(0).getType();
            for (GraphQLFieldDefinition definition : definitions) {
                if (!GraphQLTypeUtil.simplePrint(definition.getType()).equals(GraphQLTypeUtil.simplePrint(type))) {
                    return Optional.empty();
                }
            }
            List<SelectionSet> below = new ArrayList<>();
            for (Field ast : asts) {
                if (ast.getSelectionSet() != null) {
                    below.add(ast.getSelectionSet());
                }
            }
            Optional<List<Shape>> children = below.isEmpty() ? Optional.of(List.of())
                    : walk.fields(walk.possibleObjects(type), below, true);
            // As graphql-java: a field at the top of the selection is never conditional.
            boolean conditional = siblingTypes > 0 && types.size() < siblingTypes;
            return children.map(selected -> new Shape(List.copyOf(asts), List.copyOf(types), List.copyOf(definitions), type,
                    conditional, selected));
        }
    }

    /** What the walk of a root field found, kept by its syntax node; shapes null: graphql-java must answer. */
    private record Walked(GraphQLSchema schema, GraphQLOutputType type, List<Field> roots, List<Shape> shapes,
            boolean kept) {

        /** Whether this is the walk of these root fields (their syntax nodes) in this schema. */
        boolean walks(GraphQLSchema schema, GraphQLOutputType type, List<Field> roots) {
            if (this.schema != schema || this.type != type || this.roots.size() != roots.size()) {
                return false;
            }
            for (int i = 0; i < roots.size(); i++) {
                if (this.roots.get(i) != roots.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One selected field as the document and the schema make it, the same for every request: its syntax nodes, the
     * object types it is selected on, its definitions on them and the fields selected under it.
     */
    private record Shape(List<Field> asts, List<GraphQLObjectType> objectTypes, List<GraphQLFieldDefinition> definitions,
            GraphQLOutputType type, boolean conditional, List<Shape> children) {
    }

    /** What a request's fields resolve their arguments with. */
    private record Bindings(Map<String, Object> variables, GraphQLContext context, Locale locale) {
    }

    /** A selected field: as graphql-java's, with its arguments resolved (with the request's variables) when first asked for. */
    private static final class LightField implements SelectedField {
        private final Bindings bindings;
        private final LightField parent;
        private final Shape shape;
        private Selected selection;
        private Map<String, Object> arguments;

        LightField(Bindings bindings, LightField parent, Shape shape) {
            this.bindings = bindings;
            this.parent = parent;
            this.shape = shape;
        }

        @Override
        public String getName() {
            return shape.asts().get(0).getName();
        }

        @Override
        public String getQualifiedName() {
            return parent == null ? getName() : parent.getQualifiedName() + "/" + getName();
        }

        @Override
        public String getFullyQualifiedName() {
            String own = String.join("|", getObjectTypeNames()) + "." + getName();
            return parent == null ? own : parent.getFullyQualifiedName() + "/" + own;
        }

        @Override
        public List<GraphQLObjectType> getObjectTypes() {
            return shape.objectTypes();
        }

        @Override
        public List<String> getObjectTypeNames() {
            return shape.objectTypes().stream().map(GraphQLObjectType::getName).toList();
        }

        @Override
        public List<GraphQLFieldDefinition> getFieldDefinitions() {
            return shape.definitions();
        }

        @Override
        public GraphQLOutputType getType() {
            return shape.type();
        }

        @Override
        public synchronized Map<String, Object> getArguments() {
            if (arguments == null) {
                arguments = ValuesResolver.getArgumentValues(shape.definitions().get(0).getArguments(),
                        shape.asts().get(0).getArguments(), CoercedVariables.of(bindings.variables()), bindings.context(),
                        bindings.locale());
            }
            return arguments;
        }

        @Override
        public int getLevel() {
            return parent == null ? 1 : parent.getLevel() + 1;
        }

        @Override
        public boolean isConditional() {
            return shape.conditional();
        }

        @Override
        public String getAlias() {
            return shape.asts().get(0).getAlias();
        }

        @Override
        public String getResultKey() {
            return shape.asts().get(0).getResultKey();
        }

        @Override
        public SelectedField getParentField() {
            return parent;
        }

        @Override
        public DataFetchingFieldSelectionSet getSelectionSet() {
            return selection;
        }

        @Override
        public String toString() {
            return getFullyQualifiedName();
        }
    }

    /** The fields selected under one field, with graphql-java's glob matching on qualified names. */
    private record Selected(List<SelectedField> immediate) implements DataFetchingFieldSelectionSet {

        @Override
        public List<SelectedField> getImmediateFields() {
            return immediate;
        }

        @Override
        public List<SelectedField> getFields() {
            List<SelectedField> all = new ArrayList<>();
            for (SelectedField field : immediate) {
                all.add(field);
                all.addAll(field.getSelectionSet().getFields());
            }
            return all;
        }

        @Override
        public boolean contains(String glob) {
            return !getFields(glob).isEmpty();
        }

        @Override
        public boolean containsAnyOf(String glob, String... globs) {
            if (contains(glob)) {
                return true;
            }
            for (String other : globs) {
                if (contains(other)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean containsAllOf(String glob, String... globs) {
            if (!contains(glob)) {
                return false;
            }
            for (String other : globs) {
                if (!contains(other)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public List<SelectedField> getFields(String glob, String... globs) {
            List<Predicate<SelectedField>> matchers = new ArrayList<>();
            matchers.add(matcher(glob));
            for (String other : globs) {
                matchers.add(matcher(other));
            }
            return getFields().stream().filter(field -> matchers.stream().anyMatch(m -> m.test(field))).toList();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return grouped(getFields());
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String glob, String... globs) {
            return grouped(getFields(glob, globs));
        }

        private static Map<String, List<SelectedField>> grouped(List<SelectedField> fields) {
            Map<String, List<SelectedField>> grouped = new LinkedHashMap<>();
            fields.forEach(field -> grouped.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(field));
            return grouped;
        }

        /** As graphql-java's selection set: a glob over the qualified name (names joined by /), relative to here. */
        private Predicate<SelectedField> matcher(String glob) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            int depth = immediate.isEmpty() ? 1 : immediate.get(0).getLevel();
            return field -> matcher.matches(Paths.get(relative(field, depth)));
        }

        private static String relative(SelectedField field, int depth) {
            List<String> names = new ArrayList<>();
            for (SelectedField at = field; at != null && at.getLevel() >= depth; at = at.getParentField()) {
                names.add(0, at.getName());
            }
            return String.join("/", names);
        }
    }
}
