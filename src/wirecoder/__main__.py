"""`python -m wirecoder ...`: the same as the `wirecoder` command."""

import sys

from .cli import main

sys.exit(main())
