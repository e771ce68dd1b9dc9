"""Event mode's own records: how many visitors played today, anonymously (see counter.py)."""
