-- Vessel register search at fleet-history scale (100,000 rows): a trigram full-text index answers the
-- list's "name contains" filter (name, ship code, IMO, call sign) without scanning the table,
-- and every sortable list column gets an index so a sorted page never sorts the whole table.

-- char(31) between fields keeps a search term from matching across two fields.
CREATE VIRTUAL TABLE vessel_search USING fts5(search_text, tokenize = 'trigram');

INSERT INTO vessel_search (rowid, search_text)
SELECT id, name || char(31) || coalesce(ship_code, '') || char(31) || imo_no || char(31) || coalesce(callsign, '')
FROM vessels;

CREATE TRIGGER vessels_search_insert AFTER INSERT ON vessels BEGIN
    INSERT INTO vessel_search (rowid, search_text)
    VALUES (new.id, new.name || char(31) || coalesce(new.ship_code, '') || char(31) || new.imo_no || char(31) || coalesce(new.callsign, ''));
END;

CREATE TRIGGER vessels_search_update AFTER UPDATE OF name, ship_code, imo_no, callsign ON vessels BEGIN
    UPDATE vessel_search
    SET search_text = new.name || char(31) || coalesce(new.ship_code, '') || char(31) || new.imo_no || char(31) || coalesce(new.callsign, '')
    WHERE rowid = new.id;
END;

CREATE TRIGGER vessels_search_delete AFTER DELETE ON vessels BEGIN
    DELETE FROM vessel_search WHERE rowid = old.id;
END;

CREATE INDEX ix_vessels_ship_code_sort ON vessels (ship_code COLLATE NOCASE);
CREATE INDEX ix_vessels_size ON vessels (size);
CREATE INDEX ix_vessels_class ON vessels (class);
CREATE INDEX ix_vessels_built_year ON vessels (built_year);
CREATE INDEX ix_vessels_tic ON vessels (tic);
CREATE INDEX ix_vessels_crew ON vessels (crew);
CREATE INDEX ix_vessels_internal_audit ON vessels (internal_audit);
