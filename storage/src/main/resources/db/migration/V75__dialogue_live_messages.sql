-- The platform message a dialogue's live summary was posted as (a Slack ts, a Discord message id), so that a
-- restarted instance, or another one, edits that message instead of posting a new one. A row per (live key,
-- platform): a dialogue may be live on Slack and on Discord at once, and the primary key lets one insert win when
-- two instances post it at the same moment, which one column on dialogues could not without a read-modify-write.
-- live_key is the dialogue's live key (`triage-<dialogue id>`), not a foreign key: the adapters know only the key.
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE dialogue_live_messages (
    live_key    VARCHAR(100)  NOT NULL,
    platform    VARCHAR(16)   NOT NULL,
    channel     VARCHAR(100)  NOT NULL,
    message_id  VARCHAR(100)  NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (live_key, platform)
);
