"""Benchmarks: `make bench` runs every module listed in RUNNERS and writes results.json."""
