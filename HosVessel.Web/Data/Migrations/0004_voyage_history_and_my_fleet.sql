-- Voyage history: every value a push changes, and every ship entering or leaving the feed (issue 13).
-- Written by VoyageStore in the push's own transaction; pruned nightly after the retention period.
-- Clustered by ship and time (WITHOUT ROWID): a ship's timeline, or 1,000 of its events for the API, is one
-- contiguous range of pages, not one page per event (an hourly push interleaves every ship's events).
CREATE TABLE voyage_events (
    vessel_key  TEXT NOT NULL,          -- the normalised name, as voyages.vessel_key
    at          TEXT NOT NULL,          -- the push time, UTC ISO-8601 (sorts as text)
    seq         INTEGER NOT NULL,       -- the event's place within its push
    vessel_name TEXT NOT NULL,
    field       TEXT NOT NULL,          -- the push's dotted path (next_port.eta), or 'feed' for entering/leaving
    old_value   TEXT,
    new_value   TEXT,
    PRIMARY KEY (vessel_key, at, seq)
) WITHOUT ROWID;
-- No (vessel_key, field) index: the ETA chart reads the ship's range since its port call began, and every
-- index costs each push a page write per ship.
-- The API across the fleet, and the nightly prune.
CREATE INDEX ix_voyage_events_at ON voyage_events (at);

-- "내 선박": who a user is in the feed (supervisor name) and which teams (register tic/crew) are theirs.
CREATE TABLE my_fleet_settings (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    supervisor_name  TEXT,
    team_codes       TEXT,              -- comma-separated, as typed, upper-cased
    updated_at       TEXT NOT NULL
);
