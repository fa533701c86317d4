-- The whole schema of the first release. Later changes go into new numbered files;
-- never edit a migration that has shipped.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    security_stamp  TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- Server-side record of each login, so a cookie stops working after logout or a password change.
CREATE TABLE user_sessions (
    id          TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);

-- Required register fields are nullable here because legacy rows may lack them;
-- the forms enforce them on every save.
CREATE TABLE vessels (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    imo_no          TEXT NOT NULL UNIQUE,
    ship_code       TEXT,
    ship_type       TEXT NOT NULL,
    size            TEXT NOT NULL,
    flag            TEXT NOT NULL,
    ro              TEXT,
    class           TEXT,
    built_year      TEXT,
    shipyard        TEXT,
    finance         TEXT,
    tic             TEXT,
    crew            TEXT,
    callsign        TEXT,
    internal_audit  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_vessels_name_key ON vessels (name_key);
CREATE UNIQUE INDEX ux_vessels_ship_code ON vessels (ship_code COLLATE NOCASE) WHERE ship_code IS NOT NULL;
CREATE INDEX ix_vessels_name ON vessels (name COLLATE NOCASE);
CREATE INDEX ix_vessels_ship_type ON vessels (ship_type);
CREATE INDEX ix_vessels_flag ON vessels (flag);

-- One row per vessel in the n8n feed, keyed by the normalised name so ids survive pushes.
-- The register link is derived by joining vessel_key to vessels.name_key.
CREATE TABLE voyages (
    id                  INTEGER PRIMARY KEY,
    vessel_key          TEXT NOT NULL UNIQUE,
    vessel_name         TEXT NOT NULL,
    voy_no              TEXT,
    line                TEXT,
    teu                 TEXT,
    flag                TEXT,
    captain             TEXT,
    chief_engineer      TEXT,
    safety_supervisor   TEXT,
    ops_supervisor      TEXT,
    psc_mou_1           TEXT,
    psc_date_1          TEXT,
    psc_mou_2           TEXT,
    psc_date_2          TEXT,
    last_port           TEXT,
    last_etd            TEXT,
    next_port           TEXT,
    next_eta            TEXT,
    next_etb            TEXT,
    next_etd            TEXT,
    itinerary           TEXT,
    updated_at          TEXT NOT NULL
);

CREATE TABLE voyage_feed_log (
    id              INTEGER PRIMARY KEY,
    received_at     TEXT NOT NULL,
    client_ip       TEXT,
    status_code     INTEGER NOT NULL,
    received        INTEGER NOT NULL DEFAULT 0,
    linked          INTEGER NOT NULL DEFAULT 0,
    unlinked        INTEGER NOT NULL DEFAULT 0,
    duration_ms     REAL NOT NULL,
    first_error     TEXT
);

-- Small facts the app records about itself (last push time, legacy import done, ...).
CREATE TABLE app_meta (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
