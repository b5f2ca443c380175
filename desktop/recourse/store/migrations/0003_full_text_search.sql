-- Released: frozen. Never edit this file; add a new migration instead.
--
-- Full-text search over summary and the text of `data`. Contentless with deletes
-- (SQLite >= 3.43), so the text is not stored twice. Location pings are not indexed:
-- they have no summary and their data is coordinates, and indexing 525,600 of them
-- would triple the cost of a first sync for no useful search.
CREATE VIRTUAL TABLE records_fts USING fts5(
    summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER records_fts_insert AFTER INSERT ON records WHEN new.cat <> coalesce((SELECT code FROM categories WHERE name = 'location_pings'), -1)
BEGIN
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, (SELECT group_concat(value, ' ') FROM json_tree(new.data) WHERE atom IS NOT NULL AND type = 'text'));
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records WHEN old.cat <> coalesce((SELECT code FROM categories WHERE name = 'location_pings'), -1)
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF summary, data ON records
WHEN new.cat <> coalesce((SELECT code FROM categories WHERE name = 'location_pings'), -1)
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, (SELECT group_concat(value, ' ') FROM json_tree(new.data) WHERE atom IS NOT NULL AND type = 'text'));
END;
INSERT INTO records_fts (rowid, summary, body)
    SELECT rid, summary, (SELECT group_concat(value, ' ') FROM json_tree(records.data) WHERE atom IS NOT NULL AND type = 'text') FROM records
    WHERE records.cat <> coalesce((SELECT code FROM categories WHERE name = 'location_pings'), -1);
