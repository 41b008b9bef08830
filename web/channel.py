"""What one client may hold of a waitress worker: a connection slot for a bounded time,
a request thread only while it reads its answer.

Waitress (3.0.2) gives each connection a channel and each complete request a thread.
Its defaults let a few hundred sockets shut a worker out: 100 connections a process,
and a connection that sends a header line now and then is never idle, so never closed;
a response whose reader reads nothing holds its thread for ever (the thread waits on
a full output buffer). Here, per worker (``Limits``):

- up to ``connection_limit`` connections (poll, not select: no 1024-descriptor ceiling);
- a connection without a request for ``idle_timeout`` seconds is closed, and so is a
  request not received whole ``request_timeout`` seconds after its first byte (header
  tricklers, slow bodies);
- a response whose client takes less than ``send_progress`` bytes in ``send_timeout``
  seconds while its buffer is full (``outbuf_bytes``) is abandoned: the connection is
  closed and the thread freed (a reader slower than ~4 kB/s, or one that reads nothing).

A reverse proxy in front (README, "Production") absorbs floods beyond these numbers.

>>> Limits().request_timeout
10.0
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import MethodType

from waitress.channel import ClientDisconnected, HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.task import ErrorTask

from web.security import SECURITY_HEADERS, TOO_MANY_PARAMS, too_many_params


@dataclass(frozen=True)
class Limits:
    """A worker's bounds; defaults for ``searcher serve`` (README documents them)."""

    connection_limit: int = 1000  # open connections (waitress: 100)
    idle_timeout: float = 20.0  # seconds without a request before a connection is closed
    request_timeout: float = 10.0  # seconds from a request's first byte to its last
    send_timeout: float = 15.0  # seconds a full output buffer may wait for its reader…
    send_progress: int = 1 << 16  # …to take this many bytes (a trickle is no reader)
    outbuf_bytes: int = 1 << 20  # bytes a response buffers before its thread waits

    def waitress_options(self) -> dict:
        """The matching waitress adjustments (its own idle check is replaced by ours)."""
        return {
            "connection_limit": self.connection_limit,
            "channel_timeout": int(max(self.idle_timeout, self.request_timeout)) + 1,
            "cleanup_interval": 1,
            "asyncore_use_poll": True,
            "outbuf_high_watermark": self.outbuf_bytes,
            "max_request_body_size": 1 << 16,  # the app reads no body: 16 kB is its limit
        }


class _ErrorTask(ErrorTask):
    """Waitress's own answers (a bad request line, headers too large) carry our headers."""

    def execute(self) -> None:
        self.response_headers.extend(SECURITY_HEADERS.items())
        super().execute()


class _Parser(HTTPRequestParser):
    """Waitress's request parser; a URL of ``MAX_PARAMS`` parameters or more is answered
    400 by waitress itself (no thread runs the app for it: a flood of them stays cheap)."""

    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        if too_many_params(self.query):
            raise ParsingError(TOO_MANY_PARAMS)


class Channel(HTTPChannel):
    """A waitress channel that knows when its client has held it too long."""

    error_task_class = _ErrorTask
    parser_class = _Parser
    request_started = 0.0  # time.time() of the first byte of the request being received
    window_taken = 0  # bytes the client took while a response waited for it, this window
    window_waited = 0.0  # seconds waited for it, this window

    @property
    def limits(self) -> Limits:
        return getattr(self.server, "limits", DEFAULT)

    def received(self, data: bytes) -> bool:
        before = self.request
        result = super().received(data)
        if self.request is not None and self.request is not before:
            self.request_started = time.time()
        return result

    def expired(self, now: float) -> bool:
        """Whether the client has had its time: no request for ``idle_timeout``, or a
        request still incomplete ``request_timeout`` after its first byte. A request
        being served is bounded by ``send_timeout`` instead."""
        if self.requests:
            return False
        if self.request is not None:
            return now - self.request_started > self.limits.request_timeout
        return now - self.last_activity > self.limits.idle_timeout

    def _flush_outbufs_below_high_watermark(self) -> None:
        """Wait (in the request's thread) for the client to take the buffered bytes, as
        waitress does, but give up when, over ``send_timeout`` seconds of waiting, it took
        less than ``send_progress`` bytes (one that stops reading, or reads a trickle)."""
        if self.total_outbufs_len <= self.adj.outbuf_high_watermark:
            return
        limits = self.limits
        with self.outbuf_lock:
            _, failed = self._flush_exception(self._flush_some, do_close=False)
            while self.connected and self.total_outbufs_len > self.adj.outbuf_high_watermark:
                pending, started = self.total_outbufs_len, time.monotonic()
                self.server.pull_trigger()
                self.outbuf_lock.wait(0.5)
                self.window_taken += max(0, pending - self.total_outbufs_len)
                self.window_waited += time.monotonic() - started
                if self.window_taken >= limits.send_progress:
                    self.window_taken = self.window_waited = 0  # a new window
                elif failed or self.window_waited > limits.send_timeout:
                    self.will_close = True  # the event loop closes the socket
                    self.server.pull_trigger()
                    raise ClientDisconnected


DEFAULT = Limits()


def _maintenance(server, now: float) -> None:
    """Close the channels whose client has had its time (replaces waitress's check,
    which only closes channels idle for ``channel_timeout``)."""
    for channel in list(server.active_channels.values()):
        if isinstance(channel, Channel) and channel.expired(now):
            channel.will_close = True


def harden(server, limits: Limits) -> None:
    """Give a waitress server (one socket, or each of several in its map) our channels
    and checks."""
    servers = [server, *(getattr(server, "map", None) or {}).values()]
    for srv in servers:
        if hasattr(srv, "active_channels"):
            srv.channel_class = Channel
            srv.limits = limits
            srv.maintenance = MethodType(_maintenance, srv)
