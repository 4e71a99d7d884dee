"""The local web app and REST API over a recoupe store (`recoupe serve`)."""

from __future__ import annotations

import gc
import socket
import sys
from pathlib import Path

from recoupe.errors import RecoupeError


def create_app(store_path: str | Path, allow_private: bool = False):
    """The FastAPI application serving the store at `store_path`."""
    from recoupe.serve.app import create_app as build

    return build(store_path, allow_private=allow_private)


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          allow_private: bool = False) -> None:
    """Serve the store at http://host:port until interrupted (binds to loopback by default)."""
    import uvicorn

    _check_can_listen(host, port)
    app = create_app(store_path, allow_private=allow_private)

    def warn(msg: str) -> None:
        print(f"recoupe: warning: {msg}", file=sys.stderr)

    stale = app.state.ingester.stale()
    if stale:  # stored articles no story holds (`brief --store`, an older store) join stories
        print(f"recoupe: grouping {stale} stored articles into stories...")
        app.state.ingester.regroup_if_stale(warn)
    if app.state.ingester.kept.index is None:  # read now, so that adding articles need not
        print("recoupe: reading the story index...")
        app.state.ingester.load_index(warn)
    # the index lives as long as the server: the collector need not walk its millions of
    # objects at each collection (1 s of each grouping at 10^5 articles otherwise)
    gc.freeze()
    print(f"recoupe: serving {store_path} at http://{host}:{port}  (API: /api, docs: /api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _check_can_listen(host: str, port: int) -> None:
    """Fail with one line before any work when the address is taken (uvicorn would only log)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise RecoupeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


__all__ = ["create_app", "serve"]
