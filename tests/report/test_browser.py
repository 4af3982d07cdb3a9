"""The HTML report opened as a person would: headless Chromium, offline.

Skips cleanly where Chromium (Debian's ``chromium`` package) or the
``playwright`` driver is absent. The screenshot is saved in pytest's
temporary directory (its path is printed with ``pytest -s``).
"""

from __future__ import annotations

import shutil

import pytest

from framing.report.write import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        try:
            chromium = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        except Exception as error:  # pragma: no cover - depends on the machine
            pytest.skip(f"Chromium does not start here: {error}")
        yield chromium
        chromium.close()


def test_report_loads_offline_with_no_errors_and_every_chart(browser, border_comparison, tmp_path):
    path = write_report(border_comparison, tmp_path / "report.html")[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console, requests, errors = [], [], []
    page.on("console", lambda message: console.append((message.type, message.text)))
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri(), wait_until="load")

    assert [m for m in console if m[0] in {"error", "warning"}] == []
    assert errors == []
    assert requests == [path.as_uri()]  # the file itself, nothing else
    sizes = page.eval_on_selector_all(
        "figure img", "images => images.map(i => [i.complete, i.naturalWidth])"
    )
    assert len(sizes) == 6 and all(done and width > 0 for done, width in sizes)
    for section in ("summary", "charts", "reading", "findings"):
        assert page.locator(f"#{section}").is_visible()
    # a substitution links to its counterpart on the other side
    page.click("#s-sub-0 a")
    assert page.evaluate("location.hash") == "#c-sub-0"
    screenshot = tmp_path / "report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000
    print(f"screenshot: {screenshot}")
    page.close()


def test_report_fits_a_400px_screen(browser, border_comparison, tmp_path):
    path = write_report(border_comparison, tmp_path / "report.html")[0]
    page = browser.new_page(viewport={"width": 400, "height": 800})
    page.goto(path.as_uri(), wait_until="load")
    # nothing makes the page wider than the screen (wide tables scroll inside their box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    widths = page.eval_on_selector_all(
        "figure img", "images => images.map(i => i.getBoundingClientRect().right)"
    )
    assert len(widths) == 6 and max(widths) <= 400
    page.close()


def test_report_prints_whole_tables_with_badge_colours(browser, border_comparison, tmp_path):
    path = write_report(border_comparison, tmp_path / "report.html")[0]
    page = browser.new_page(viewport={"width": 800, "height": 1000})
    page.goto(path.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all(
        ".tablewrap",
        "boxes => boxes.map(b => [getComputedStyle(b).overflowY, getComputedStyle(b).maxHeight,"
        " b.scrollHeight <= b.clientHeight + 1])",
    )
    assert boxes and all(b == ["visible", "none", True] for b in boxes)
    adjust = page.eval_on_selector(
        ".badge",
        "b => getComputedStyle(b).printColorAdjust || getComputedStyle(b).webkitPrintColorAdjust",
    )
    assert adjust == "exact"
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf))
    assert pdf.stat().st_size > 20_000
    page.close()
