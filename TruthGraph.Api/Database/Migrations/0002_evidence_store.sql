-- Documents that evidence sentences come from, ingestion jobs, and a corpus version that result caches key on.

CREATE TABLE documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL,
    external_id  text        NOT NULL,
    title        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT documents_source_external_id_key UNIQUE (source, external_id)
);

ALTER TABLE evidence
    ADD COLUMN document_id bigint REFERENCES documents (id) ON DELETE SET NULL,
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();

CREATE INDEX evidence_document_id_idx ON evidence (document_id);

-- One row. Every committed batch that changes evidence bumps the version in the same transaction, so a cache
-- keyed on it can never serve a verdict computed against a corpus that has since changed.
CREATE TABLE corpus_state (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO corpus_state DEFAULT VALUES;

CREATE TABLE ingestion_jobs (
    id              uuid        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    format          text        NOT NULL,
    source          text        NOT NULL,
    model_id        text        NOT NULL,
    title           text,
    total           integer     NOT NULL DEFAULT 0,
    processed       integer     NOT NULL DEFAULT 0,
    inserted        integer     NOT NULL DEFAULT 0,
    updated         integer     NOT NULL DEFAULT 0,
    skipped         integer     NOT NULL DEFAULT 0,
    rejected        integer     NOT NULL DEFAULT 0,
    last_line       integer     NOT NULL DEFAULT 0,
    -- [{line, field, reason}], capped: 'rejected' has the full count.
    errors          jsonb       NOT NULL DEFAULT '[]',
    failure         text,
    -- The upload itself: a job interrupted by a crash is parsed again from here and resumes after 'processed'.
    payload         bytea       NOT NULL,
    payload_bytes   integer     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- Time spent in completed runs before the current one, so the rate survives a resume.
    active_seconds  double precision NOT NULL DEFAULT 0
);

CREATE INDEX ingestion_jobs_created_at_idx ON ingestion_jobs (created_at DESC);
CREATE INDEX ingestion_jobs_pending_idx ON ingestion_jobs (created_at) WHERE status IN ('queued', 'running');
