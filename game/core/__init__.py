"""The pure core: scenario format, loader, checks, state machines and engine. Never imports pygame."""
