import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaServer
import Testing

/// The web pages as a browser meets them: the login cookie, form tokens,
/// roles and owners, escaping, the quiz a question a screen.
@Suite struct WebPagesTests {
    @Test func loginGivesANewHttpOnlyLaxCookieAndLogoutEndsTheSession() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let browser = WebBrowser()
            let wrong = try await browser.logIn(client, "officer-a", password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"))
            #expect(browser.cookie("jariya_session") == nil)

            let first = try await browser.logIn(client, "officer-a")
            #expect(first.status == .seeOther)
            #expect(first.location == "/my")
            let cookie = try #require(first.setCookies.first { $0.hasPrefix("jariya_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain HTTP on loopback")
            let firstToken = try #require(browser.cookie("jariya_session"))
            #expect(try await browser.get(client, "/my").status == .ok)

            // Logging in again replaces the session; the old token is dead on the server.
            _ = try await browser.logIn(client, "officer-a")
            let secondToken = try #require(browser.cookie("jariya_session"))
            #expect(secondToken != firstToken)
            let stale = try await client.execute(uri: "/my", method: .get, headers: [.cookie: "jariya_session=\(firstToken)"]) { $0.status }
            #expect(stale == .seeOther, "the replaced session no longer opens pages")

            try await browser.get(client, "/my")
            let out = try await browser.post(client, "/logout", [])
            #expect(out.location == "/login")
            let after = try await client.execute(uri: "/my", method: .get, headers: [.cookie: "jariya_session=\(secondToken)"]) { $0 }
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    @Test func overHTTPSTheCookieIsSecure() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let browser = WebBrowser()
            try await browser.get(client, "/login")
            let page = try await browser.post(client, "/login", [("username", "hr"), ("password", QuizWorld.password)],
                                              headers: [.init("X-Forwarded-Proto")!: "https"])
            let cookie = try #require(page.setCookies.first { $0.hasPrefix("jariya_session=") })
            #expect(cookie.contains("Secure"))
            #expect(page.location == "/hr")
        }
    }

    @Test func aFormWithoutTheSessionsTokenIsRefused() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let other = WebBrowser()
            _ = try await other.logIn(client, "officer-b")
            try await other.get(client, "/my")
            let browser = WebBrowser()
            _ = try await browser.logIn(client, "officer-a")
            try await browser.get(client, "/my")
            let table: [(String, String?)] = [("no token", ""), ("another session's token", other.csrf), ("a made-up token", "0123abcd")]
            for (why, token) in table {
                let page = try await browser.post(client, "/my/courses/code-of-ethics/tests/pretest", [], csrf: token)
                #expect(page.status == .forbidden, "\(why)")
            }
            let login = WebBrowser()
            let forged = try await login.post(client, "/login", [("username", "hr"), ("password", QuizWorld.password)], csrf: "x")
            #expect(forged.status == .forbidden, "a login form not from Jariya's login page")
            #expect(try await browser.post(client, "/my/courses/code-of-ethics/tests/pretest", []).status == .seeOther)
        }
    }

    @Test func rolesAndOwnersAreChecked() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-a")
            let hrPage = try await officer.get(client, "/hr")
            #expect(hrPage.status == .forbidden)
            #expect(hrPage.body.contains("ไม่มีสิทธิ์เข้าถึงหน้านี้"))
            #expect(try await officer.get(client, "/hr/reports/compliance?fiscalYear=2568&format=csv").status == .forbidden)

            try await officer.get(client, "/my")
            let started = try await officer.post(client, "/my/courses/code-of-ethics/tests/pretest", [])
            let question = try #require(started.location)
            #expect(try await officer.get(client, question).status == .ok)
            let stranger = WebBrowser()
            _ = try await stranger.logIn(client, "officer-b")
            #expect(try await stranger.get(client, question).status == .notFound, "another officer's attempt is not there")
            let anonymous = try await WebBrowser().get(client, question)
            #expect(anonymous.status == .seeOther)

            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            #expect(try await hr.get(client, "/hr").status == .ok)
            #expect(try await hr.get(client, "/my").status == .forbidden, "HR has no courses of their own")
        }
    }

    @Test func whatUsersWriteIsShownAsText() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            try await hr.get(client, "/hr?fiscalYear=2568")
            let saved = try await hr.post(client, "/hr/notes", [("fiscalYear", "2568"), ("throughQuarter", "1"),
                                                                  ("problems", "<script>alert('x')</script> ห้องประชุมเล็ก"), ("suggestions", "")])
            #expect(saved.status == .seeOther)
            let page = try await hr.get(client, "/hr?fiscalYear=2568&throughQuarter=1")
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ห้องประชุมเล็ก"))
            #expect(!page.body.contains("<script>alert"))
            let login = try await WebBrowser().logIn(client, "<img src=x onerror=alert(1)>", password: "whatever")
            #expect(login.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!login.body.contains("<img src=x"))
        }
    }

    @Test func theLoginPageSendsOnlyToPagesOfThisSite() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let table: [(next: String, landing: String)] = [("/my/certificates", "/my/certificates"), ("//evil.example/x", "/my"),
                                                            ("https://evil.example/", "/my"), ("/\\evil.example", "/my")]
            for (next, landing) in table {
                let browser = WebBrowser()
                try await browser.get(client, "/login")
                let page = try await browser.post(client, "/login", [("username", "officer-a"), ("password", QuizWorld.password), ("next", next)])
                #expect(page.location == landing, "next=\(next)")
            }
        }
    }

    @Test func theQuizKeepsEachAnswerAndAsksBeforeSubmitting() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let browser = WebBrowser()
            _ = try await browser.logIn(client, "officer-a")
            try await browser.get(client, "/my")
            let tooSoon = try await browser.post(client, "/my/courses/code-of-ethics/tests/posttest", [])
            #expect(tooSoon.status == .conflict)
            #expect(tooSoon.body.contains("โปรดทำแบบทดสอบก่อนเรียนก่อน"))
            let first = try #require(try await browser.post(client, "/my/courses/code-of-ethics/tests/pretest", []).location)
            #expect(first.hasSuffix("/q/1"))
            let attempt = first.replacingOccurrences(of: "/q/1", with: "")
            var page = try await browser.get(client, first)
            // Answer whatever the first question is with its first option, as a form would send it.
            let fields: [(String, String)]
            if page.body.contains(#"name="choice""#) { fields = [("choice", "0")] }
            else if page.body.contains(#"name="truth""#) { fields = [("truth", "true")] }
            else if page.body.contains(#"name="text""#) { fields = [("text", "เจ็ด")] }
            else { fields = (0..<6).map { ("match-\($0)", "0") } }
            let next = try await browser.post(client, first, fields + [("go", "next")])
            #expect(next.location == "\(attempt)/q/2")
            // A reload of question 1 shows the saved answer: nothing is lost.
            page = try await browser.get(client, first)
            #expect(page.body.contains(" checked") || page.body.contains(" selected") || page.body.contains(#"value="เจ็ด""#))
            // The script's autosave answers 204 and stays on the page.
            let autosave = try await browser.post(client, "\(attempt)/q/2", [("go", "stay")], headers: [.init("X-Jariya-Autosave")!: "1"])
            #expect(autosave.status == .noContent)
            // The script's save and a tap on Next at the same moment: both land, neither is an error.
            page = try await browser.get(client, "\(attempt)/q/3")
            let answer: [(String, String)] = page.body.contains(#"name="truth""#) ? [("truth", "false")]
                : page.body.contains(#"name="text""#) ? [("text", "เจ็ด")]
                : page.body.contains(#"name="choice""#) ? [("choice", "1")] : (0..<6).map { ("match-\($0)", "1") }
            async let saved = browser.post(client, "\(attempt)/q/3", answer + [("go", "stay")], headers: [.init("X-Jariya-Autosave")!: "1"])
            async let moved = browser.post(client, "\(attempt)/q/3", answer + [("go", "next")])
            let (both, next3) = try await (saved, moved)
            #expect(both.status == .noContent && next3.location == "\(attempt)/q/4")
            let review = try await browser.get(client, "\(attempt)/review")
            #expect(review.body.contains("ตอบแล้ว 2"))
            #expect(review.body.contains(#"id="confirm""#))
            let submitted = try await browser.post(client, "\(attempt)/submit", [("confirm", "yes")])
            #expect(submitted.location == "\(attempt)/result")
            let result = try await browser.get(client, "\(attempt)/result")
            #expect(result.status == .ok && result.body.contains(#"id="score""#))
            #expect(try await browser.get(client, first).location == "\(attempt)/result", "a submitted test opens its result")
            let mine = try await browser.get(client, "/my")
            #expect(mine.body.contains("ทำแล้ว"), "the pre-test shows as done on my courses")
        }
    }

    @Test func theLanguageSwitchRemembersEnglish() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let browser = WebBrowser()
            #expect(try await browser.get(client, "/login").body.contains("เข้าสู่ระบบ"))
            let switched = try await browser.get(client, "/lang/en?back=%2Flogin")
            #expect(switched.location == "/login")
            let page = try await browser.get(client, "/login")
            #expect(page.body.contains("Log in") && page.body.contains(#"<html lang="en">"#))
            #expect(try await browser.get(client, "/lang/en?back=https%3A%2F%2Fevil.example").location == "/")
        }
    }
}

/// HR's completion report from the dashboard's form, its filters left at "all" or set.
@Suite struct WebCompletionReportTests {
    @Test func theDashboardsFormFiltersTheCompletionReport() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            let dashboard = try await hr.get(client, "/hr?fiscalYear=2568&throughQuarter=1")
            #expect(dashboard.body.contains(#"id="completion-form""#))
            let all = try await hr.get(client, "/hr/reports/completion?fiscalYear=2568&throughQuarter=1&division=&staffType=&status=&format=csv")
            #expect(all.status == .ok)
            #expect(all.body.contains("นางเกศินี ศรีสุข") && all.body.contains("นายขวัญชัย ใจดี"))
            let one = try await hr.get(client, "/hr/reports/completion?fiscalYear=2568&throughQuarter=1&division=works&staffType=&status=&format=csv")
            #expect(one.status == .ok)
            #expect(!one.body.contains("นางเกศินี ศรีสุข") && one.body.contains("นายขวัญชัย ใจดี"))
        }
    }
}
