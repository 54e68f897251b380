"""``python -m sixk_grammar``."""
import sys

from .cli import main

sys.exit(main())
