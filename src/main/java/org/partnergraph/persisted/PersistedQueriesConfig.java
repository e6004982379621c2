package org.partnergraph.persisted;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** {@code partnergraph.persisted-queries.*}; defaults and their reasons are in application.properties. */
@ConfigMapping(prefix = "partnergraph.persisted-queries")
public interface PersistedQueriesConfig {

    enum Mode {
        /** Documents are run as sent; a request naming a hash is answered PERSISTED_QUERY_NOT_SUPPORTED. */
        OFF,
        /** Apollo's automatic persisted queries: any client registers a document by sending it with its hash. */
        AUTO,
        /** Only documents an admin registered are run, by hash or by text; nothing is registered by clients. */
        TRUSTED_ONLY
    }

    Mode mode();

    /** Most auto-registered documents kept; past it, documents still run but are not stored. */
    int maxAutoRegistered();

    /** Total length of the documents each replica keeps in memory in front of PostgreSQL. */
    MemorySize cache();

    /** Most documents one registerPersistedQueries call takes. */
    int maxPerRegistration();
}
