"""A faithful local emulator of the Hex public API (docs/emulator.md).

It imports nothing of the client (``hexsync.hexapi``): it must be able to disagree with it.
"""
