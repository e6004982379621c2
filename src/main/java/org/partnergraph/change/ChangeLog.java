package org.partnergraph.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.GraphUnavailableException;
import org.partnergraph.common.WriteOutcomeUnknownException;
import org.partnergraph.dataset.Bundle;
import org.partnergraph.dataset.BundleRejectedException;
import org.partnergraph.dataset.BundleValidator;
import org.partnergraph.dataset.Problem;
import org.partnergraph.document.DocumentService;
import org.partnergraph.graph.Graph;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Accepts writes. A write is validated against the ledger and committed to PostgreSQL as one change
 * (the change row, the nodes it touches, the new ledger rows and any source documents) in one
 * transaction, under a lock that orders all writes; only then is it applied to the graph, by the
 * {@link Projector}. A write that is not committed here is refused and nothing of it exists anywhere.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Logger LOG = Logger.getLogger(ChangeLog.class);
    /** Keys the log gives writes that came without one (printable ASCII, as a client's). */
    static final String GENERATED_KEY_PREFIX = "auto:";

    /**
     * One write as a client asked for it.
     *
     * @param key    the client's idempotency key, or one derived from the content; null for none
     * @param input  what was asked, stored for the audit trail (a mutation's input object, or a bundle)
     * @param draft  builds the rows to write from the ledger, while the write lock is held
     */
    public record Submission(ChangeKind kind, String key, Object input, String author, Function<Ledger, Draft> draft) {
    }

    /**
     * The outcome: the change (status after the projector's inline attempt) and whether this request
     * only found the change an earlier request with the same idempotency key made.
     */
    public record Accepted(Change change, boolean replayed, Bundle bundle) {
    }

    private final ChangeRepository changes;
    private final BundleValidator validator;
    private final DocumentService documents;
    private final Projector projector;
    private final Access access;
    private final Graph graph;
    private final Records records;
    private final ObjectMapper json;

    ChangeLog(ChangeRepository changes, BundleValidator validator, DocumentService documents, Projector projector,
            Access access, Graph graph, Records records, ObjectMapper json) {
        this.access = access;
        this.graph = graph;
        this.changes = changes;
        this.validator = validator;
        this.documents = documents;
        this.projector = projector;
        this.records = records;
        this.json = json;
    }

    /**
     * An editor's write: refused with UNAUTHENTICATED/FORBIDDEN below the editor role and with
     * BAD_USER_INPUT without input, then submitted with the caller as author.
     */
    public Accepted submitEdit(ChangeKind kind, Object input, String idempotencyKey, Function<Ledger, Draft> draft) {
        access.require(Roles.EDITOR);
        if (input == null) {
            throw new BadUserInputException("input: is required.");
        }
        return submit(new Submission(kind, idempotencyKey, input, access.subject(), draft));
    }

    /**
     * What the graph holds now about the change's target, or null while the change is not applied, or when the
     * graph cannot be read back at this moment (Neo4j gone since it applied the change). The write is in the log
     * and in the graph then: failing the mutation would tell the client it was refused (the fault test found
     * writes answered GRAPH_UNAVAILABLE that were written); the change, APPLIED, says it is there.
     */
    public static <T> T ifApplied(Accepted accepted, Function<String, Optional<? extends T>> read) {
        if (accepted.change().status() != ChangeStatus.APPLIED) {
            return null;
        }
        try {
            return read.apply(accepted.change().targetId()).orElse(null);
        } catch (GraphUnavailableException | ServiceUnavailableException | SessionExpiredException e) {
            LOG.warnf("Change %s is applied, but the graph could not be read back for its answer: %s",
                    accepted.change().id(), e.getMessage());
            return null;
        }
    }

    public Accepted submit(Submission submission) {
        if (submission.key() != null && !KEY.matcher(submission.key()).matches()) {
            throw new BadUserInputException("idempotencyKey: 1 to 200 printable ASCII characters without spaces.");
        }
        String input = toJson(submission.input());
        String inputHash = sha256(submission.kind() + "\n" + input);
        // Every change has a key, so that a write whose COMMIT outcome is unknown can be sent again safely,
        // even by a client that did not choose one.
        Submission keyed = submission.key() != null ? submission : new Submission(submission.kind(),
                GENERATED_KEY_PREFIX + UUID.randomUUID(), submission.input(), submission.author(), submission.draft());
        Accepted accepted;
        try {
            accepted = records.write(c -> record(c, keyed, input, inputHash));
        } catch (Records.CommitOutcomeUnknown e) {
            LOG.warnf(e, "Outcome of change with idempotency key %s unknown", keyed.key());
            throw new WriteOutcomeUnknownException("The records store failed while committing this write: whether it was"
                    + " recorded is unknown. Send the same write again with idempotencyKey '" + keyed.key() + "': if it was"
                    + " recorded, that answers its change; if not, it is written once.", e);
        }
        if (accepted.replayed() && accepted.change().status() != ChangeStatus.PENDING) {
            return accepted;
        }
        Change applied = projector.applyUpTo(accepted.change());
        return new Accepted(applied.status() == ChangeStatus.APPLIED ? applied.withGraphBookmark(graph.bookmark()) : applied,
                accepted.replayed(), accepted.bundle());
    }

    /** Validates a draft as {@link #submit} would, and writes nothing (dry runs). */
    public Bundle validate(Function<Ledger, Draft> draft) {
        return inTransaction(c -> {
            Ledger ledger = changes.ledger(c);
            return validated(draft.apply(ledger), ledger);
        });
    }

    /** Documents, nodes and relationships an import change wrote. */
    public int[] importCounts(Change change) {
        return inTransaction(c -> changes.importCounts(c, change.sequence()));
    }

    private Accepted record(Connection c, Submission submission, String input, String inputHash) throws SQLException {
        changes.lock(c, ChangeRepository.WRITE_LOCK);
        if (submission.key() != null) {
            Optional<ChangeRepository.Recorded> earlier = changes.byKey(c, submission.key());
            if (earlier.isPresent()) {
                if (!earlier.get().inputHash().equals(inputHash)) {
                    throw new BadUserInputException("idempotencyKey: already used by change " + earlier.get().change().id()
                            + " for a different write; use a new key for a new write.");
                }
                return new Accepted(earlier.get().change(), true, null);
            }
        }
        Ledger ledger = changes.ledger(c);
        Draft draft = submission.draft().apply(ledger);
        Bundle bundle = validated(draft, ledger);

        long id = changes.nextId(c);
        Change change = changes.insert(c, id, submission.key(), submission.kind(), submission.author(), draft.documentId(),
                draft.targetId(), draft.summary(), input, inputHash, toJson(bundle.effect()));
        changes.insertSubjects(c, id, subjects(draft.bundle()));
        changes.upsertNodes(c, id, ledgerNodes(draft.bundle()));
        changes.upsertRelationships(c, id, ledgerRelationships(draft.bundle()));
        if (!bundle.documents().isEmpty()) {
            documents.upsertAll(bundle.documents());
        }
        return new Accepted(change, false, bundle);
    }

    private Bundle validated(Draft draft, Ledger ledger) {
        List<Problem> problems = new ArrayList<>(draft.problems());
        Bundle bundle = null;
        try {
            bundle = validator.validate(draft.bundle(), ledger::labelsOf);
        } catch (BundleRejectedException e) {
            problems.addAll(e.problems());
        }
        if (problems.isEmpty()) {
            return bundle;
        }
        if (draft.fieldName() == null) {
            throw new BundleRejectedException(draft.bundle().path("bundle").asText("?"), problems);
        }
        // One-row bundles built from a mutation: name the client's fields, not the bundle's.
        Set<String> messages = new LinkedHashSet<>();
        for (Problem problem : problems) {
            messages.add(draft.fieldName().apply(problem.field()) + ": " + problem.reason());
        }
        throw new BadUserInputException("Invalid input, nothing written: " + String.join("; ", messages) + ".");
    }

    private static Set<String> subjects(JsonNode bundle) {
        Set<String> ids = new LinkedHashSet<>();
        BundleValidator.sectionLabels().keySet().forEach(section -> bundle.path(section).forEach(row -> ids.add(row.path("id").asText())));
        bundle.path("relationships").forEach(row -> {
            ids.add(row.path("id").asText());
            // The history of a node includes the relationships stated about it.
            ids.add(row.path("from").asText());
            ids.add(row.path("to").asText());
        });
        return ids;
    }

    private static List<Ledger.Node> ledgerNodes(JsonNode bundle) {
        List<Ledger.Node> rows = new ArrayList<>();
        BundleValidator.sectionLabels().forEach((section, label) -> bundle.path(section)
                .forEach(row -> rows.add(new Ledger.Node(row.path("id").asText(), label, (ObjectNode) row))));
        return rows;
    }

    private static List<Ledger.Relationship> ledgerRelationships(JsonNode bundle) {
        List<Ledger.Relationship> rows = new ArrayList<>();
        bundle.path("relationships").forEach(row -> rows.add(new Ledger.Relationship(row.path("id").asText(),
                row.path("type").asText(), row.path("from").asText(), row.path("to").asText(),
                row.path("since").asText(null), row.path("until").asText(null), (ObjectNode) row)));
        return rows;
    }

    private <T> T inTransaction(Records.Work<T> work) {
        return records.transaction(work);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
