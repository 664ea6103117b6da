-- A window is named by its end, not its start: the decisions give a window already open as starting now, so its
-- start moves from one look to the next while its end does not (claiming by start proposed an open window again at
-- every look). One dialect: runs on H2 (PostgreSQL mode) and on PostgreSQL.
ALTER TABLE schedule_offers DROP CONSTRAINT schedule_offers_once_per_window;
ALTER TABLE schedule_offers ADD CONSTRAINT schedule_offers_once_per_window_end UNIQUE (environment, nature, window_end);
