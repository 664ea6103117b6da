-- Multi-step chat dialogues (a triage, a scheduled-run proposal): their state lives here, not in memory, so a
-- dialogue resumes after a restart and on another instance. One dialogue of a kind is open per subject
-- (open_slot is 1 while open, NULL once closed: the unique index then lets closed ones pile up as history).
-- version is bumped by every answer; an answer given on a stale version loses (two clicks, two instances).
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE dialogues (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    kind        VARCHAR(40)   NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    platform    VARCHAR(16)   NOT NULL,
    channel     VARCHAR(100)  NOT NULL,
    owner       VARCHAR(100)  NOT NULL,
    step        VARCHAR(100)  NOT NULL,
    state       VARCHAR(20000) NOT NULL,
    version     INTEGER       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    open_slot   SMALLINT
);

CREATE UNIQUE INDEX dialogues_one_open_per_subject ON dialogues (kind, subject, open_slot);
CREATE INDEX dialogues_expires_at ON dialogues (expires_at);
