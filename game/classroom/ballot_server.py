"""The secret ballot on the school's network: a small aiohttp server in a thread of its own.

The game (pygame's loop) and the server never wait for each other. The game calls `ask`, `lock`,
`retext`, `set_lang` and `close`, which hand the work to the server's event loop and return at
once; the server tells the game what happened through a thread-safe queue (`Started`, `Failed`,
`Counted`, `Locked`), which the game's `BallotLink.poll()` empties once a frame, without
blocking. The room itself (ballot/room.py) is only ever touched in the server's thread.

Pupils' pages are Jinja2 templates (templates/ballot*.html, autoescaped): a plain form that works
without JavaScript, and a small script that swaps in the page's middle part when it changes
(polling, every two seconds) and sends votes without reloading. Nothing about a device is logged
or stored: aiohttp's access log is off, the token is a random cookie kept in memory while the room
is open, and the address of a device is never read.
"""

from __future__ import annotations

import asyncio
import json
import queue
import socket
import threading
from urllib.parse import parse_qsl
from dataclasses import dataclass
from typing import Callable, NamedTuple

from aiohttp import web

from . import pages
from .ballot.room import (LOCKED, OPEN, Option, PupilView, Room, Tally,
                          new_token, valid_token)

DEFAULT_PORT = 8765
COOKIE = "ballot"
BACKLOG = 1024
"""Connections the system may hold before the server takes them: a class whose 30 devices (or a
bench's 300) connect at once is never made to wait for a retry."""
POLL_MS = 2000
"""How often a page with JavaScript asks whether it should change."""


# --- what the server tells the game ---------------------------------------------------------------

class Started(NamedTuple):
    address: str
    """The short address pupils type: http://192.168.1.20:8765"""
    code: str


class Failed(NamedTuple):
    why: str
    """What went wrong, for the log and the teacher (a port in use, no network)."""


class Counted(NamedTuple):
    tally: Tally


class Locked(NamedTuple):
    number: int
    counts: dict[str, int]


def local_address() -> str:
    """This computer's own address on its network (the one its default route leaves by), or
    loopback when it has none. No packet is sent: connecting a UDP socket only picks a route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return address if address and address != "0.0.0.0" else "127.0.0.1"


# --- the server -----------------------------------------------------------------------------------

class BallotServer:
    """One room on the network at `host`:`port` (port 0: any free one, for tests)."""

    def __init__(self, updates: queue.Queue, *, host: str, port: int = DEFAULT_PORT,
                 lang: str = "nl", room: Room | None = None, poll_ms: int = POLL_MS):
        self.updates = updates
        self.poll_ms = poll_ms
        self.host = host
        self.port = port
        self.lang = lang
        self.room = room or Room()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()
        self._pending: list[tuple[Callable, tuple]] = []
        """Calls made before the server's loop runs; `_guard` keeps the hand-over whole."""
        self._guard = threading.Lock()

    # --- from the game's thread: each returns at once ---

    def start(self) -> None:
        self._thread = threading.Thread(target=self._serve, name="ballot-server", daemon=True)
        self._thread.start()

    def ask(self, options: list[Option]) -> None:
        self._call(self._ask, list(options))

    def retext(self, options: list[Option]) -> None:
        self._call(self.room.retext, list(options))

    def set_lang(self, lang: str) -> None:
        self._call(setattr, self, "lang", lang)

    def lock(self) -> None:
        self._call(self._lock)

    def close(self) -> None:
        """Close the room and stop serving; the thread ends on its own."""
        self._call(self._shutdown)

    def wait_closed(self, timeout: float = 5.0) -> bool:
        """For tests and the bench: wait until the server has stopped."""
        return self._stopped.wait(timeout)

    def _call(self, function: Callable, *args) -> None:
        with self._guard:
            loop = self._loop
            if loop is None:
                self._pending.append((function, args))
                return
        try:
            loop.call_soon_threadsafe(function, *args)
        except RuntimeError:  # the loop has closed: the server is gone, nothing left to do
            pass

    # --- in the server's thread ---

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._open())
        except OSError as exc:
            self.updates.put(Failed(exc.strerror or str(exc)))
            loop.close()
            self._stopped.set()
            return
        with self._guard:
            self._loop = loop
            for function, args in self._pending:
                loop.call_soon(function, *args)
            self._pending.clear()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._runner.cleanup())
            loop.close()
            self._stopped.set()

    async def _open(self) -> None:
        app = web.Application(client_max_size=4096)
        app.add_routes([web.get("/", self._front), web.get("/join", self._join),
                        web.get("/r/{code}", self._page), web.get("/r/{code}/part", self._part),
                        web.post("/r/{code}/vote", self._vote)])
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True,
                           backlog=BACKLOG)
        await site.start()
        self.port = self._runner.addresses[0][1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.updates.put(Started(f"http://{host}:{self.port}", self.room.code))

    def _ask(self, options: list[Option]) -> None:
        if self.room.phase != "closed":
            self.room.ask(options)
            self.updates.put(Counted(self.room.tally()))

    def _lock(self) -> None:
        if self.room.phase in (OPEN, LOCKED) and self.room.question is not None:
            self.updates.put(Locked(self.room.question.number, self.room.lock()))

    def _shutdown(self) -> None:
        self.room.close()
        self._loop.stop()

    # --- the pages ---

    def _render(self, template: str, status: int = 200, **context) -> web.Response:
        html = pages.render(template, self.lang, code=self.room.code, poll_ms=self.poll_ms,
                            **context)
        return web.Response(text=html, status=status, content_type="text/html",
                            headers={"Cache-Control": "no-store",
                                     "Referrer-Policy": "no-referrer"})

    async def _front(self, request: web.Request) -> web.Response:
        return self._render("ballot_join.html", wrong=False)

    async def _join(self, request: web.Request) -> web.StreamResponse:
        code = "".join(c for c in request.query.get("code", "")[:16] if c.isdigit())
        token, new = self._token(request)
        refused = self.room.admit(code, token)  # the room's brake on guessing applies here too
        if refused is None:
            raise web.HTTPSeeOther(f"/r/{code}")
        return self._with_cookie(self._refused_page(refused), token, new)

    def _token(self, request: web.Request) -> tuple[str, bool]:
        """The device's token from its cookie, or a new one (True: set the cookie)."""
        token = request.cookies.get(COOKIE)
        return (token, False) if valid_token(token) else (new_token(), True)

    def _with_cookie(self, response: web.StreamResponse, token: str, new: bool):
        if new:
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    def _refused_page(self, refused: str) -> web.Response:
        if refused == "too_many":
            return self._render("ballot_join.html", status=429, wrong=False, busy=True)
        return self._render("ballot_join.html", status=404 if refused == "wrong_code" else 410,
                            wrong=refused == "wrong_code", closed=refused == "closed")

    async def _page(self, request: web.Request) -> web.StreamResponse:
        token, new = self._token(request)
        refused = self.room.join(request.match_info["code"], token)
        if refused is not None:
            return self._refused_page(refused)
        self.updates.put(Counted(self.room.tally()))
        view = self.room.view(token)
        said = request.query.get("said", "")
        return self._with_cookie(self._render("ballot.html", **self._context(view, said)),
                                 token, new)

    async def _part(self, request: web.Request) -> web.StreamResponse:
        """The page's middle part, for its script: 204 when it has not changed."""
        token, new = self._token(request)
        refused = self.room.admit(request.match_info["code"], token)
        if refused is not None:
            return web.json_response({"refused": refused}, status=403)
        view = self.room.view(token)
        if request.query.get("since") == version(view):
            return web.Response(status=204, headers={"Cache-Control": "no-store"})
        return self._with_cookie(self._render("ballot_part.html", **self._context(view, "")),
                                 token, new)

    async def _vote(self, request: web.Request) -> web.StreamResponse:
        token, new = self._token(request)
        # The form's two fields, read as the plain form sends them (a multipart parser is not
        # needed; at most `client_max_size` bytes are read, and bad bytes are only refused).
        form = dict(parse_qsl((await request.read()).decode("utf-8", "replace")))
        code = request.match_info["code"]
        try:
            number = int(str(form.get("number", ""))[:9])
        except ValueError:
            number = None
        refused = self.room.vote(code, token, number, form.get("choice"))
        if refused is None:
            self.updates.put(Counted(self.room.tally()))
        wants_part = request.headers.get("X-Ballot-Part") == "1"
        if refused in ("wrong_code", "closed", "too_many"):
            # The script sends the form again without itself, to get the page that says why.
            return web.Response(status=403) if wants_part else self._refused_page(refused)
        said = refused or "counted"
        if wants_part:
            view = self.room.view(token)
            return self._with_cookie(self._render("ballot_part.html",
                                                  **self._context(view, said)), token, new)
        back = web.Response(status=303, headers={"Location": f"/r/{self.room.code}?said={said}",
                                                 "Cache-Control": "no-store"})
        return self._with_cookie(back, token, new)

    def _context(self, view: PupilView, said: str) -> dict:
        question = view.question
        total = sum(view.counts.values()) if view.counts else 0
        return {"view": view, "options": question.options if question else (),
                "said": said if said in SAYINGS else "", "version": version(view),
                "total": total, "most": max(view.counts.values(), default=0)
                if view.counts else 0}


SAYINGS = ("counted", "locked", "not_open", "other_decision", "unknown_choice")
"""What the page may say about the vote just sent (from `?said=`; anything else says nothing)."""


def version(view: PupilView) -> str:
    """What a page's middle part depends on: when it changes, the page's script swaps it in."""
    counts = json.dumps(view.counts, sort_keys=True) if view.phase == LOCKED else ""
    number = view.question.number if view.question else 0
    return f"{view.phase}.{number}.{view.mine or ''}.{counts}"


# --- the game's side ------------------------------------------------------------------------------

@dataclass
class BallotLink:
    """What the game knows of its ballot server, kept up to date by `poll()` once a frame."""

    server: BallotServer
    updates: queue.Queue
    address: str = ""
    code: str = ""
    failed: str = ""
    tally: Tally = Tally(0, 0, 0)
    locked: Locked | None = None
    asked: int = 0
    """How many decisions the game has put to the room (the room numbers them alike)."""
    topic: object = None
    """Which decision of the game the room's question is (the game's own key for it)."""
    seconds: float = 0.0
    """How long the projector has shown the room, in the game's time (its frames' `dt`)."""

    @classmethod
    def open(cls, *, host: str | None = None, port: int = DEFAULT_PORT, lang: str = "nl",
             room: Room | None = None, poll_ms: int = POLL_MS) -> "BallotLink":
        """Start a server (on this computer's network address unless `host`) and link to it;
        pages with JavaScript ask every `poll_ms` whether they should change."""
        updates: queue.Queue = queue.Queue()
        server = BallotServer(updates, host=host or local_address(), port=port, lang=lang,
                              room=room, poll_ms=poll_ms)
        server.start()
        return cls(server, updates)

    def poll(self, wait: float = 0.0) -> bool:
        """Take in what the server said since the last call, never waiting (the game's loop);
        tests and the bench may `wait` that many seconds for a first message. True when
        something the projector shows changed."""
        changed = False
        while True:
            try:
                message = self.updates.get(timeout=wait) if wait and not changed \
                    else self.updates.get_nowait()
            except queue.Empty:
                return changed
            changed = True
            if isinstance(message, Started):
                self.address, self.code = message.address, message.code
            elif isinstance(message, Failed):
                self.failed = message.why
            elif isinstance(message, Counted):
                if message.tally.number == self.asked:
                    self.tally = message.tally
            elif isinstance(message, Locked) and message.number == self.asked:
                self.locked = message

    def ask(self, options: list[Option], topic: object = None) -> None:
        """Put a new decision (`topic`, the game's key for it) to the room."""
        self.asked += 1
        self.topic = topic
        self.locked = None
        self.tally = Tally(self.asked, 0, self.tally.joined)
        self.server.ask(options)

    def lock(self) -> None:
        self.server.lock()

    def close(self) -> None:
        self.server.close()

    @property
    def url(self) -> str:
        """The address the QR code holds: straight into the room, code included."""
        return f"{self.address}/r/{self.code}" if self.address else ""
