-- Which API replica runs a job. Each replica holds a PostgreSQL advisory lock on its runner id for as long as it lives,
-- so a job left 'running' by a replica whose lock is free was cut off by its death, and only such jobs are requeued
-- (ingestion) or recorded as failed (performance jobs): a replica starting up must not take over a live replica's job.
ALTER TABLE ingestion_jobs ADD COLUMN runner integer;
ALTER TABLE perf_jobs ADD COLUMN runner integer;

-- Where each API replica answers, so that one replica can ask the others for what only they hold in memory (the spans
-- of a trace they served). A row is live while its runner lock is held; rows of dead runners are removed at registration.
CREATE TABLE api_replicas (
    runner      integer     PRIMARY KEY,
    url         text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now()
);
