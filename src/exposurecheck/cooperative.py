"""CPU-bound work in a thread that stops when the task awaiting it is cancelled.

`asyncio.wait_for` cancels the awaiting task, but a thread cannot be cancelled: it
would go on matching a hostile page long after the source timed out. Work run with
`in_thread` calls `checkpoint()` in its loops; once its awaiter is cancelled, the
next checkpoint raises `Abandoned` and the thread ends.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["Abandoned", "checkpoint", "in_thread"]

_P = ParamSpec("_P")
_T = TypeVar("_T")
_STOP: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "exposurecheck_stop", default=None)


class Abandoned(Exception):
    """The work was abandoned by its caller (a timeout); nobody waits for its result."""


def checkpoint() -> None:
    """Raise `Abandoned` if the caller of this work has given up; cheap, call it often."""
    stop = _STOP.get()
    if stop is not None and stop.is_set():
        raise Abandoned


async def in_thread(func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """`asyncio.to_thread`, but cancelling the caller also stops the thread at a checkpoint."""
    stop = threading.Event()
    context = contextvars.copy_context()
    context.run(_STOP.set, stop)
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, lambda: context.run(func, *args, **kwargs))
    try:
        return await future
    except asyncio.CancelledError:
        stop.set()
        raise
