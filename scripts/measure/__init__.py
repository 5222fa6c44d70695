"""Measurements: the audit (Lighthouse, axe-core) and the benchmarks."""
