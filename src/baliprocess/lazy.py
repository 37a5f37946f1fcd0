"""Names a package re-exports from a submodule imported only when one of them is first used (PEP 562).

The figure modules import matplotlib (0.4 s): a package that re-exports its figure functions this way lets
the commands that draw nothing (``validate``) skip it. What a name refers to does not change.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_names(package: str, names: dict[str, str]) -> Callable[[str], object]:
    """A module-level ``__getattr__`` for ``package``: each of ``names`` (name -> submodule, relative to the
    package, such as ``.figures``) is imported from its submodule on first use, then kept in the package."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> object:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(names[name], package), name)
        namespace[name] = value
        return value

    return __getattr__
