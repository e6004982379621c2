-- Persisted queries: GraphQL documents known by the SHA-256 of their text (Apollo's automatic persisted
-- queries, and the trusted documents production may be limited to). Kept here, not per process, so
-- every replica knows a document any replica registered.
CREATE TABLE persisted_query (
    -- Lower-case hex SHA-256 of the document's UTF-8 text, as clients compute it.
    sha256         CHAR(64)     PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    document       TEXT         NOT NULL,
    -- Registered by an admin (registerPersistedQueries): the only documents trusted-only mode runs.
    -- Auto-registered documents come from any client and are never trusted.
    trusted        BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The cap on auto-registered documents counts these.
CREATE INDEX persisted_query_auto ON persisted_query (registered_at) WHERE NOT trusted;
