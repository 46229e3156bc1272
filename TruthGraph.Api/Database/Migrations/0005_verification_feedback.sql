-- What users say a verdict should have been ("this verdict is wrong"): kept beside the verification it corrects, so the
-- pair (claim, evidence, model verdict, user label) can be exported as labelled data. Removing a verification removes
-- its labels; a label never exists without the verification it is about.
CREATE TABLE verification_feedback (
    id uuid PRIMARY KEY,
    verification_id uuid NOT NULL REFERENCES verifications (id) ON DELETE CASCADE,
    expected_verdict text NOT NULL CHECK (expected_verdict IN ('SUPPORTED', 'REFUTED', 'DISPUTED', 'NOT_ENOUGH_INFO')),
    comment text,
    created_at timestamptz NOT NULL
);
CREATE INDEX verification_feedback_verification_idx ON verification_feedback (verification_id, created_at DESC);
