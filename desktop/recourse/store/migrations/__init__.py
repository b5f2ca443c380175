"""The schema's migrations, one frozen SQL file per version (read by `recourse.store.schema`).

`NNNN_name.sql` takes the schema from version NNNN - 1 to NNNN. A file is never edited once
released (tests/core/test_store_migrations.py holds each one's SHA-256); a change to the
schema is a new file with the next number.
"""
