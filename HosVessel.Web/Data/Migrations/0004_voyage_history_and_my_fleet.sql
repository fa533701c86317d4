-- Voyage history: every value a push changes, and every ship entering or leaving the feed (issue 13).
-- Written by VoyageStore in the push's own transaction; pruned nightly after the retention period.
CREATE TABLE voyage_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,          -- the push time, UTC ISO-8601 (sorts as text)
    vessel_key  TEXT NOT NULL,          -- the normalised name, as voyages.vessel_key
    vessel_name TEXT NOT NULL,
    field       TEXT NOT NULL,          -- the push's dotted path (next_port.eta), or 'feed' for entering/leaving
    old_value   TEXT,
    new_value   TEXT
);
-- The vessel page's timeline and the API for one ship: newest first from one seek.
CREATE INDEX ix_voyage_events_vessel_at ON voyage_events (vessel_key, at DESC, id DESC);
-- The ETA chart: one field of one ship since the current port call began.
CREATE INDEX ix_voyage_events_vessel_field_at ON voyage_events (vessel_key, field, at);
-- The API across the fleet, and the nightly prune.
CREATE INDEX ix_voyage_events_at ON voyage_events (at);

-- "내 선박": who a user is in the feed (supervisor name) and which teams (register tic/crew) are theirs.
CREATE TABLE my_fleet_settings (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    supervisor_name  TEXT,
    team_codes       TEXT,              -- comma-separated, as typed, upper-cased
    updated_at       TEXT NOT NULL
);
