"""Allow ``python -m timeline``."""
from timeline.cli import main

main()
