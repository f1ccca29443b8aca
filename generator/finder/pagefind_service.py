"""Pagefind's service as its Python wrapper starts it, read without the wrapper's pause.

The one place that reaches into the `pagefind` package's internals (pinned 1.5.2). Its
`PagefindService` reads the service's answers in a loop that sleeps 0.1 s before each
answer (`_wait_for_responses`), so a wrapper-made index costs at least 0.1 s per
document, whatever the machine (docs/performance.md). `Service` reads the answers as they
come, all that have arrived at once, resolves them as the wrapper does, and fails every
waiting request when Pagefind ends (the wrapper's would wait forever). Everything else is
the wrapper's own public API: `create_index`, then `PagefindIndex.add_html_file` and
`write_files`.

tests/test_finder.py checks, as an upgrade canary, that the wrapper still has what this
relies on (`_backend`, `_responses`, the loop `launch` starts, the wire format).
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

from pagefind.service import PagefindService

CLOSE_TIMEOUT = 30
"""Seconds Pagefind gets to end once its input is closed."""


class PagefindError(RuntimeError):
    """Pagefind refused a request or ended."""


class Service(PagefindService):
    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        assert stdout is not None
        pending = b""
        try:
            while True:
                chunk = await stdout.read(1 << 20)
                if not chunk:
                    raise asyncio.IncompleteReadError(pending, None)
                *answers, pending = (pending + chunk).split(b",")
                for answer in answers:
                    _answer(self._responses, json.loads(base64.b64decode(answer)))
        except (asyncio.IncompleteReadError, ValueError) as error:
            ended = PagefindError(f"Pagefind stopte: {error!r}")
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(ended)
                    future.exception()  # a request that failed to send never awaits it

    def kill(self) -> None:
        """Stop Pagefind at once, whatever it is doing (a cancelled index)."""
        if self._backend.returncode is None:
            self._backend.kill()

    async def close(self) -> None:
        """End the service as a pipe's reader ends: its input closed, it finishes what it
        was doing and stops (the wrapper's `close` kills it, which can cut off a file it
        is still writing after answering `write_files`)."""
        stdin = self._backend.stdin
        if stdin is not None and not stdin.is_closing():
            stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), CLOSE_TIMEOUT)
        except TimeoutError:
            self._backend.kill()
            await self._backend.wait()
        self._poll_task.cancel()


def _answer(waiting: dict[int, asyncio.Future[Any]], response: Any) -> None:
    """Resolve the request `response` answers, as the wrapper's loop does: by its message
    id, else by the id inside the original message that Pagefind could not read."""
    if not isinstance(response, dict):
        return
    payload = response.get("payload") or {}
    message_id = response.get("message_id")
    if message_id is None and payload.get("original_message"):
        message_id = json.loads(payload["original_message"]).get("message_id")
    future = waiting.get(message_id) if message_id is not None else None
    if future is None or future.done():
        return
    if payload.get("type") == "Error":
        future.set_exception(PagefindError(payload.get("message", "")))
    else:
        future.set_result(payload)
