package org.partnergraph.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.Bookmark;
import org.partnergraph.common.BadUserInputException;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Read-your-writes across replicas. Within one replica every session shares the driver's bookmark
 * manager; a client whose next request may land on another replica carries the bookmark a mutation
 * answered with ({@code change.graphBookmark}) in the {@value #HEADER} header, and that request's
 * reads wait until the Neo4j member serving them has the write.
 *
 * <p>Neo4j waits for any bookmark it is given, even one for a transaction that will never exist, so a
 * bookmark is only honoured when this deployment made it: it carries an HMAC-SHA256 of its values
 * under {@code partnergraph.bookmarks.secret}. A forged or altered one is refused before Neo4j is
 * asked; a genuine one waits at most {@code partnergraph.bookmarks.wait} ({@link Graph}).
 */
@ApplicationScoped
public class Bookmarks {

    public static final String HEADER = "PartnerGraph-Bookmark";
    private static final Logger LOG = Logger.getLogger(Bookmarks.class);
    private static final int MAX_LENGTH = 4096;
    /** 256 bits, the HMAC-SHA256 key size; a shorter secret would be the weak link. */
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String NOT_OURS = HEADER + " header: not a bookmark from this API (use change.graphBookmark).";
    private static final String NOT_SIGNED = HEADER
            + " header: not signed by this deployment (altered, or made elsewhere); use change.graphBookmark as answered.";

    private final Instance<CurrentVertxRequest> request;
    private final SecretKeySpec key;
    private final Duration wait;

    Bookmarks(Instance<CurrentVertxRequest> request,
            @ConfigProperty(name = "partnergraph.bookmarks.secret") Optional<String> secret,
            @ConfigProperty(name = "partnergraph.bookmarks.wait") Duration wait) {
        this.request = request;
        this.key = new SecretKeySpec(secret.map(Bookmarks::configured).orElseGet(Bookmarks::random), ALGORITHM);
        this.wait = wait;
    }

    /** The longest a read waits for a genuine bookmark before answering BOOKMARK_NOT_REACHED. */
    Duration waitLimit() {
        return wait;
    }

    /** The bookmarks the current request carries; none outside a request or without the header. */
    Set<Bookmark> requested() {
        if (!Arc.container().requestContext().isActive()) {
            return Set.of();
        }
        CurrentVertxRequest current = request.get();
        if (current.getCurrent() == null) {
            return Set.of();
        }
        String header = current.getCurrent().request().getHeader(HEADER);
        return header == null || header.isBlank() ? Set.of() : decode(header.strip());
    }

    /** The opaque form clients carry: URL-safe base64 of the bookmark values (one per line), a dot, the HMAC. */
    String encode(Set<Bookmark> bookmarks) {
        if (bookmarks.isEmpty()) {
            return null;
        }
        byte[] values = bookmarks.stream().map(Bookmark::value).sorted().collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(values) + "." + base64.encodeToString(mac(values));
    }

    Set<Bookmark> decode(String header) {
        if (header.length() > MAX_LENGTH) {
            throw new BadUserInputException(HEADER + " header: longer than " + MAX_LENGTH + " characters.");
        }
        int dot = header.indexOf('.');
        byte[] values;
        byte[] signature;
        try {
            values = Base64.getUrlDecoder().decode(dot < 0 ? header : header.substring(0, dot));
            signature = dot < 0 ? new byte[0] : Base64.getUrlDecoder().decode(header.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException(NOT_OURS);
        }
        // Constant time, so the answer's timing does not reveal how much of a guessed signature is right.
        if (!MessageDigest.isEqual(mac(values), signature)) {
            throw new BadUserInputException(NOT_SIGNED);
        }
        Set<Bookmark> bookmarks = new LinkedHashSet<>();
        for (String value : new String(values, StandardCharsets.UTF_8).split("\n")) {
            if (value.isBlank() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new BadUserInputException(NOT_OURS);
            }
            bookmarks.add(Bookmark.from(value));
        }
        return bookmarks;
    }

    private byte[] mac(byte[] values) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(values);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] configured(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("partnergraph.bookmarks.secret (PARTNERGRAPH_BOOKMARK_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes; e.g. openssl rand -base64 48");
        }
        return bytes;
    }

    private static byte[] random() {
        LOG.info("No partnergraph.bookmarks.secret (PARTNERGRAPH_BOOKMARK_SECRET): bookmarks are signed with a key of this"
                + " process only; replicas must share one secret for a bookmark to be honoured on another replica.");
        byte[] bytes = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
