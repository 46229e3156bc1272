-- Evidence sentences with their embeddings, and the verifications run against them.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE evidence (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL,
    external_id  text        NOT NULL,
    text         text        NOT NULL,
    embedding    vector(384) NOT NULL,
    model_id     text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evidence_source_external_id_key UNIQUE (source, external_id)
);

CREATE INDEX evidence_embedding_hnsw_idx ON evidence USING hnsw (embedding vector_cosine_ops);

CREATE TABLE verifications (
    id          uuid        PRIMARY KEY,
    claim       text        NOT NULL,
    verdict     text        NOT NULL,
    confidence  real        NOT NULL,
    result      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX verifications_created_at_idx ON verifications (created_at DESC);
