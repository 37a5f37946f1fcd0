"""A kernel provisioner that starts the local IPython kernel with CurveZMQ transport encryption.

ipykernel 7 warns ("Kernel is running over TCP without encryption") whenever its kernel manager gives it
plain TCP sockets. jupyter_client 8.10 can hand the kernel a CurveZMQ key pair instead
(``transport_encryption="auto"``: used when the kernelspec declares ``supported_encryption: ["curve"]``,
as ipykernel's does), but myst-nb, nbclient and nbval create their kernel managers without any Jupyter
configuration, so that setting cannot be passed to them. The provisioner is the documented hook every
kernel manager consults: the Makefile selects this one for every kernel it starts with
``JUPYTER_DEFAULT_PROVISIONER_NAME=baliprocess-encrypted`` (registered as an entry point in
pyproject.toml). A kernelspec that does not declare Curve support falls back to plain TCP, and the
kernel's warning then shows again.
"""

from __future__ import annotations

from typing import Any

from jupyter_client.provisioning import LocalProvisioner

__all__ = ["EncryptedLocalProvisioner"]


class EncryptedLocalProvisioner(LocalProvisioner):
    """:class:`LocalProvisioner` asking for manager-provisioned CurveZMQ keys unless told otherwise."""

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("transport_encryption", "auto")
        return await super().pre_launch(**kwargs)
