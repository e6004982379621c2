package org.partnergraph.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;
import org.partnergraph.common.ApiException;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.GraphQLRequestGuard;
import org.partnergraph.common.GraphQLRequestGuard.Refusal;
import org.partnergraph.common.GraphQLSettings;
import org.partnergraph.common.InternalException;
import org.partnergraph.common.LimitExceededException;
import org.partnergraph.persisted.PersistedQueriesConfig.Mode;
import org.partnergraph.persisted.PersistedQueryRepository.Stored;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.smallrye.graphql.api.ErrorCode;

/**
 * Persisted queries: documents known by the SHA-256 of their text, stored in PostgreSQL (so every replica
 * knows what any replica registered) with an in-process cache in front.
 * <p>
 * In {@code auto} mode this is Apollo's automatic persisted queries protocol: a request carrying
 * {@code extensions.persistedQuery {version: 1, sha256Hash}} and no query runs the stored document, or is
 * answered {@code PersistedQueryNotFound} (code PERSISTED_QUERY_NOT_FOUND), upon which the client sends the
 * document with its hash once, and it is registered. A document is registered only after the request guard
 * has passed it (syntax and every limit): one over a limit is never stored. In {@code trusted-only} mode only
 * documents an admin registered run, however they are sent; clients register nothing.
 * <p>
 * {@link GraphQLRequestGuard} calls {@link #resolve} where it reads the request's document, before its own
 * checks; the answer is the document to check and run, or a coded refusal.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");
    /** How documents come to be trusted: the one mutation trusted-only mode runs unregistered (it needs role admin). */
    static final String REGISTER_FIELD = "registerPersistedQueries";

    private final PersistedQueryRepository repository;
    private final PersistedQueriesConfig config;
    private final GraphQLRequestGuard guard;
    private final GraphQLSettings settings;
    private final Access access;
    /** Documents by hash, bounded by their total length; what is not here is asked of PostgreSQL. */
    private final Cache<String, Stored> cache;

    PersistedQueries(PersistedQueryRepository repository, PersistedQueriesConfig config, GraphQLRequestGuard guard,
            GraphQLSettings settings, Access access) {
        this.repository = repository;
        this.config = config;
        this.guard = guard;
        this.settings = settings;
        this.access = access;
        this.cache = Caffeine.newBuilder().maximumWeight(config.cache().asLongValue())
                .weigher((String hash, Stored stored) -> 64 + stored.document().length())
                .build();
    }

    /**
     * What the guard checks and SmallRye runs: {@code query} is the document (null when the request has
     * none and names no persisted one: the guard refuses that itself); {@code fromStore} when it was looked
     * up by hash (the guard then executes that document); or a refusal to answer instead.
     */
    public record Resolution(String query, boolean fromStore, Optional<Refusal> refusal) {

        static Resolution pass(String query) {
            return new Resolution(query, false, Optional.empty());
        }

        static Resolution refused(String code, String message) {
            return new Resolution(null, false, Optional.of(new Refusal(code, message, null, 200)));
        }
    }

    /**
     * Whether {@link #resolve} would decide without a store, whatever the query: the request names no persisted
     * query (no hash to look up) and not only trusted documents run (which looks the document's hash up).
     */
    public boolean resolvesWithoutStore(JsonValue extensions) {
        JsonValue persisted = extensions instanceof JsonObject object ? object.get("persistedQuery") : null;
        return (persisted == null || persisted.getValueType() == JsonValue.ValueType.NULL) && config.mode() != Mode.TRUSTED_ONLY;
    }

    /** For a JSON request's {@code query} member as sent: a string, absent, or (refused by the guard) anything else. */
    public Resolution resolve(JsonValue query, JsonValue extensions, String operationName) {
        if (query != null && query.getValueType() != JsonValue.ValueType.NULL && !(query instanceof JsonString)) {
            return Resolution.pass(null);
        }
        return resolve(query instanceof JsonString text ? text.getString() : null, extensions, operationName);
    }

    /**
     * Decides the document of a request from its query text (null when absent), its {@code extensions}
     * (any JSON; only an object's {@code persistedQuery} matters) and the operation it names. Works the same
     * for a POST body and for GET parameters. May ask PostgreSQL: call it off the event loop.
     */
    public Resolution resolve(String query, JsonValue extensions, String operationName) {
        try {
            JsonValue persisted = extensions instanceof JsonObject object ? object.get("persistedQuery") : null;
            if (persisted == null || persisted.getValueType() == JsonValue.ValueType.NULL) {
                return plain(query);
            }
            if (config.mode() == Mode.OFF) {
                // Apollo's wording: on it, Apollo clients stop sending hashes and send documents instead.
                return Resolution.refused("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
            }
            Optional<String> hash = hash(persisted);
            if (hash.isEmpty()) {
                return Resolution.refused("BAD_USER_INPUT", persistedQueryShape(persisted));
            }
            return query == null ? byHash(hash.get()) : withHash(query, hash.get(), operationName);
        } catch (ApiException e) {
            ErrorCode code = e.getClass().getAnnotation(ErrorCode.class);
            return Resolution.refused(code == null ? "INTERNAL" : code.value(), e.getMessage());
        }
    }

    /** registerPersistedQueries: an admin trusts documents; answers their hashes, in order. */
    List<String> registerTrusted(List<String> documents) {
        access.require(Roles.ADMIN);
        if (documents.isEmpty() || documents.size() > config.maxPerRegistration()) {
            throw new BadUserInputException("documents: send 1 to " + config.maxPerRegistration() + " documents (got "
                    + documents.size() + ").");
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Optional<Refusal> refusal = guard.verdict(documents.get(i), null);
            if (refusal.isPresent()) {
                String message = "documents[" + i + "]: " + refusal.get().message();
                throw switch (refusal.get().code()) {
                    case "LIMIT_EXCEEDED" -> new LimitExceededException(message);
                    case "BAD_USER_INPUT" -> new BadUserInputException(message);
                    default -> new InternalException(message);
                };
            }
            hashes.add(sha256(documents.get(i)));
        }
        repository.registerTrusted(hashes, documents);
        for (int i = 0; i < hashes.size(); i++) {
            cache.put(hashes.get(i), new Stored(documents.get(i), true));
        }
        return hashes;
    }

    /** Forgets what this replica cached (tests: what is found afterwards comes from PostgreSQL). */
    void clearCache() {
        cache.invalidateAll();
    }

    static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A document sent as text, without a hash. */
    private Resolution plain(String query) {
        if (query == null || config.mode() != Mode.TRUSTED_ONLY || trusted(sha256(query)).isPresent() || exempt(query)) {
            return Resolution.pass(query);
        }
        return notTrusted();
    }

    private Resolution byHash(String hash) {
        if (config.mode() == Mode.TRUSTED_ONLY) {
            return trusted(hash).map(stored -> new Resolution(stored.document(), true, Optional.<Refusal>empty()))
                    .orElseGet(PersistedQueries::notTrusted);
        }
        return known(hash).map(stored -> new Resolution(stored.document(), true, Optional.<Refusal>empty()))
                .orElseGet(() -> Resolution.refused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"));
    }

    private Resolution withHash(String query, String hash, String operationName) {
        if (!sha256(query).equals(hash)) {
            return Resolution.refused("BAD_USER_INPUT", "provided sha does not match query");
        }
        if (config.mode() == Mode.TRUSTED_ONLY) {
            return trusted(hash).isPresent() ? Resolution.pass(query) : notTrusted();
        }
        if (known(hash).isEmpty() && guard.verdict(query, operationName).isEmpty()) {
            // The guard's verdict is kept by document, so its own check that follows parses nothing again.
            if (repository.registerAuto(hash, query, config.maxAutoRegistered())) {
                cache.put(hash, new Stored(query, false));
            } else {
                LOG.warnf("Persisted queries: %d auto-registered documents stored (partnergraph.persisted-queries."
                        + "max-auto-registered); document %s runs but is not registered", config.maxAutoRegistered(), hash);
            }
        }
        return Resolution.pass(query);
    }

    private Optional<Stored> known(String hash) {
        Stored cached = cache.getIfPresent(hash);
        return cached != null ? Optional.of(cached) : load(hash);
    }

    /** A cached entry that is not trusted is asked again: an admin on another replica may have trusted it since. */
    private Optional<Stored> trusted(String hash) {
        Stored cached = cache.getIfPresent(hash);
        return (cached != null && cached.trusted() ? Optional.of(cached) : load(hash)).filter(Stored::trusted);
    }

    private Optional<Stored> load(String hash) {
        Optional<Stored> stored = repository.byHash(hash);
        stored.ifPresent(found -> cache.put(hash, found));
        return stored;
    }

    private static Resolution notTrusted() {
        return Resolution.refused("PERSISTED_QUERY_NOT_TRUSTED", "persisted queries: this deployment runs only "
                + "registered documents, and this one is not registered; send a registered document or its sha256Hash.");
    }

    /** The lower-case hash of a well-formed {@code persistedQuery}; empty when it is not one. */
    private static Optional<String> hash(JsonValue persisted) {
        if (!(persisted instanceof JsonObject object) || !(object.get("version") instanceof JsonNumber version)
                || !version.isIntegral() || version.longValue() != 1
                || !(object.get("sha256Hash") instanceof JsonString hash) || !SHA256_HEX.matcher(hash.getString()).matches()) {
            return Optional.empty();
        }
        return Optional.of(hash.getString().toLowerCase(Locale.ROOT));
    }

    private static String persistedQueryShape(JsonValue persisted) {
        if (persisted instanceof JsonObject object && object.get("version") instanceof JsonNumber version
                && !(version.isIntegral() && version.longValue() == 1)) {
            return "extensions.persistedQuery.version: only version 1 is supported (got " + version + ").";
        }
        return "extensions.persistedQuery: must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits: the SHA-256 of the"
                + " query's UTF-8 text>\"}.";
    }

    /**
     * Documents trusted-only mode runs unregistered, each operation asking at its root only for: __schema,
     * __type and __typename where introspection is on (its own switch governs those, not the list: codegen and
     * GraphiQL send them), or registerPersistedQueries (else no document could ever be registered).
     */
    private boolean exempt(String query) {
        try {
            Document document = Parser.parse(query);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return !operations.isEmpty() && operations.stream().allMatch(operation -> operation.getSelectionSet()
                    .getSelections().stream().allMatch(selection -> selection instanceof Field field
                            && (field.getName().equals(REGISTER_FIELD)
                                    || (settings.introspection() && INTROSPECTION_FIELDS.contains(field.getName())))));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
