"""The secret ballot (class mode): how fast a vote reaches the projector's count, and whether a
room holds up when 300 devices vote at once, on loopback.

- 30 votes, one after another, each from its own device: the time from sending the vote to the
  game seeing the new count through its queue (`BallotLink.poll`), as the projector would.
- 300 simulated devices voting at the same moment (aiohttp's client, one connection each): the
  time of each request, and whether the locked count holds every vote.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import urllib.request

from ..classroom.ballot.room import Option, new_token
from ..classroom.ballot_server import BallotLink
from .common import Bench, Figure, summary

SECTION = "ballot"
COUNT_TARGET_MS = 200.0
"""A vote on a pupil's device shows in the projector's count within this (median and p99)."""
CROWD_TARGET_P99_MS = 100.0
OPTIONS = [Option("a", "A", "Walk on"), Option("b", "B", "Stand by him")]


def _started(room_size: int = 0) -> BallotLink:
    link = BallotLink.open(host="127.0.0.1", port=0)
    end = time.monotonic() + 10
    while not (link.address or link.failed) and time.monotonic() < end:
        link.poll(wait=0.1)
    if not link.address:
        raise RuntimeError(link.failed or "the ballot server did not start")
    link.ask(OPTIONS)
    return link


def _seen(link: BallotLink, condition, timeout: float = 10.0) -> float:
    """Wait on the queue until `condition()`; the moment it held (perf_counter)."""
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise RuntimeError(f"the count stopped at {link.tally.voted}")
        link.poll(wait=0.05)
    return time.perf_counter()


def count_latencies(votes: int) -> list[float]:
    """Milliseconds from each of `votes` votes being sent to the game's count showing it."""
    link = _started()
    try:
        times = []
        for i in range(votes):
            request = urllib.request.Request(
                f"{link.url}/vote", data=f"number=1&choice={'ab'[i % 2]}".encode(),
                headers={"Cookie": f"ballot={new_token()}"})
            sent = time.perf_counter()
            urllib.request.urlopen(request, timeout=10).read()
            seen = _seen(link, lambda: link.tally.voted == i + 1)
            times.append(1000 * (seen - sent))
        return times
    finally:
        link.close()
        link.server.wait_closed()


def crowd(devices: int) -> tuple[list[float], int]:
    """`devices` votes sent at the same moment from another process (as devices are other
    machines: the client must not share the server's interpreter): each request's
    milliseconds, and how many votes the locked count holds."""
    link = _started()
    try:
        client = subprocess.run(
            [sys.executable, "-c", "import json, sys; from game.bench.ballot import "
             "_send_at_once; print(json.dumps(_send_at_once(sys.argv[1], int(sys.argv[2]))))",
             link.url, str(devices)], capture_output=True, text=True, timeout=120)
        if client.returncode != 0:
            raise RuntimeError(client.stderr.strip().splitlines()[-1] if client.stderr
                               else f"the client exited with {client.returncode}")
        times = json.loads(client.stdout)
        link.lock()
        _seen(link, lambda: link.locked is not None)
        return times, sum(link.locked.counts.values())
    finally:
        link.close()
        link.server.wait_closed()


def _send_at_once(url: str, devices: int) -> list[float]:
    """In the client's process: each device opens the page (as pupils do before they vote, on a
    connection kept open), then every vote is released at the same moment. Plain asyncio
    streams, so that the client's own cost stays small beside the server's."""
    from urllib.parse import urlsplit
    where = urlsplit(url)

    async def exchange(reader, writer, request: bytes) -> int:
        writer.write(request)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)
        await reader.readexactly(length)
        return status

    async def everyone() -> list[float]:
        start = asyncio.Event()
        ready = []

        async def device(i: int) -> float:
            reader, writer = await asyncio.open_connection(where.hostname, where.port)
            cookie = f"Cookie: ballot={new_token()}\r\n"
            host = f"Host: {where.netloc}\r\n"
            try:
                await exchange(reader, writer, f"GET {where.path} HTTP/1.1\r\n{host}{cookie}"
                               "\r\n".encode())
                ready.append(i)
                await start.wait()
                body = f"number=1&choice={'ab'[i % 2]}"
                sent = time.perf_counter()
                status = await exchange(reader, writer, (
                    f"POST {where.path}/vote HTTP/1.1\r\n{host}{cookie}"
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n{body}").encode())
                if status != 303:
                    raise RuntimeError(f"a vote was answered {status}")
                return 1000 * (time.perf_counter() - sent)
            finally:
                writer.close()

        tasks = [asyncio.ensure_future(device(i)) for i in range(devices)]
        deadline = time.perf_counter() + 60
        while len(ready) < devices:  # every page open
            if any(t.done() for t in tasks) or time.perf_counter() > deadline:
                start.set()
                await asyncio.gather(*tasks)  # raises what went wrong
                raise RuntimeError("the devices could not open the page in time")
            await asyncio.sleep(0.01)
        start.set()
        return list(await asyncio.gather(*tasks))

    return asyncio.run(everyone())


def ballot_figures(bench: Bench, rounds: int, devices: int) -> list[Figure]:
    start = len(bench.figures)
    try:
        latencies = [ms for _ in range(rounds) for ms in count_latencies(30)]
        bench.add(summary(SECTION, f"a vote to the projector's count (30 votes x {rounds})",
                          "ms", latencies, key="ballot_count", target=COUNT_TARGET_MS,
                          target_p99=COUNT_TARGET_MS))
        times, counted = crowd(devices)
        bench.add(summary(SECTION, f"{devices} devices voting at once, each request", "ms",
                          times, key="ballot_crowd", target_p99=CROWD_TARGET_P99_MS))
        if counted != devices:
            bench.note(f"ballot: {devices - counted} of {devices} votes were lost")
        else:
            bench.note(f"ballot: all {devices} votes counted")
    except Exception as exc:  # noqa: BLE001 - a blocked port must not stop the bench
        bench.note(f"ballot not measured: {type(exc).__name__}: {exc}")
    return bench.figures[start:]
