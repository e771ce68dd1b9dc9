"""`python -m game` is the `bystander` command."""

from .launch import main

raise SystemExit(main())
