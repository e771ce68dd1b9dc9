"""The game opens no network connection: whole plays, engine and UI, with the network cut off.

Connecting, resolving a name and creating a connection all raise, and every attempt is noted, so
an attempt the game would catch and hide still fails the test.
"""

from __future__ import annotations

import random
import socket

import pytest

from reliahelp import SHIPPED, RandomPlayer, Tally, entries, make_app


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network access in a test: {what}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_the_cut_is_real(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 80)
    assert len(no_network) == 2
    no_network.clear()


def test_a_whole_scenario_through_the_engine_and_the_cli(no_network, tmp_path, capsys):
    from game import cli
    from game.core import engine
    from game.core.loader import load
    loaded = load(SHIPPED[0])
    rng = random.Random(3)
    for lang in ("nl", "en"):
        run = engine.start(loaded.scenario, lang, loaded.content_hash)
        while not run.ended:
            view = run.view()
            if view.choices:
                run.choose(rng.choice([c for c in view.choices if c.available]).id)
            else:
                run.advance()
        engine.load_run(loaded.scenario, run.save(), loaded.content_hash)
        run.summary()
    assert cli.main(["check", str(SHIPPED[0].parent)]) == 0
    assert cli.main(["graph", "adrian", "-o", str(tmp_path / "map.mmd")]) == 0
    capsys.readouterr()
    assert no_network == []


def test_a_whole_scenario_through_the_ui(no_network):
    scenarios = entries([p for p in SHIPPED if p.stem == "adrian"])
    app = make_app(scenarios, persist=True)
    player = RandomPlayer(app, random.Random(4), Tally(), sizes=[(1280, 720), (1920, 1080)])
    for lang in ("nl", "en"):
        assert player.play(scenarios[0], lang)
    app.show_title()
    app.run_frames(2)
    assert no_network == []
