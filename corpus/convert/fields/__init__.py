"""Field finders: headline, bylines, credits and captions, on top of the engine's line decisions.

Each module is a small, linear pass over the non-blank lines; their word lists live in rules/*.toml.
"""
