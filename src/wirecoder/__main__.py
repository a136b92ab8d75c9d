"""`python -m wirecoder ...`: the same command line as the `wirecoder` script."""

import sys

from .cli import main

if __name__ == "__main__":  # not when a tool imports every module (the regex sweep does)
    sys.exit(main())
