"""Recourse's commands beside the app (`recourse verify`): argument parsing and printing
only; the work is `recourse.contest`'s and `recourse.protocol`'s."""
