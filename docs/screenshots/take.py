"""Screenshots of the demo for the documentation, on a phone (360 × 780) and a desktop (1366 × 900).

Run against `make run` (in another terminal), with the demo passwords it printed:

    .venv/bin/python docs/screenshots/take.py --editor-password … [--base http://127.0.0.1:8000]

It drives Debian's Chromium (/usr/bin/chromium) through Playwright; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).parent
SIZES = {"phone": (360, 780), "desktop": (1366, 900)}
PUBLIC = {
    "home": "/ru/",
    "event": "/ru/events/video-bridge-2022-growing-up-with-a-book/",
    # a held bridge of this year's demo programme, with its photos and attendance
    "bridge": f"/ru/events/demo-{datetime.date.today().year}-02-11-video-bridge/",
}
WORKSPACE = {
    "workspace-home": "/ru/accounts/workspace/",
}


def planner_checked(page: Page, base: str) -> None:
    """The planner after «check the time» on a day off in Kazakhstan (Nauryz)."""
    page.goto(f"{base}/ru/events/plan/")
    page.fill("input[name=title_ru]", "Видеомост «Наурыз в библиотеке»")
    page.select_option("select[name=format]", "video_bridge")
    page.select_option("select[name=audience]", "children")
    page.select_option(
        "select[name=host]", label="Алтайская краевая детская библиотека им. Н. К. Крупской"
    )
    page.get_by_label("Шемонаихинская центральная районная библиотека").check()
    page.fill("input[name=day]", "2030-03-22")
    page.fill("input[name=time]", "11:00")
    page.get_by_role("button", name="Проверить время").click()
    page.locator("#check .warnings").wait_for()


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/ru/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url("**/workspace/**")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--editor", default="editor.shemonaikha")
    parser.add_argument("--editor-password", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height},
                                          locale="ru-RU", device_scale_factor=1)  # fmt: skip
            page = context.new_page()
            for name, path in PUBLIC.items():
                page.goto(args.base + path)
                page.screenshot(path=HERE / f"{name}-{size}.png", full_page=True)
            sign_in(page, args.base, args.editor, args.editor_password)
            for name, path in WORKSPACE.items():
                page.goto(args.base + path)
                page.screenshot(path=HERE / f"{name}-{size}.png", full_page=True)
            planner_checked(page, args.base)  # the screen the editor sees, at the answer
            page.screenshot(path=HERE / f"planner-{size}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
