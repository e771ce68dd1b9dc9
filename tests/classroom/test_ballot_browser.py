"""The secret ballot in a real browser: 30 pupils' pages in Debian's Chromium (Playwright)
voting on loopback, changing votes, a late vote, a wrong code, a page without JavaScript; after
every step the game's count (what the projector shows, through the queue) is checked."""

from __future__ import annotations

import pytest

from ballothelp import OPTIONS, open_room, until
from browser import browser  # noqa: F401  (the fixture)

PUPILS = 30


@pytest.fixture
def link():
    link = open_room()
    yield link
    link.close()


def pupil(browser, link, javascript: bool = True):  # noqa: F811
    """A new device (its own cookies: its own token) with the room's page open."""
    context = browser.new_context(java_script_enabled=javascript,
                                  viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(link.url)
    return page


def press(page, option) -> None:
    page.get_by_role("button", name=option.text).click()


def test_thirty_pupils_vote_change_and_the_lock_holds(browser):  # noqa: F811
    link = open_room(poll_ms=2000)  # as in class: thirty pages asking often load the machine
    try:
        thirty_pupils(browser, link)
    finally:
        link.close()


def thirty_pupils(browser, link):  # noqa: F811
    pages = [pupil(browser, link) for _ in range(PUPILS)]
    until(link, lambda: link.tally.joined == PUPILS)
    assert link.tally.voted == 0
    # Upright on a 390 px phone: nothing wider than the screen.
    assert pages[0].evaluate("document.documentElement.scrollWidth") <= 390
    a, b, _ = OPTIONS
    for i, page in enumerate(pages):
        press(page, a if i < 18 else b)
        page.locator("#ballot").get_by_text("Your vote is counted").wait_for()
        until(link, lambda: link.tally.voted == i + 1)
    for page in pages[:5]:  # five change their minds: still thirty votes
        press(page, b)
        page.locator('[aria-pressed="true"]', has_text=b.text).wait_for()
    until(link, lambda: link.tally.voted == PUPILS)
    assert link.locked is None
    # A late voter: its page has not heard of the lock yet (its polling stopped).
    late = pages[-1]
    late.evaluate("() => { for (let i = 1; i < 1000; i++) clearInterval(i); }")
    link.lock()
    until(link, lambda: link.locked is not None)
    assert link.locked.counts == {"walk_on": 13, "stand_by": 17}
    press(late, a)
    late.locator("#ballot").get_by_text("Too late").wait_for()
    # The others' pages show the result on their own (polling).
    pages[0].locator("#ballot").get_by_text("The vote is locked").wait_for(timeout=5000)
    assert "17 votes" in pages[0].content()
    link.lock()
    until(link, lambda: link.locked is not None)
    assert link.locked.counts == {"walk_on": 13, "stand_by": 17}
    assert link.tally.voted == PUPILS
    for page in pages:
        page.context.close()


def test_a_wrong_room_code_is_refused(browser, link):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    wrong = "0000" if link.code != "0000" else "1111"
    response = page.goto(f"{link.address}/r/{wrong}")
    assert response.status == 404
    page.get_by_text("There is no vote with that code").wait_for()
    page.get_by_label("The code on the board").fill(link.code)  # then the right one
    page.get_by_role("button", name="Go to the vote").click()
    page.get_by_role("button", name=OPTIONS[0].text).wait_for()
    until(link, lambda: link.tally.joined == 1)
    assert link.tally.voted == 0
    context.close()


def test_a_page_without_javascript_votes_with_the_plain_form(browser, link):  # noqa: F811
    page = pupil(browser, link, javascript=False)
    until(link, lambda: link.tally.joined == 1)
    press(page, OPTIONS[1])
    page.locator("#ballot").get_by_text("Your vote is counted").wait_for()
    until(link, lambda: link.tally.voted == 1)
    assert page.locator('[aria-pressed="true"]').inner_text().startswith("B")
    link.lock()
    until(link, lambda: link.locked is not None)
    press(page, OPTIONS[0])  # the form is still on its screen: too late
    page.locator("#ballot").get_by_text("Too late").wait_for()
    assert link.locked.counts == {"walk_on": 0, "stand_by": 1}
    page.goto(link.url)
    page.locator("#ballot").get_by_text("The vote is locked").wait_for()
    page.context.close()


def test_the_pages_follow_the_teacher_on_their_own(browser, link):  # noqa: F811
    """Locked, then the next decision: a page with JavaScript shows each without a reload, and
    says it in its live region for a screen reader."""
    page = pupil(browser, link)
    press(page, OPTIONS[0])
    page.locator("#ballot").get_by_text("Your vote is counted").wait_for()
    link.lock()
    until(link, lambda: link.locked is not None)
    page.locator("#ballot").get_by_text("The vote is locked").wait_for(timeout=5000)
    assert "The vote is locked" in page.locator("#live").text_content()
    link.ask(OPTIONS[:2])
    until(link, lambda: link.tally.number == 2)
    page.locator("#ballot").get_by_text("The vote is open. What would you do?").wait_for(
        timeout=5000)
    press(page, OPTIONS[1])
    page.locator("#ballot").get_by_text("Your vote is counted").wait_for()
    until(link, lambda: link.tally.voted == 1)
    page.context.close()


def test_a_vote_confirmed_is_not_wiped_by_news_asked_for_meanwhile(browser):  # noqa: F811
    """A page asking for news every 50 ms: an answer computed after the vote but arriving after
    the vote's own answer used to replace "Your vote is counted" with the plain page."""
    from game.classroom.ballot.limiter import Limiter
    from game.classroom.ballot.room import Room
    from game.classroom.ballot_server import BallotLink
    link = BallotLink.open(host="127.0.0.1", port=0, lang="en", poll_ms=50,
                           room=Room(limiter=Limiter(capacity=10_000, rate=10_000)))
    try:
        until(link, lambda: link.address)
        link.ask(OPTIONS)
        for i in range(5):
            page = pupil(browser, link)
            press(page, OPTIONS[i % 2])
            said = page.locator("#ballot").get_by_text("Your vote is counted")
            said.wait_for(timeout=5000)
            page.wait_for_timeout(300)  # several rounds of news
            assert said.is_visible(), i
            until(link, lambda: link.tally.voted == i + 1)
            page.context.close()
    finally:
        link.close()
