"""The readers: what hexsync reads from Hex through the client, at the fewest requests."""
