package org.partnergraph.common;

import java.util.Locale;
import java.util.Optional;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The parts of the GraphQL-over-HTTP spec (graphql.github.io/graphql-over-http/draft) that are about the
 * answer rather than the request: which media type it has, and its status.
 * <ul>
 * <li>A client that lists {@code application/graphql-response+json} (at least as preferred as
 * {@code application/json}) gets it; one that accepts {@code application/json}, {@code *}{@code /*} or sends
 * no Accept gets {@code application/json}, as the spec says for clients that do not know the new type.
 * Neither acceptable: 406.</li>
 * <li>With {@code application/graphql-response+json}, an answer without {@code data} (the document did not
 * parse or validate, a variable did not coerce, a limit refused it) is 400: the spec forbids a 2xx there.
 * With {@code application/json} it stays 200, as the spec asks for legacy clients.</li>
 * </ul>
 * SmallRye answers 200 with whatever media type the Accept header named first, so both are fixed as the
 * headers go out ({@link #finish}); whether an executed answer has {@code data} is noted by
 * {@link ErrorCodes} ({@link #noData}), which sees the final result.
 */
public final class GraphQLOverHttp {

    /** The two media types of a GraphQL answer. */
    public enum Media {
        JSON("application/json"), GRAPHQL_RESPONSE("application/graphql-response+json");

        private final String type;

        Media(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        String contentType() {
            return type + ";charset=utf-8";
        }

        /** The status of an answer without data: 200 for legacy JSON, 400 otherwise. */
        int requestErrorStatus() {
            return this == JSON ? 200 : 400;
        }
    }

    static final String MEDIA = "partnergraph.media";
    private static final String NO_DATA = "partnergraph.no-data";

    private GraphQLOverHttp() {
    }

    /**
     * The media type to answer with, from an Accept header (null or blank: none sent); empty when the
     * header accepts neither. Quality values decide; on a tie the GraphQL response type wins, as a client
     * that names it knows it. Only an explicit {@code application/graphql-response+json} (or its draft
     * name {@code application/graphql+json}) selects it: wildcards select JSON.
     */
    public static Optional<Media> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(Media.JSON);
        }
        double json = -1;
        double graphql = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (quality <= 0) {
                continue;
            }
            switch (type) {
                case "application/graphql-response+json", "application/graphql+json" -> graphql = Math.max(graphql, quality);
                case "application/json", "*/*" -> json = Math.max(json, quality);
                default -> {
                    // Not a type a GraphQL answer can have.
                }
            }
        }
        if (graphql < 0 && json < 0) {
            return Optional.empty();
        }
        return Optional.of(graphql >= json ? Media.GRAPHQL_RESPONSE : Media.JSON);
    }

    /**
     * Fixes the media type and status of the answer to a GraphQL request as its headers go out; runs after
     * every other header handler (Vert.x calls them in reverse order and this one is added first). With
     * compression on, GraphQL answers may be compressed (Quarkus marks every answer {@code identity} unless
     * a route lets it be compressed); off, they never are, whatever SmallRye's own handler decided.
     */
    static void finish(RoutingContext context, Media media, boolean compress) {
        context.put(MEDIA, media);
        context.addHeadersEndHandler(done -> {
            HttpServerResponse response = context.response();
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/")
                    || !type.toLowerCase(Locale.ROOT).contains("json")) {
                return; // Not a GraphQL answer (405, 408, 413, 415 …): nothing to fix.
            }
            response.putHeader(HttpHeaders.CONTENT_TYPE, media.contentType());
            if (response.getStatusCode() == 200 && Boolean.TRUE.equals(context.get(NO_DATA))) {
                // SmallRye set the reason phrase "OK" itself; it would stay.
                int status = media.requestErrorStatus();
                response.setStatusCode(status).setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase());
            }
            if (compress) {
                response.headers().remove(HttpHeaders.CONTENT_ENCODING);
            } else {
                response.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
        });
    }

    /** The request being executed on this thread, if any (graphql-java's instrumentation starts on it). */
    static RoutingContext current() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
        return request == null ? null : request.getCurrent();
    }

    /** Notes that the answer to this request has no {@code data} entry: a request error. */
    static void noData(RoutingContext context) {
        if (context != null) {
            context.put(NO_DATA, Boolean.TRUE);
        }
    }
}
