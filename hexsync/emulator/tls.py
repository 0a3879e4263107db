"""A throwaway TLS identity for ``hexsync emulator serve --tls``.

Some clients hard-code ``https://``; pointed at the emulator they need a certificate they can
trust. :func:`throwaway_certificates` makes a fresh certificate authority and a server
certificate for the loopback names (and the host served on) with ``trustme``, in a private
temporary directory that is removed when the server stops. Only the CA's certificate is meant to
leave it: a client trusts ``ca.pem`` (httpx: ``verify=ssl.create_default_context(cafile=...)``;
many clients: ``SSL_CERT_FILE``/``REQUESTS_CA_BUNDLE``). Nothing is added to the system's trust.

``trustme`` is an optional dependency (the ``tls`` extra): the CA, keys and certificates are
generated the way its authors (the python-trio project) do for test suites, rather than
hand-rolled here.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hexsync.errors import ConfigError

__all__ = ["Certificates", "throwaway_certificates"]

LOOPBACK_NAMES = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Certificates:
    """Where the throwaway CA and the server's key and certificate chain were written."""

    ca_path: Path  # the certificate clients should trust
    server_path: Path  # the server's private key and certificate chain, one PEM file


@contextlib.contextmanager
def throwaway_certificates(host: str) -> Iterator[Certificates]:
    """A new CA and a server certificate for ``host`` and the loopback names, for the duration
    of the ``with`` block (the directory, private key included, is removed afterwards)."""
    try:
        import trustme  # noqa: PLC0415 - optional, and only needed with --tls
    except ImportError:
        raise ConfigError(
            "--tls needs the optional 'trustme' package to make a throwaway certificate",
            hint="pip install 'hexsync[tls]'",
        ) from None
    names = dict.fromkeys([host.strip("[]"), *LOOPBACK_NAMES])
    directory = Path(tempfile.mkdtemp(prefix="hexsync-emulator-tls-"))  # mode 0700
    try:
        ca = trustme.CA(organization_name="hexsync emulator (throwaway)")
        server = ca.issue_cert(*names)
        certificates = Certificates(directory / "ca.pem", directory / "server.pem")
        ca.cert_pem.write_to_path(str(certificates.ca_path))
        server.private_key_and_cert_chain_pem.write_to_path(str(certificates.server_path))
        yield certificates
    finally:
        shutil.rmtree(directory, ignore_errors=True)
