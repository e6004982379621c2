package org.partnergraph.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Size> measured = new HashMap<>();
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
            Size size = null;
            if (definition instanceof OperationDefinition operation) {
                size = measure.operation(operation);
            } else if (definition instanceof FragmentDefinition fragment) {
                size = measure.fragment(fragment.getName());
            }
            Optional<String> message = size == null ? Optional.empty() : exceeded(size, limits);
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    /** The size of one operation: its selections plus the directives on it and on its variables. */
    public static Size measure(Document document, OperationDefinition operation) {
        return new DocumentLimits(document).operation(operation);
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

    private Size operation(OperationDefinition operation) {
        long directives = operation.getDirectives().size();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            directives = add(directives, variable.getDirectives().size());
        }
        return selections(operation.getSelectionSet()).withDirectives(directives);
    }

    private Size selections(SelectionSet set) {
        Size total = Size.ZERO;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            total = total.plus(selection(selection));
        }
        return total;
    }

    private Size selection(Selection<?> selection) {
        if (selection instanceof Field field) {
            Size below = selections(field.getSelectionSet());
            return new Size(add(field.getAlias() == null ? 0 : 1, below.aliases()),
                    add(field.getDirectives().size(), below.directives()),
                    add(1, below.depth()), add(1, below.fields()));
        }
        if (selection instanceof InlineFragment inline) {
            return selections(inline.getSelectionSet()).withDirectives(inline.getDirectives().size());
        }
        if (selection instanceof FragmentSpread spread) {
            return fragment(spread.getName()).withDirectives(spread.getDirectives().size());
        }
        return Size.ZERO;
    }

    private Size fragment(String name) {
        Size known = measured.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !measuring.add(name)) {
            return Size.ZERO;
        }
        Size size = selections(definition.getSelectionSet()).withDirectives(definition.getDirectives().size());
        measuring.remove(name);
        measured.put(name, size);
        return size;
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
