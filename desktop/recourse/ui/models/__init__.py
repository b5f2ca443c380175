"""Qt item models that adapt the encrypted store for the views.

Models read the store; views never do. Big tables hold only counts and keys and fetch
rows on demand by offset with a small block cache, so a 525,600-row category opens at
once and never sits in memory whole.
"""
