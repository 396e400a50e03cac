"""Scorers for the evaluation suites in shared/data/eval (read at run time, never shipped)."""
