"""`python -m wirecoder ...`: the same as the `wirecoder` command."""

import sys

from .cli import main

if __name__ == "__main__":  # importing the module (a test walking the package) runs nothing
    sys.exit(main())
