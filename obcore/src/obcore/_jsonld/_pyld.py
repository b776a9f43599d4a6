"""Import ``pyld.jsonld`` without running ``pyld/__init__.py``.

Why: ``pyld/__init__.py`` imports every document loader it ships (aiohttp, requests,
sqlite cache), ~150 ms of start-up that an offline verifier never uses. We register the
``pyld`` package object first (from its real import spec, so ``pyld.jsonld``'s own
relative imports work) and load only the modules we need. The package keeps a module
``__getattr__``: if any other code later asks ``pyld`` for a name its ``__init__`` would
have defined (``pyld.DocumentLoader``…), the real ``__init__`` runs then, so nobody sees
a half-initialised package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any


def _complete_package(pkg: types.ModuleType) -> None:
    spec = pkg.__spec__
    if spec is None or spec.loader is None or pkg.__dict__.get("_obcore_completed", False):
        return
    pkg._obcore_completed = True  # type: ignore[attr-defined]
    pkg.__dict__.pop("__getattr__", None)
    spec.loader.exec_module(pkg)


def _lazy_package() -> types.ModuleType:
    existing = sys.modules.get("pyld")
    if existing is not None:
        return existing
    spec = importlib.util.find_spec("pyld")
    if spec is None or spec.submodule_search_locations is None:  # pragma: no cover
        raise ImportError("pyld is not installed")
    pkg = importlib.util.module_from_spec(spec)

    def __getattr__(name: str) -> Any:
        submodule = sys.modules.get(f"pyld.{name}")
        if submodule is not None:  # a submodule still being imported (circular import)
            return submodule
        if name.startswith("__") or pkg.__dict__.get("_obcore_completed", False):
            raise AttributeError(name)
        if importlib.util.find_spec(f"pyld.{name}") is not None:
            raise AttributeError(name)  # let the import system load the submodule
        _complete_package(pkg)
        return getattr(pkg, name)

    setattr(pkg, "__getattr__", __getattr__)  # noqa: B010 - module-level __getattr__ (PEP 562)
    sys.modules["pyld"] = pkg
    return pkg


class _DeferredModule(types.ModuleType):
    """Stands in for a submodule until one of its attributes is used, then imports it."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def _defer_submodule(parent: str, child: str) -> None:
    """Bind ``parent.child`` to a stand-in that imports the real module on first use.

    ``pyld.jsonld`` does ``import lxml.html`` at module level (~20 ms) but only uses it
    for JSON-LD embedded in HTML, which obcore never processes. The stand-in is bound to
    the parent package only (not left in ``sys.modules``), so a later ``import lxml.html``
    anywhere loads the real module as usual.
    """
    name = f"{parent}.{child}"
    if name in sys.modules:
        return
    parent_module = importlib.import_module(parent)
    stub = _DeferredModule(name)
    sys.modules[name] = stub
    setattr(parent_module, child, stub)


def _undefer(name: str) -> None:
    if isinstance(sys.modules.get(name), _DeferredModule):
        del sys.modules[name]


_NETWORK_MODULES = (
    "requests",
    "aiohttp",
    "pyld.documentloader.requests",
    "pyld.documentloader.aiohttp",
)


def load_jsonld_module() -> types.ModuleType:
    """Return ``pyld.jsonld`` (imported lean when pyld was not imported yet).

    While ``pyld.jsonld`` is first imported, ``requests`` and ``aiohttp`` are hidden, so
    pyld's global default document loader becomes its dummy loader (no network). obcore
    always passes its own offline loader anyway; this only saves ~40 ms of imports and
    makes the global default fail closed.
    """
    if "pyld.jsonld" in sys.modules:
        return sys.modules["pyld.jsonld"]
    _lazy_package()
    _defer_submodule("lxml", "html")
    hidden = [n for n in _NETWORK_MODULES if n not in sys.modules]
    for n in hidden:
        sys.modules[n] = None  # type: ignore[assignment]  # makes ``import n`` fail
    try:
        return importlib.import_module("pyld.jsonld")
    finally:
        for n in hidden:
            del sys.modules[n]
        _undefer("lxml.html")
