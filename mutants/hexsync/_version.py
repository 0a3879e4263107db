"""The version, in a module of its own so any layer may import it without import cycles."""

__version__ = "0.1.0"
