"""hexsync: a Hex workspace's access model in git.

The public API grows with the project; everything importable from here is listed in ``__all__``.
"""

from hexsync._version import __version__
from hexsync.errors import HexsyncError

__all__ = ["HexsyncError", "__version__"]
