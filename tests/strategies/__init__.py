"""Hypothesis strategies, one module per capability; every public model has one."""
