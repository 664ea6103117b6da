-- How long each post-deploy migration took, learnt from the migration lines of the PDM jobs' traces
-- (`main: == 20231107025611 RemoveIndexFoo: migrated (12.3456s)`), one row per environment, database and version.
-- millis is NULL while the trace showed the migration `migrating` and never `migrated` (it failed); a later success
-- replaces it. nature and table_size are what the classification said when it was learnt, so a prediction can
-- take the median of similar migrations without classifying history again.
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE migration_durations (
    environment  VARCHAR(20)  NOT NULL,
    db_name      VARCHAR(20)  NOT NULL,
    version      VARCHAR(14)  NOT NULL,
    name         VARCHAR(300) NOT NULL,
    nature       VARCHAR(40)  NOT NULL,
    table_size   VARCHAR(20)  NOT NULL,
    millis       BIGINT,
    source       VARCHAR(1000) NOT NULL,
    learnt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment, db_name, version)
);

CREATE INDEX migration_durations_by_nature ON migration_durations (environment, nature);
