"""Classroom mode without screens: session records, the debrief, the teacher's guide and the report.

Pure Python, never imports pygame. The screens in `game.ui` drive a `SessionLog` next to the
engine's `Run`; `bystander guide` and `bystander report` write HTML a teacher can print.
"""
