"""``python -m obcore …`` runs the command line (see :mod:`obcore.cli`)."""

import sys

from obcore.cli import main

sys.exit(main())
