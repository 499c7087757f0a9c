"""The report tests reuse the views' browser harness and hostile-title graphs."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))
