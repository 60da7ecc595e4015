#!/usr/bin/python3
"""Jariya in a real browser: Debian's Chromium driven through chromium-driver.

An officer on a phone-sized window logs in, takes the pre-test, checks in to
a lecture with the room's code, passes the post-test and downloads the
certificate; the officer is refused an HR page; HR logs in and downloads the
compliance report as PDF. The server is the real `jariya serve` on a demo
database (see scripts/browser-test).

    /usr/bin/python3 Tests/Browser/browser_test.py --base http://127.0.0.1:PORT --bank Quizzes/ethics-basics.xml
        [--screenshots docs/screenshots]
"""
import argparse
import base64
import subprocess
import os
import sys
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

QUIZ = "{urn:jariya:quiz:1}"


def words(text):
    """Whitespace folded, as the browser shows text."""
    return " ".join((text or "").split())


def answer_key(path):
    """The bank's right answers by prompt: what an officer who studied knows."""
    key = {}
    for question in ElementTree.parse(path).getroot().iter(QUIZ + "question"):
        prompt = words(question.findtext(QUIZ + "prompt"))
        kind = question.get("type")
        if kind in ("single", "multiple"):
            key[prompt] = (kind, {words(c.text) for c in question.findall(QUIZ + "choice") if c.get("correct") == "true"})
        elif kind == "true-false":
            key[prompt] = (kind, question.findtext(QUIZ + "answer").strip())
        elif kind == "short":
            key[prompt] = (kind, question.findtext(QUIZ + "accept").strip())
        elif kind == "matching":
            key[prompt] = (kind, {words(p.findtext(QUIZ + "left")): words(p.findtext(QUIZ + "right"))
                                  for p in question.findall(QUIZ + "pair")})
    return key


class Browser:
    def __init__(self, base, shots, width, height):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=th-TH", f"--window-size={width},{height}"):
            options.add_argument(flag)
        service = ChromeService(executable_path="/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.base = base
        self.shots = shots
        self.width = width

    def open(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        """The whole page at phone width (390 px) and desktop width (1280 px), through the DevTools protocol."""
        if not self.shots:
            return
        os.makedirs(self.shots, exist_ok=True)
        for width in (390, 1280):
            metrics = {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600}
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            metrics["height"] = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            image = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
            with open(os.path.join(self.shots, f"{name}-{width}.png"), "wb") as file:
                file.write(base64.b64decode(image["data"]))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def text(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def click(self, selector):
        self.press(self.driver.find_element(By.CSS_SELECTOR, selector))

    def go(self, selector):
        """Clicks something that loads a new page, and waits for the new page."""
        self.driver.execute_script("window.jariyaOldPage = true")
        self.click(selector)
        WebDriverWait(self.driver, 15).until(lambda driver: driver.execute_script(
            "return !window.jariyaOldPage && document.readyState === 'complete'"))

    def press(self, element):
        """Scrolls an element to the middle of the screen, as a thumb would, and taps it."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def login(self, username, password):
        self.open("/login")
        self.driver.find_element(By.ID, "username").send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.go("form[action='/login'] button[type=submit]")

    def fetch(self, path):
        """Fetches a path with the page's own cookies: status, type, first bytes."""
        return self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                const bytes = new Uint8Array(await r.arrayBuffer());
                done([r.status, r.headers.get('content-type'), String.fromCharCode(...bytes.slice(0, 5)), bytes.length]);
            }).catch(e => done([0, String(e), '', 0]));
        """, path)

    def take_test(self, key, know):
        """Answers every question (rightly when `know`), reviews, confirms, submits."""
        while "/q/" in self.driver.current_url:
            prompt = words(self.text("#prompt"))
            kind, right = key[prompt]
            if kind in ("single", "multiple"):
                labels = self.driver.find_elements(By.CSS_SELECTOR, "label.choice")
                for label in labels:
                    wanted = words(label.text) in right if know else label == labels[0]
                    if wanted:
                        self.press(label.find_element(By.TAG_NAME, "input"))
                        if kind == "single":
                            break
            elif kind == "true-false":
                value = right if know else "false"
                self.click(f"input[name=truth][value={value}]")
            elif kind == "short":
                self.driver.find_element(By.ID, "text").send_keys(right if know else "ไม่ทราบ")
            elif kind == "matching":
                for select in self.driver.find_elements(By.CSS_SELECTOR, "select[id^=match-]"):
                    left = words(self.driver.find_element(By.CSS_SELECTOR, f"label[for={select.get_attribute('id')}]").text)
                    choice = Select(select)
                    if know:
                        choice.select_by_visible_text(right[left])
                    else:
                        choice.select_by_index(1)
            self.go("button[name=go][value=next]")
        assert "/review" in self.driver.current_url, self.driver.current_url
        self.shot("quiz-review")
        self.click("#confirm")
        self.go("#submit")
        assert "/result" in self.driver.current_url, self.driver.current_url
        return self.text("#score"), self.driver.find_elements(By.ID, "verdict")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--bank", required=True)
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    key = answer_key(args.bank)
    base = args.base
    password = "jariya2567"

    # The trainer opens a lecture that started five minutes ago and puts its QR code on the room's screen.
    trainer = Browser(base, args.screenshots, 1280, 900)
    try:
        trainer.login("trainer", password)
        assert trainer.driver.current_url.endswith("/trainer"), trainer.driver.current_url
        now = datetime.now(timezone(timedelta(hours=7)))
        start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0))
        end = now + timedelta(hours=2)
        trainer.driver.find_element(By.ID, "stitle").send_keys("อบรมประจำไตรมาส (ทดสอบในเบราว์เซอร์)")
        # Date and time inputs take what the browser's own pickers produce.
        trainer.driver.execute_script(
            "document.getElementById('day').value = arguments[0];"
            "document.getElementById('starts').value = arguments[1];"
            "document.getElementById('ends').value = arguments[2];",
            start.strftime("%Y-%m-%d"), start.strftime("%H:%M"),
            end.strftime("%H:%M") if end.date() == start.date() else "23:59")
        trainer.shot("trainer-home")
        trainer.go("form[action='/trainer/sessions'] button[type=submit]")
        session_page = trainer.driver.current_url
        assert "/trainer/sessions/" in session_page, session_page
        trainer.go("a[href$='/screen']")
        trainer.shot("session-screen")
    except BaseException:
        trainer.driver.quit()
        raise

    def scan_room_screen():
        """The officer's phone reads the code on the room's screen, as it is now."""
        trainer.driver.refresh()
        code = trainer.text("#room-code")
        picture = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"jariya-room-{os.getpid()}.png")
        trainer.driver.save_screenshot(picture)
        scanned = subprocess.run(["zbarimg", "--quiet", "--raw", picture], capture_output=True, text=True).stdout.strip()
        os.remove(picture)
        assert scanned.startswith(base + "/checkin?session=") and scanned.endswith("&code=" + code), scanned
        print(f"room code {code}; the QR code reads {scanned}")
        return scanned

    officer = Browser(base, args.screenshots, 390, 844)
    try:
        officer.login("officer", password)
        assert officer.driver.current_url.endswith("/my"), officer.driver.current_url
        officer.shot("my-courses")
        officer.go("form[action$='/tests/pretest'] button")
        officer.shot("quiz-question")
        score, _ = officer.take_test(key, know=False)
        print(f"pre-test: {score}")

        officer.driver.get(scan_room_screen())
        officer.shot("checkin")
        officer.go("form[action='/checkin'] button[type=submit]")
        assert "ลงเวลาเข้าอบรมแล้ว" in officer.text(".alert-success"), officer.text("main")
        trainer.open(session_page.replace(base, ""))
        assert trainer.text("#present-count") == "1", trainer.text("main")
        print("checked in; the trainer's roll shows it")

        officer.open("/my")
        officer.go("form[action$='/tests/posttest'] button")
        score, verdict = officer.take_test(key, know=True)
        assert verdict and "ผ่าน" in verdict[0].text, f"post-test not passed: {score}"
        officer.shot("quiz-result")
        print(f"post-test: {score}, {verdict[0].text}")

        officer.open("/my/certificates")
        officer.shot("my-certificates")
        link = officer.driver.find_element(By.CSS_SELECTOR, "a[href$='/pdf']").get_attribute("href")
        status, kind, magic, size = officer.fetch(link)
        assert status == 200 and kind == "application/pdf" and magic == "%PDF-", (status, kind, magic)
        print(f"certificate: {size} bytes of PDF")

        status, _, _, _ = officer.fetch("/hr")
        officer.open("/hr")
        assert status == 403 and "ไม่มีสิทธิ์" in officer.text("main"), (status, officer.text("main"))
        print("officer on an HR page: 403")
    finally:
        officer.driver.quit()
        trainer.driver.quit()

    hr = Browser(base, args.screenshots, 1280, 900)
    try:
        hr.login("hr", password)
        assert hr.driver.current_url.split("?")[0].endswith("/hr"), hr.driver.current_url
        hr.shot("hr-dashboard")
        link = hr.driver.find_element(By.CSS_SELECTOR, "#report-formats a[href*='format=pdf']").get_attribute("href")
        status, kind, magic, size = hr.fetch(link)
        assert status == 200 and kind == "application/pdf" and magic == "%PDF-", (status, kind, magic)
        print(f"compliance report: {size} bytes of PDF")
    finally:
        hr.driver.quit()
    if args.screenshots:
        tour(base, args.screenshots, password)
    print("browser test passed")


def tour(base, shots, password):
    """The pages the journeys above pass by without stopping, for the screenshots."""
    visitor = Browser(base, shots, 1280, 900)
    try:
        visitor.open("/login")
        visitor.shot("login")
        visitor.login("yk-002", password)
        visitor.open("/my/courses/code-of-ethics/modules/1")
        visitor.shot("module")
        visitor.driver.delete_all_cookies()
        visitor.login("trainer", password)
        visitor.go("a[href^='/trainer/sessions/']")
        visitor.shot("session-roll")
        visitor.driver.delete_all_cookies()
        visitor.login("admin", password)
        for path, name in (("/hr/roster", "hr-roster"), ("/hr/assignments", "hr-assignments"), ("/admin", "admin")):
            visitor.open(path)
            visitor.shot(name)
    finally:
        visitor.driver.quit()


if __name__ == "__main__":
    sys.exit(main())
