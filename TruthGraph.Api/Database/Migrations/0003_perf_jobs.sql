-- Performance jobs (profiles, batch-size sweeps, e2e runs): what was asked, how it ended, and the report, as history.
CREATE TABLE perf_jobs (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('profile', 'sweep', 'perf-run')),
    status              text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    -- The model a sweep tunes (null for the other kinds).
    model_id            text,
    request             jsonb       NOT NULL,
    -- The last progress event, written when the job ends (while it runs, progress lives in the API process).
    progress            jsonb,
    result              jsonb,
    summary             text,
    failure             text,
    -- A profile's sampling file (speedscope JSON), downloadable from the API.
    artifact            bytea,
    artifact_name       text,
    applied_batch_size  integer,
    applied_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz
);

CREATE INDEX perf_jobs_kind_created_at_idx ON perf_jobs (kind, created_at DESC);
CREATE INDEX perf_jobs_pending_idx ON perf_jobs (created_at) WHERE status IN ('queued', 'running');

-- At most one sweep per model waiting or running: a second one would measure the first.
CREATE UNIQUE INDEX perf_jobs_one_active_sweep_per_model ON perf_jobs (model_id) WHERE kind = 'sweep' AND status IN ('queued', 'running');
