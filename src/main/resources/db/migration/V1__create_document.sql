-- Source documents: every fact in the graph cites one of these by id.
CREATE TABLE document (
    id          VARCHAR(120) PRIMARY KEY,
    title       VARCHAR(400) NOT NULL,
    issuer      VARCHAR(200) NOT NULL,
    number      VARCHAR(120),
    -- ISO 8601, as precise as the document is: 2018-08-13, or 2024 for an undated article.
    issued      VARCHAR(10)  NOT NULL CHECK (issued ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    kind        VARCHAR(40)  NOT NULL,
    excerpt     TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX document_issued ON document (issued);
