"""The ``hexsync`` command line: thin click commands over the library."""
