"""A faithful local emulator of the Hex public API (SPEC §5).

It imports nothing of the client (``hexsync.hexapi``): it must be able to disagree with it.
"""
