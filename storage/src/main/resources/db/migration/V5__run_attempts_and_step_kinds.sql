-- Every attempt of a run, in order: the first is the execute, each retry (or a resume after a stop) is another,
-- with who made it, where it started, the production checks it was made on and how it ended. A retry the checks
-- refused is an attempt too (refused or cancelled), so the history keeps it.
CREATE TABLE run_attempts (
    run_id       BIGINT                   NOT NULL REFERENCES pdm_runs (id),
    attempt      INTEGER                  NOT NULL,
    started_by   VARCHAR                  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    from_step    VARCHAR(32)              NOT NULL,
    checks       VARCHAR                  NOT NULL,
    state        VARCHAR(16)              NOT NULL
                 CHECK (state IN ('running', 'failed', 'succeeded', 'refused', 'cancelled', 'interrupted')),
    outcome      VARCHAR,
    finished_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, attempt)
);

-- A step is found by its stable id (name) and carries what it does (kind) and where (target), so a run keeps its
-- own list of steps whatever the configuration says later.
ALTER TABLE run_steps ADD COLUMN kind VARCHAR(32);
ALTER TABLE run_steps ADD COLUMN target VARCHAR(32);
UPDATE run_steps SET kind = 'lock' WHERE name = 'lock';
UPDATE run_steps SET kind = 'announce_start' WHERE name = 'announce start';
UPDATE run_steps SET kind = 'migrations', target = 'gstg' WHERE name = 'gstg';
UPDATE run_steps SET kind = 'qa', target = 'gstg' WHERE name = 'qa gstg';
UPDATE run_steps SET kind = 'migrations', target = 'gprd' WHERE name = 'gprd';
UPDATE run_steps SET kind = 'unlock' WHERE name = 'unlock';
UPDATE run_steps SET kind = 'release_note' WHERE name = 'release note';
UPDATE run_steps SET kind = 'announce_end' WHERE name = 'announce end';
