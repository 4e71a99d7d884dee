"""Downloads over HTTP(S): timeouts, a size cap read in a stream, a bounded number of redirects,
and no private, loopback or link-local address unless allowed (every hop is checked)."""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import httpx

from recoupe import settings
from recoupe.errors import InputError
from recoupe.ingest.base import Blob

__all__ = ["fetch", "is_url", "check_address"]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified)


def check_address(url: str, *, allow_private: bool = False) -> None:
    """Refuse a URL whose host resolves to any private, loopback or link-local address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise InputError(f"{url}: host {parts.hostname} not found") from None
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if _forbidden(ip):
            raise InputError(f"{url}: {parts.hostname} is a private or local address "
                             f"({ip}); use --allow-private to read it")


def _check_peer(resp: httpx.Response, url: str, allow_private: bool) -> None:
    """Check the address actually connected to, in case the name resolved differently the
    second time (DNS rebinding): the body of a private address is never read."""
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if allow_private or not peer:
        return
    ip = ipaddress.ip_address(str(peer[0]).split("%")[0])
    if _forbidden(ip):
        raise InputError(f"{url}: connected to a private or local address ({ip}); "
                         f"use --allow-private to read it")


def fetch(url: str, *, allow_private: bool = False) -> Blob:
    """Download `url` within the limits of `recoupe.settings`; InputError on any failure."""
    timeout = settings.HTTP_TIMEOUT
    limit = settings.MAX_INPUT_BYTES
    deadline = time.monotonic() + 4 * timeout  # a server trickling bytes cannot hold us forever
    headers = {"User-Agent": settings.HTTP_USER_AGENT}
    current = url
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
            for _ in range(settings.HTTP_MAX_REDIRECTS + 1):
                check_address(current, allow_private=allow_private)
                with client.stream("GET", current) as resp:
                    _check_peer(resp, current, allow_private)
                    if resp.is_redirect and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                    length = resp.headers.get("content-length", "")
                    if length.isdigit() and int(length) > limit:
                        raise InputError(f"{url}: too big ({int(length) // 1_000_000} MB)")
                    data = bytearray()
                    for chunk in resp.iter_bytes():  # decompressed: the cap holds after gzip
                        data += chunk
                        if len(data) > limit:
                            raise InputError(f"{url}: too big (over {limit // 1_000_000} MB)")
                        if time.monotonic() > deadline:
                            raise InputError(f"{url}: timed out")
                    media = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    name = urlsplit(current).path.rsplit("/", 1)[-1]
                    return Blob(origin=url, data=bytes(data), name=name, media_type=media or None,
                                url=current)
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: {type(exc).__name__}: {exc}") from None
    raise InputError(f"{url}: more than {settings.HTTP_MAX_REDIRECTS} redirects")

