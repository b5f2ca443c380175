"""Benchmarks: `python -m bench NAME` runs bench/NAME.py's main(); `python -m bench` all."""
