-- Which API replica runs a job. Each replica holds a PostgreSQL advisory lock on its runner id for as long as it lives,
-- so a job left 'running' by a replica whose lock is free was cut off by its death, and only such jobs are requeued
-- (ingestion) or recorded as failed (performance jobs): a replica starting up must not take over a live replica's job.
ALTER TABLE ingestion_jobs ADD COLUMN runner integer;
ALTER TABLE perf_jobs ADD COLUMN runner integer;
