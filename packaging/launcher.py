"""The frozen app's entry point: `recourse.__main__.main`, as the `recourse` command."""

import sys

from recourse.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
