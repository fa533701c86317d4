-- The register search matches normalised names (H/ECOPIA is HYUNDAI ECOPIA, case and spacing ignored) and its
-- page costs the same at 100,000 vessels as at 120 (issue 12; measurements in bench/results/2026-11-29-100000-vessels-search.md).
-- search_key is what every search path tests: the trigram index for few matches, instr() while walking the
-- name index for many. Both see the same upper-cased text, so the index is case-sensitive and the two agree.

ALTER TABLE vessels ADD COLUMN search_key TEXT GENERATED ALWAYS AS (
    name_key || char(31) || upper(coalesce(ship_code, '')) || char(31) || coalesce(imo_no, '') || char(31) || upper(coalesce(callsign, ''))
) VIRTUAL;

DROP TRIGGER vessels_search_insert;
DROP TRIGGER vessels_search_update;
DROP TRIGGER vessels_search_delete;
DROP TABLE vessel_search;

-- char(31) between fields keeps a search term from matching across two fields.
CREATE VIRTUAL TABLE vessel_search USING fts5(search_text, tokenize = 'trigram case_sensitive 1');

INSERT INTO vessel_search (rowid, search_text) SELECT id, search_key FROM vessels;

CREATE TRIGGER vessels_search_insert AFTER INSERT ON vessels BEGIN
    INSERT INTO vessel_search (rowid, search_text) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER vessels_search_update AFTER UPDATE OF name, ship_code, imo_no, callsign ON vessels BEGIN
    UPDATE vessel_search SET search_text = new.search_key WHERE rowid = new.id;
END;

CREATE TRIGGER vessels_search_delete AFTER DELETE ON vessels BEGIN
    DELETE FROM vessel_search WHERE rowid = old.id;
END;

-- The list's default order with what a filter tests in it: a search for a common word walks this index and stops
-- at the end of the page, reading the table only for the rows it shows.
DROP INDEX ix_vessels_name;
CREATE INDEX ix_vessels_name ON vessels (name COLLATE NOCASE, id, search_key, ship_type, flag);
