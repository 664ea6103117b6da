-- Failure triage (issue 15). One triage per failed migration (or failed step without a migration) per run, decided
-- by the primary key, so two instances hearing the same failure, or a second `triage`, find the first. Its
-- dialogue (steps, answers, timeline) lives in dialogues (V7); this row ties it to the run.
-- A reminder is claimed per (triage, due time) before it is posted: exactly once across instances.
-- A migration marked executed through GitLab's admin API is recorded once per (environment, database, version).
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE triages (
    run_id       BIGINT        NOT NULL,
    environment  VARCHAR(16)   NOT NULL,
    failure      VARCHAR(100)  NOT NULL,
    dialogue_id  VARCHAR(40)   NOT NULL UNIQUE,
    started_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, environment, failure)
);

CREATE TABLE triage_reminders (
    dialogue_id  VARCHAR(40)   NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    instance     VARCHAR(100)  NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dialogue_id, due_at)
);

CREATE TABLE migration_marks (
    environment    VARCHAR(16)   NOT NULL,
    database_name  VARCHAR(16)   NOT NULL,
    version        VARCHAR(20)   NOT NULL,
    marked_by      VARCHAR(100)  NOT NULL,
    marked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(400)  NOT NULL,
    PRIMARY KEY (environment, database_name, version)
);
