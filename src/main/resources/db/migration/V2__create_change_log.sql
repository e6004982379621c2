-- The change log: every accepted write, first committed here, then applied to Neo4j by the projector.
-- Ids are assigned under a transaction-scoped advisory lock (ChangeRepository.WRITE_LOCK), so id order
-- is commit order, without gaps: replaying the log in id order reproduces the graph exactly.
CREATE TABLE change (
    id               BIGINT       PRIMARY KEY,
    -- The client's key, or one derived from the content (dataset bundles); a retried request finds its change.
    idempotency_key  VARCHAR(200) UNIQUE,
    kind             VARCHAR(40)  NOT NULL,
    -- The token subject of the author; system:<process> for changes the service makes itself.
    author           VARCHAR(200) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    document_id      VARCHAR(120) REFERENCES document (id),
    -- The node or relationship the change is about (organisation, partnership …); null for imports.
    target_id        VARCHAR(120),
    summary          VARCHAR(500) NOT NULL,
    -- What was asked (the mutation's arguments or the bundle) and its digest, to recognise a reused key.
    input            JSONB        NOT NULL,
    input_hash       CHAR(64)     NOT NULL,
    -- What the projector writes: nodes by label and relationships by type, in their stored shape.
    effect           JSONB        NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPLIED', 'FAILED')),
    applied_at       TIMESTAMPTZ,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       VARCHAR(500)
);

CREATE INDEX change_unapplied ON change (id) WHERE status <> 'APPLIED';

-- Which nodes and relationships each change touched: the history of one node, newest first.
CREATE TABLE change_subject (
    node_id    VARCHAR(120) NOT NULL,
    change_id  BIGINT       NOT NULL REFERENCES change (id),
    PRIMARY KEY (node_id, change_id)
);

-- The ledger: the current state of every node and stated relationship, in bundle form, kept in the same
-- transaction as the log. Writes are validated against it, so a write is checked (unknown references,
-- duplicates, dates) even while Neo4j is down. Neither nodes nor relationships are ever deleted.
CREATE TABLE ledger_node (
    id         VARCHAR(120) PRIMARY KEY,
    label      VARCHAR(40)  NOT NULL,
    row        JSONB        NOT NULL,
    change_id  BIGINT       NOT NULL REFERENCES change (id)
);

CREATE TABLE ledger_relationship (
    id         VARCHAR(120) PRIMARY KEY,
    type       VARCHAR(40)  NOT NULL,
    from_id    VARCHAR(120) NOT NULL,
    to_id      VARCHAR(120) NOT NULL,
    since      VARCHAR(10),
    until      VARCHAR(10),
    row        JSONB        NOT NULL,
    change_id  BIGINT       NOT NULL REFERENCES change (id)
);

CREATE INDEX ledger_relationship_pair ON ledger_relationship (type, from_id, to_id);
