"""Benchmarks (`make bench`): reports with medians, never timed tests."""
