package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.agreement.AgreementKind;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.LimitExceededException;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.event.EventKind;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.programme.ProgrammeCategory;
import org.partnergraph.region.RegionLevel;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Exports of the graph for analysts' tools: who may, what scope, how many rows; streamed, never held. */
@ApplicationScoped
public class ExportService {

    static final int MAX_HOPS = 3;

    /** What ?kind= may name: a node type, or a subtype of one. */
    static final Set<String> KINDS = Stream.of(Nodes.LABELS.stream(), names(OrganizationKind.values()),
            names(RegionLevel.values()), names(ProgrammeCategory.values()), names(AgreementKind.values()),
            names(EventKind.values())).flatMap(s -> s).collect(Collectors.toCollection(TreeSet::new));

    private final ExportRepository repository;
    private final DocumentService documents;
    private final ExportConfig config;

    ExportService(ExportRepository repository, DocumentService documents, ExportConfig config) {
        this.repository = repository;
        this.documents = documents;
        this.config = config;
    }

    /** Exports need the analyst role: UNAUTHENTICATED for anonymous callers, FORBIDDEN below analyst. */
    void authorize(SecurityIdentity identity) {
        Access.require(identity, Roles.ANALYST);
    }

    /** The scope the request's parameters ask for; BAD_USER_INPUT naming the parameter when they make none. */
    ExportScope scope(String focus, String hops, List<String> kinds) {
        int around = 1;
        if (hops != null) {
            if (focus == null) {
                throw new BadUserInputException("hops: only with focus (the neighbourhood's centre).");
            }
            try {
                around = Integer.parseInt(hops.strip());
            } catch (NumberFormatException e) {
                throw new BadUserInputException("hops: '" + hops + "' is not a whole number from 1 to " + MAX_HOPS + ".");
            }
            if (around < 1 || around > MAX_HOPS) {
                throw new BadUserInputException("hops: must be 1 to " + MAX_HOPS + ", not " + around + ".");
            }
        }
        if (focus != null && focus.isBlank()) {
            throw new BadUserInputException("focus: give a node's id, e.g. kashgar-polytechnic.");
        }
        Set<String> asked = new LinkedHashSet<>();
        kinds.forEach(k -> Arrays.stream(k.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(asked::add));
        for (String kind : asked) {
            if (!KINDS.contains(kind)) {
                throw new BadUserInputException("kind: '" + kind + "' is neither a type nor a subtype; one of " + KINDS + ".");
            }
        }
        return new ExportScope(focus, around, asked.isEmpty() ? null : List.copyOf(asked));
    }

    /**
     * Counts the scope's rows; past the limit, LIMIT_EXCEEDED before {@code open} is called (nothing is sent).
     * Otherwise streams the export into what {@code open} answers. A scope that grows past the limit while
     * it streams is cut off with LIMIT_EXCEEDED. Answers the rows written.
     */
    long export(ExportScope scope, ExportFormat format, Function<ExportFormat, OutputStream> open) {
        Map<String, String> titles = documents.all().stream().collect(Collectors.toMap(Document::id, Document::title));
        long max = config.maxRows();
        return repository.export(scope, format.nodes(), format.edges(), titles, config.fetchSize(), config.timeout(),
                counts -> {
                    long rows = (format.nodes() ? counts.nodes() : 0) + (format.edges() ? counts.edges() : 0);
                    if (rows > max) {
                        throw new LimitExceededException("This export would hold " + rows + " rows (" + counts.nodes()
                                + " nodes, " + counts.edges() + " edges); at most " + max + " are allowed "
                                + "(PARTNERGRAPH_EXPORT_MAX_ROWS). Narrow it with focus and hops, or kind.");
                    }
                    return capped(format.open(open.apply(format)), max);
                });
    }

    private static ExportWriter capped(ExportWriter writer, long max) {
        return new ExportWriter() {
            private long rows;

            @Override
            public void node(ExportNode node) throws IOException {
                count();
                writer.node(node);
            }

            @Override
            public void edge(ExportEdge edge) throws IOException {
                count();
                writer.edge(edge);
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }

            private void count() {
                if (++rows > max) {
                    throw new LimitExceededException("The graph grew past " + max + " rows while this export ran.");
                }
            }
        };
    }

    private static Stream<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name);
    }
}
