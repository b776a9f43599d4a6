#!/usr/bin/env python
"""Django's command-line utility; `.venv/bin/skillstack` does the same and more."""

import sys

from skillstack.cli import main

if __name__ == "__main__":
    sys.exit(main())
