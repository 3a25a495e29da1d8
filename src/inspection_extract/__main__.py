"""``python -m inspection_extract``: the command line."""

from inspection_extract.cli import main

main()
