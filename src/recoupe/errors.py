"""Errors that reach the user as one clear line (the CLI prints them, never a traceback)."""


class RecoupeError(Exception):
    """Bad input or an unusable situation, explained in one line."""


class InputError(RecoupeError):
    """An input that cannot be read as an article (empty, binary, too big, unreachable...)."""


class DataMissing(RecoupeError):
    """Evaluation data that is not where it should be."""
