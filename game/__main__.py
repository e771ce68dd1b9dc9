"""`python -m game` is the `bystander` command."""

from .cli import main

raise SystemExit(main())
