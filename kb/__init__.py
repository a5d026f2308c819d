"""kb – a federated knowledge network for inter-municipal cooperation (IKZ).

``__version__`` is the one version string: the installed package's, from ``pyproject.toml``. The
node description, the OpenAPI schema, ``kb --version`` and the harvester's User-Agent show it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kb")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "0+unknown"
