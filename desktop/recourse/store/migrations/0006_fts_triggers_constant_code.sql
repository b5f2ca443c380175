-- Released: frozen. Never edit this file; add a new migration instead.
--
-- The v3 triggers look the pings' category code up with a subquery on every row
-- written, which cost a first sync of 525,600 pings over a second for rows they then
-- skip. The code never changes once given, so the triggers now compare with it as a
-- constant. A store that has never seen a ping reserves code 0 for them (codes handed
-- out by `Store` start at 1).
--
-- The code differs from store to store and SQL cannot build a trigger from a value it
-- reads, so the runner reads this parameter (an integer) before the statements run and
-- writes it wherever its name appears in braces:
-- param pings_code: SELECT coalesce((SELECT code FROM categories WHERE name = 'location_pings'), 0)
INSERT INTO categories (code, name)
    SELECT 0, 'location_pings'
    WHERE NOT EXISTS (SELECT 1 FROM categories WHERE name = 'location_pings');
DROP TRIGGER records_fts_insert;
DROP TRIGGER records_fts_delete;
DROP TRIGGER records_fts_update;
CREATE TRIGGER records_fts_insert AFTER INSERT ON records WHEN new.cat <> {pings_code}
BEGIN
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, (SELECT group_concat(value, ' ') FROM json_tree(new.data) WHERE atom IS NOT NULL AND type = 'text'));
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records WHEN old.cat <> {pings_code}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF summary, data ON records
WHEN new.cat <> {pings_code}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, (SELECT group_concat(value, ' ') FROM json_tree(new.data) WHERE atom IS NOT NULL AND type = 'text'));
END;
