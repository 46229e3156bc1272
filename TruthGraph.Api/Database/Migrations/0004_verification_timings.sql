-- Stage timings of a verification, in their own column: they are only known once the verification has been stored
-- (the store is one of the timed stages), so they are written just after it. Rows stored before this column existed
-- keep NULL, which the API returns as "no timings" instead of the zeros their result document holds.
ALTER TABLE verifications ADD COLUMN timings jsonb;
