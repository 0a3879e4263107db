"""The dashboard of ``hexsync serve`` (docs/dashboard.md): server-rendered pages at ``/``.

- :mod:`~hexsync.serve.web.app`: the routes and pages (Starlette, Jinja2 ``templates/``,
  ``static/`` assets inside the package);
- :mod:`~hexsync.serve.web.session`: sign-in with the API's tokens, the session cookie, CSRF;
- :mod:`~hexsync.serve.web.explorer`: the access explorer (now, as of, as planned) and its CSV;
- :mod:`~hexsync.serve.web.views`: what the pages show, shaped from the status and the store.
"""

from __future__ import annotations

from hexsync.serve.web.app import WebContext, WebController, create_web

__all__ = ["WebContext", "WebController", "create_web"]
