-- The register search for a common word reads only the page's rows at 100,000 vessels (issue 12; measurements in
-- bench/results/2026-11-29-100000-vessels-search2.md). 0005's walk of the name index passes every row before the
-- first match in name order (12,500 for OCEAN, 75,000 for SPIRIT in the bench's fleet).
--
-- vessel_words holds each word of search_key (split at spaces and char(31)) with the vessel's name and id, in list
-- order: page N of one word is a range of exactly offset + 20 entries. A search key without a space lies inside one
-- word, so the vessels holding it are those holding a word that contains it; vessel_word_list names the words and its
-- trigram index finds those containing a key. Words of digits only are left out: a key with a non-digit is never
-- inside them, and a key of digits only is searched as before (VesselQuery.WordIndexKeys).
-- The triggers keep all three right on every write to vessels (edits, imports, the legacy import), as 0005's do.

CREATE TABLE vessel_words (
    word TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    id   INTEGER NOT NULL,
    PRIMARY KEY (word, name, id)
) WITHOUT ROWID;

CREATE TABLE vessel_word_list (
    id   INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
);

-- Both sides are upper-case (search_key and the keys), so a case-sensitive trigram match is instr()'s answer.
CREATE VIRTUAL TABLE vessel_word_search USING fts5(
    word, content = 'vessel_word_list', content_rowid = 'id', tokenize = 'trigram case_sensitive 1');

CREATE TRIGGER vessel_word_list_insert AFTER INSERT ON vessel_word_list BEGIN
    INSERT INTO vessel_word_search (rowid, word) VALUES (new.id, new.word);
END;

CREATE TRIGGER vessel_word_list_delete AFTER DELETE ON vessel_word_list BEGIN
    INSERT INTO vessel_word_search (vessel_word_search, rowid, word) VALUES ('delete', old.id, old.word);
END;

CREATE TRIGGER vessel_words_insert AFTER INSERT ON vessel_words BEGIN
    INSERT INTO vessel_word_list (word) SELECT new.word WHERE NOT EXISTS (SELECT 1 FROM vessel_word_list WHERE word = new.word);
END;

CREATE TRIGGER vessel_words_delete AFTER DELETE ON vessel_words BEGIN
    DELETE FROM vessel_word_list WHERE word = old.word AND NOT EXISTS (SELECT 1 FROM vessel_words WHERE word = old.word);
END;

-- Triggers cannot hold a recursive CTE, so json_each splits: char(31) becomes a space, json_quote escapes the rest
-- (quotes, backslashes, control characters), and each space then ends one JSON string and starts the next.
CREATE TRIGGER vessels_words_insert AFTER INSERT ON vessels BEGIN
    INSERT INTO vessel_words (word, name, id)
    SELECT DISTINCT value, new.name, new.id
    FROM json_each('[' || replace(json_quote(replace(new.search_key, char(31), ' ')), ' ', '","') || ']')
    WHERE value GLOB '*[^0-9]*';
END;

CREATE TRIGGER vessels_words_update AFTER UPDATE OF name, name_key, ship_code, imo_no, callsign ON vessels BEGIN
    DELETE FROM vessel_words
    WHERE name = old.name AND id = old.id
      AND word IN (SELECT value FROM json_each('[' || replace(json_quote(replace(old.search_key, char(31), ' ')), ' ', '","') || ']'));
    INSERT INTO vessel_words (word, name, id)
    SELECT DISTINCT value, new.name, new.id
    FROM json_each('[' || replace(json_quote(replace(new.search_key, char(31), ' ')), ' ', '","') || ']')
    WHERE value GLOB '*[^0-9]*';
END;

CREATE TRIGGER vessels_words_delete AFTER DELETE ON vessels BEGIN
    DELETE FROM vessel_words
    WHERE name = old.name AND id = old.id
      AND word IN (SELECT value FROM json_each('[' || replace(json_quote(replace(old.search_key, char(31), ' ')), ' ', '","') || ']'));
END;

INSERT INTO vessel_words (word, name, id)
SELECT DISTINCT words.value, vessels.name, vessels.id
FROM vessels, json_each('[' || replace(json_quote(replace(vessels.search_key, char(31), ' ')), ' ', '","') || ']') AS words
WHERE words.value GLOB '*[^0-9]*';
