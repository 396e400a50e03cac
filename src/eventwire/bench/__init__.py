"""Benchmarks and load tests: speed figures for `eventwire bench`, `bench-history` and `loadtest`.

Nothing at runtime imports this package (tests/test_layering.py checks it); the command line imports
its modules inside the commands that need them.
"""
