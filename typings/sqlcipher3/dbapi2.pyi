# sqlcipher3 ships no type information. It is a fork of the standard library's sqlite3
# (pysqlite3) with the same Python API, so its types are typeshed's sqlite3 types (a star
# import in a stub re-exports every name: Connection, DatabaseError, connect …).
from sqlite3 import *  # noqa: F403 -- the whole module, as sqlcipher3 mirrors it
