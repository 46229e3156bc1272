-- Settings an admin changes while the service runs (today: which NLI model verification uses by default). In the
-- database rather than in one process, so that every API replica and every restart sees the same choice.
CREATE TABLE app_settings (
    key text PRIMARY KEY,
    value text NOT NULL,
    updated_at timestamptz NOT NULL
);
