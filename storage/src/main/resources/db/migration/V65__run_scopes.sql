-- The subset a run is limited to (`pdm execute --only`, a scheduled run of one group): the words it was asked with,
-- and every (environment, database, version) it may run. A run without a row here is a whole run. Written in the
-- transaction that starts the run, so a run resumed after a crash, a retry and `pdm run N` find the same scope.
CREATE TABLE run_scopes (
    run_id      BIGINT  NOT NULL PRIMARY KEY REFERENCES pdm_runs (id),
    only_words  VARCHAR NOT NULL
);

CREATE TABLE run_scope_migrations (
    run_id       BIGINT      NOT NULL REFERENCES pdm_runs (id),
    environment  VARCHAR(16) NOT NULL,
    db           VARCHAR(8)  NOT NULL,
    version      VARCHAR(14) NOT NULL,
    PRIMARY KEY (run_id, environment, db, version)
);
