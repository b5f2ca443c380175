# See dbapi2.pyi: the package re-exports its dbapi2 module, as sqlite3 does.
from sqlcipher3 import dbapi2 as dbapi2
from sqlcipher3.dbapi2 import *  # noqa: F403 -- as the real package does
