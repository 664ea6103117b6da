-- One counter that every instance on this database bumps when it changes what is pending (a run step ends, a
-- package is ingested, a demo command moves the world), and that every instance polls with one cheap read to know
-- that its in-memory pending view is out of date. One row, id 1; generation only grows.
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE world_changes (
    id          SMALLINT      NOT NULL PRIMARY KEY,
    generation  BIGINT        NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(200)  NOT NULL,
    CONSTRAINT world_changes_one_row CHECK (id = 1)
);

INSERT INTO world_changes (id, generation, changed_at, reason) VALUES (1, 0, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'created');
