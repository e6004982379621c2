package org.partnergraph.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;

/**
 * Measures a parsed document before graphql-java validates or runs it: how many aliases, directives
 * and field selections it makes and how deep it goes, with every fragment counted again at each
 * spread, because that is the work the server would do. Each fragment is measured once and the
 * result reused (memoised), so a "fragment bomb" (each fragment spreading the previous one twice,
 * 2^n fields from n lines) is measured in linear time; counts saturate instead of overflowing.
 * A fragment that spreads itself, directly or not, counts as empty where the cycle closes:
 * validation then refuses the cycle with BAD_USER_INPUT.
 * <p>
 * Measuring before validation matters: graphql-java's validation and its own depth and complexity
 * analysis expand fragments without memoising, so an oversized document must be refused first.
 * <p>
 * Introspection ({@code __schema}, {@code __type} and everything below them, and fragments on the
 * {@code __} types) is measured apart: the introspection query every tool sends (graphql-js
 * {@code getIntrospectionQuery()}, GraphiQL, codegen) is 15 levels deep, deeper than any data query needs.
 * It answers from the schema alone, so it has its own bound instead, the one graphql-java's good-faith
 * introspection applies at execution ({@code graphql.introspection.GoodFaithIntrospection}): {@code __schema},
 * {@code __type} and the {@code __Type} fields that can cycle ({@code fields}, {@code inputFields},
 * {@code interfaces}, {@code possibleTypes}) at most once each, at most 20 levels and 500 fields. Checking it
 * here refuses an abusive introspection before graphql-java validates it; the data fields of a document
 * that also introspects still count against the ordinary limits.
 */
public final class DocumentLimits {

    /** What a selection (set) costs. Depth is the deepest field level, root fields being level 1. */
    public record Size(long aliases, long directives, long depth, long fields) {

        static final Size ZERO = new Size(0, 0, 0, 0);

        Size plus(Size other) {
            return new Size(add(aliases, other.aliases), add(directives, other.directives),
                    Math.max(depth, other.depth), add(fields, other.fields));
        }

        Size withDirectives(long more) {
            return new Size(aliases, add(directives, more), depth, fields);
        }
    }

    /** graphql-java's good-faith bounds, so that what passes here passes its check at execution. */
    static final int INTROSPECTION_MAX_DEPTH = GoodFaithIntrospection.GOOD_FAITH_MAX_DEPTH_COUNT;
    static final int INTROSPECTION_MAX_FIELDS = GoodFaithIntrospection.GOOD_FAITH_MAX_FIELDS_COUNT;
    /** The fields good-faith introspection allows once per operation: each repeat multiplies the answer. */
    static final List<String> ONCE = List.of("__schema", "__type", "fields", "inputFields", "interfaces", "possibleTypes");

    /**
     * A measure in two parts: the data part, held to the ordinary limits, and the introspection part with
     * how often it asks for each of the {@link #ONCE} fields (in that order).
     */
    record Measure(Size data, Size introspection, long[] once) {

        static final Measure ZERO = new Measure(Size.ZERO, Size.ZERO, new long[ONCE.size()]);

        Measure plus(Measure other) {
            long[] sum = new long[ONCE.size()];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = add(once[i], other.once[i]);
            }
            return new Measure(data.plus(other.data), introspection.plus(other.introspection), sum);
        }

        Measure withDirectives(long more) {
            return new Measure(data.withDirectives(more), introspection, once);
        }
    }

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    /** By fragment name and whether it is spread inside introspection, which changes where it counts. */
    private final Map<String, Measure> measured = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    private DocumentLimits(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                // A duplicate name is a validation error; the first one is as good as any to measure.
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
    }

    /**
     * The first limit the document exceeds, as a client-facing message naming it; empty when it is
     * within all of them. Every operation is checked, not just the one to run, and so is every
     * fragment, because validation looks at all of them.
     */
    public static Optional<String> exceeded(Document document, GraphQLSettings limits) {
        DocumentLimits measure = new DocumentLimits(document);
        for (Definition<?> definition : document.getDefinitions()) {
            Measure size = null;
            if (definition instanceof OperationDefinition operation) {
                size = measure.operation(operation);
            } else if (definition instanceof FragmentDefinition fragment) {
                size = measure.fragment(fragment.getName(), introspective(fragment));
            }
            Optional<String> message = size == null ? Optional.empty() : exceeded(size, limits);
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    /** The size of one operation's data part: its selections plus the directives on it and on its variables. */
    public static Size measure(Document document, OperationDefinition operation) {
        return new DocumentLimits(document).operation(operation).data();
    }

    /** The size of one operation's introspection part. */
    public static Size measureIntrospection(Document document, OperationDefinition operation) {
        return new DocumentLimits(document).operation(operation).introspection();
    }

    private static Optional<String> exceeded(Measure size, GraphQLSettings limits) {
        // Directives are few in any real document, introspection included: one limit for both parts.
        Optional<String> data = exceeded(size.data().withDirectives(size.introspection().directives()), limits);
        if (data.isPresent()) {
            return data;
        }
        for (int i = 0; i < ONCE.size(); i++) {
            if (size.once()[i] > 1) {
                String field = i < 2 ? ONCE.get(i) : "__Type." + ONCE.get(i);
                return Optional.of("introspection: the query asks for " + field + " " + count(size.once()[i])
                        + " times (a fragment's at each spread); good-faith introspection asks for it once.");
            }
        }
        if (size.introspection().depth() > INTROSPECTION_MAX_DEPTH) {
            return Optional.of("introspection: the query is " + count(size.introspection().depth())
                    + " levels deep; introspection may go at most " + INTROSPECTION_MAX_DEPTH + " levels deep.");
        }
        if (size.introspection().fields() > INTROSPECTION_MAX_FIELDS) {
            return Optional.of("introspection: the query selects " + count(size.introspection().fields())
                    + " introspection fields (a fragment's at each spread); at most " + INTROSPECTION_MAX_FIELDS + " are allowed.");
        }
        return Optional.empty();
    }

    /** True when the operation asks for {@code __schema} or {@code __type}, which exist only at the root. */
    public static boolean introspects(Document document, OperationDefinition operation) {
        return new DocumentLimits(document).introspects(operation.getSelectionSet(), new HashSet<>());
    }

    static Optional<String> exceeded(Size size, GraphQLSettings limits) {
        if (size.aliases() > limits.maxAliases()) {
            return Optional.of("aliases: the query uses " + count(size.aliases())
                    + " aliases (a fragment's at each spread); at most " + limits.maxAliases() + " are allowed.");
        }
        if (size.directives() > limits.maxDirectives()) {
            return Optional.of("directives: the query uses " + count(size.directives())
                    + " directives (a fragment's at each spread); at most " + limits.maxDirectives() + " are allowed.");
        }
        if (size.depth() > limits.maxDepth()) {
            return Optional.of("depth: the query is " + count(size.depth()) + " levels deep; at most "
                    + limits.maxDepth() + " are allowed.");
        }
        if (size.fields() > limits.maxComplexity()) {
            return Optional.of("complexity: the query selects " + count(size.fields())
                    + " fields (a fragment's at each spread); at most " + limits.maxComplexity() + " are allowed.");
        }
        return Optional.empty();
    }

    private Measure operation(OperationDefinition operation) {
        long directives = operation.getDirectives().size();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            directives = add(directives, variable.getDirectives().size());
        }
        return selections(operation.getSelectionSet(), false).withDirectives(directives);
    }

    private Measure selections(SelectionSet set, boolean inIntrospection) {
        Measure total = Measure.ZERO;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            total = total.plus(selection(selection, inIntrospection));
        }
        return total;
    }

    private Measure selection(Selection<?> selection, boolean inIntrospection) {
        if (selection instanceof Field field) {
            boolean starts = field.getName().equals("__schema") || field.getName().equals("__type");
            boolean inside = inIntrospection || starts;
            Measure below = selections(field.getSelectionSet(), inside);
            long[] once = below.once().clone();
            int index = ONCE.indexOf(field.getName());
            if (index >= 0 && (inside || index < 2)) {
                once[index] = add(once[index], 1);
            }
            Size part = inside ? below.introspection() : below.data();
            Size self = new Size(add(field.getAlias() == null ? 0 : 1, part.aliases()),
                    add(field.getDirectives().size(), part.directives()), add(1, part.depth()), add(1, part.fields()));
            if (inside) {
                return new Measure(Size.ZERO, self, once);
            }
            // A data field above introspection (which validation then refuses) still adds its level.
            Size introspection = below.introspection().depth() == 0 ? below.introspection()
                    : new Size(below.introspection().aliases(), below.introspection().directives(),
                            add(1, below.introspection().depth()), below.introspection().fields());
            return new Measure(self, introspection, once);
        }
        if (selection instanceof InlineFragment inline) {
            return selections(inline.getSelectionSet(), inIntrospection).withDirectives(inline.getDirectives().size());
        }
        if (selection instanceof FragmentSpread spread) {
            return fragment(spread.getName(), inIntrospection).withDirectives(spread.getDirectives().size());
        }
        return Measure.ZERO;
    }

    private Measure fragment(String name, boolean inIntrospection) {
        String key = inIntrospection ? name + " (introspection)" : name;
        Measure known = measured.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !measuring.add(key)) {
            return Measure.ZERO;
        }
        Measure size = selections(definition.getSelectionSet(), inIntrospection)
                .withDirectives(definition.getDirectives().size());
        measuring.remove(key);
        measured.put(key, size);
        return size;
    }

    /** A fragment on one of the introspection types ({@code __Type} …) is introspection wherever it is. */
    private static boolean introspective(FragmentDefinition fragment) {
        return fragment.getTypeCondition() != null && fragment.getTypeCondition().getName().startsWith("__");
    }

    private boolean introspects(SelectionSet set, Set<String> visited) {
        if (set == null) {
            return false;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && List.of("__schema", "__type").contains(field.getName())) {
                return true;
            }
            if (selection instanceof InlineFragment inline && introspects(inline.getSelectionSet(), visited)) {
                return true;
            }
            if (selection instanceof FragmentSpread spread && visited.add(spread.getName())
                    && fragments.containsKey(spread.getName())
                    && introspects(fragments.get(spread.getName()).getSelectionSet(), visited)) {
                return true;
            }
        }
        return false;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static String count(long value) {
        return value == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(value);
    }
}
