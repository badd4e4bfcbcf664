"""This machine's address on the classroom network, found without sending anything (nothing ever connects out)."""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from typing import Iterable, Optional


def _usable(addr: str) -> bool:
    """A private IPv4 address another device on the network could reach (not loopback, link-local or public)."""
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        return False
    return ip.version == 4 and ip.is_private and not ip.is_loopback and not ip.is_link_local


def _from_hostname() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]


def _from_interfaces() -> list[str]:
    """Linux: each network interface's IPv4 address (SIOCGIFADDR on an unbound, unconnected socket)."""
    if not sys.platform.startswith("linux"):
        return []
    import fcntl

    found = []
    try:
        names = [name for _i, name in socket.if_nameindex()]
    except OSError:
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for name in names:
            try:
                packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name[:15].encode()))
            except OSError:
                continue
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def pick(candidates: Iterable[str]) -> Optional[str]:
    """The first usable address, preferring 192.168/16 and 10/8 (home and school networks) over 172.16/12."""
    usable = [a for a in dict.fromkeys(candidates) if _usable(a)]
    usable.sort(key=lambda a: 0 if a.startswith(("192.168.", "10.")) else 1)
    return usable[0] if usable else None


def lan_address() -> Optional[str]:
    """This machine's address on the local network, or None when it has none (no Wi-Fi, no cable)."""
    return pick([*_from_hostname(), *_from_interfaces()])
