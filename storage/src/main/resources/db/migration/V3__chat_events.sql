-- Chat events handled once across retries and instances, and the server-side state of chat buttons.
-- One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.

CREATE TABLE chat_events (
    platform    VARCHAR(16)  NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    instance    VARCHAR(100) NOT NULL,
    PRIMARY KEY (platform, event_id)
);

CREATE INDEX chat_events_claimed_at ON chat_events (claimed_at);

-- A button's opaque id points here: the command words a click runs, who may click, until when.
-- used_at is set once, by the click that wins; a second click finds it set and does nothing.
CREATE TABLE chat_buttons (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    platform    VARCHAR(16)  NOT NULL,
    command     VARCHAR(2000) NOT NULL,
    label       VARCHAR(200) NOT NULL,
    may_click   VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    used_by     VARCHAR(100)
);

CREATE INDEX chat_buttons_expires_at ON chat_buttons (expires_at);
