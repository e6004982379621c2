package org.partnergraph.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.neo4j.driver.Bookmark;
import org.partnergraph.common.BadUserInputException;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Read-your-writes across replicas. Within one replica every session shares the driver's bookmark
 * manager; a client whose next request may land on another replica carries the bookmark a mutation
 * answered with ({@code change.graphBookmark}) in the {@value #HEADER} header, and that request's
 * reads wait until the Neo4j member serving them has the write.
 */
@ApplicationScoped
public class Bookmarks {

    public static final String HEADER = "PartnerGraph-Bookmark";
    private static final int MAX_LENGTH = 4096;

    private final Instance<CurrentVertxRequest> request;

    Bookmarks(Instance<CurrentVertxRequest> request) {
        this.request = request;
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

    /** The opaque form clients carry: URL-safe base64 of the bookmark values, one per line. */
    public static String encode(Set<Bookmark> bookmarks) {
        if (bookmarks.isEmpty()) {
            return null;
        }
        String values = bookmarks.stream().map(Bookmark::value).sorted().collect(Collectors.joining("\n"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.getBytes(StandardCharsets.UTF_8));
    }

    static Set<Bookmark> decode(String header) {
        if (header.length() > MAX_LENGTH) {
            throw new BadUserInputException(HEADER + " header: longer than " + MAX_LENGTH + " characters.");
        }
        String values;
        try {
            values = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException(HEADER + " header: not a bookmark from this API (use change.graphBookmark).");
        }
        Set<Bookmark> bookmarks = new LinkedHashSet<>();
        for (String value : values.split("\n")) {
            if (value.isBlank() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new BadUserInputException(HEADER + " header: not a bookmark from this API (use change.graphBookmark).");
            }
            bookmarks.add(Bookmark.from(value));
        }
        return bookmarks;
    }
}
