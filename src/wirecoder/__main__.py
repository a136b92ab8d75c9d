"""`python -m wirecoder ...`: the same command line as the `wirecoder` script."""

import sys

from .cli import main

sys.exit(main())
