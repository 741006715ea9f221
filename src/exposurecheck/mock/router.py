"""One in-process transport for the demo: each fictional host answered by its own mock."""

from __future__ import annotations

from collections.abc import Mapping

import httpx


class HostRouter(httpx.AsyncBaseTransport):
    """Send a request to the transport of its host, or to `default`."""

    def __init__(self, default: httpx.AsyncBaseTransport,
                 by_host: Mapping[str, httpx.AsyncBaseTransport]) -> None:
        self._default = default
        self._by_host = dict(by_host)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self._by_host.get(request.url.host, self._default)
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for transport in {id(t): t for t in (self._default, *self._by_host.values())}.values():
            await transport.aclose()


DEMO_KVK_HOST = "kvk.mock.invalid"
DEMO_ORI_HOST = "ori.mock.invalid"


def demo_transport() -> HostRouter:
    """The bundled mock register at `DEMO_KVK_HOST`, the ORI stand-in at `DEMO_ORI_HOST`,
    the fixture web site at every other host."""
    from exposurecheck.mock.api import MockHandelsregister
    from exposurecheck.mock.ori import MockOri
    from exposurecheck.mock.register import load_register
    from exposurecheck.mock.web import FixtureSite

    return HostRouter(FixtureSite().transport(),
                      {DEMO_KVK_HOST: MockHandelsregister(load_register()).transport(),
                       DEMO_ORI_HOST: MockOri().transport()})
