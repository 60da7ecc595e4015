import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
import JariyaDocuments
import JariyaServer
import JariyaStore
import Testing

@Suite struct CertificateAPITests {
    /// Officer A attends and passes the post-test; the submit that completes
    /// the course issues the certificate. Returns the officer's token and the certificate.
    static func complete(_ client: some TestClientProtocol, world: QuizWorld) async throws -> (officer: String, hr: String, certificate: CertificateView, session: Int) {
        let hr = try await client.login("hr")
        let officer = try await client.login("officer-a")
        let session = try await SessionAPITests.createSession(client, world: world, token: hr, minutesFromNow: -30)
        try await client.send("/api/v1/sessions/\(session)/attendance/A", .put, token: hr, body: MarkAttendanceRequest(status: .present), expect: .ok)
        let pretest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: officer,
                                           body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
        try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: officer, expect: .ok)
        let posttest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: officer,
                                            body: StartAttemptRequest(test: .posttest), as: AttemptView.self, expect: .created)
        try await QuizAPITests.answerAll(client, world: world, token: officer, attempt: posttest) { _ in true }
        try await client.send("/api/v1/attempts/\(posttest.id)/submit", .post, token: officer, expect: .ok)
        let mine = try await client.api("/api/v1/me/certificates", .get, token: officer, as: CertificatesView.self, expect: .ok)
        #expect(mine.certificates.count == 1)
        return (officer, hr, try #require(mine.certificates.first), session)
    }

    @Test func completingIssuesACertificateAnyoneCanVerify() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration(signing: true))
        try await app.test(.router) { client in
            let (_, _, certificate, _) = try await Self.complete(client, world: world)
            let code = certificate.code
            #expect(certificate.serial == "ยก-2568-0001")
            #expect(certificate.status == "valid")
            #expect(certificate.officerName == "นางเกศินี ศรีสุข")
            #expect(certificate.verifyUrl == "https://yodkaew.go.th/jariya/verify/\(code)")

            // The public page needs no login, and takes the code as people type it.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
            let page = try await client.execute(uri: "/verify/\(typed)", method: .get) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(page.contains("นางเกศินี ศรีสุข"))
            #expect(page.contains("มาตรฐานทางจริยธรรมและประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น"))
            #expect(page.contains("และยังมีผลอยู่"))
            #expect(page.contains("8 พฤศจิกายน 2567"), "the day of completion in Bangkok (00:20 on 8 November), Buddhist Era")

            // A third party checks the JSON's signature with the published key alone.
            let view = try await client.api("/api/v1/certificates/\(code)", .get, as: CertificateView.self, expect: .ok)
            let published = try await client.api("/.well-known/jariya-signing-key", .get, as: SigningKeysView.self, expect: .ok)
            let key = try #require(published.keys.first { $0.agency == "yodkaew" }?.publicKey)
            let facts = CertificateFacts(serial: view.serial, code: view.code, agency: view.agency, agencyName: view.agencyName,
                                         officerName: view.officerName, courseKey: view.courseKey, courseVersion: view.courseVersion,
                                         courseTitle: view.courseTitle, fiscalYear: view.fiscalYear, issuedOn: view.issuedOn)
            #expect(SignedCertificate(facts: facts, publicKey: view.publicKey, signature: view.signature).isSigned(by: key))
            var edited = facts
            edited.officerName = "นางเกศินี ศรีสุขใจ"
            #expect(!SignedCertificate(facts: edited, publicKey: view.publicKey, signature: view.signature).isSigned(by: key))
        }
    }

    @Test func thePDFIsTheOwnersOrHRsOnly() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration(signing: true))
        try await app.test(.router) { client in
            let (officer, hr, certificate, _) = try await Self.complete(client, world: world)
            let code = certificate.code
            for token in [officer, hr] {
                try await client.execute(uri: "/api/v1/certificates/\(code)/pdf", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/pdf")
                    #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
                    let pdf = Data(buffer: response.body)
                    #expect(pdf.starts(with: Data("%PDF".utf8)))
                    #expect(CertificateRenderer.embeddedFacts(in: pdf)?.code == code)
                }
            }
            let other = try await client.login("officer-b")
            try await client.send("/api/v1/certificates/\(code)/pdf", .get, token: other, expect: .notFound)
            try await client.send("/api/v1/certificates/\(code)/pdf", .get, expect: .unauthorized)
            try await client.send("/api/v1/me/certificates", .get, token: hr, expect: .forbidden)
        }
    }

    @Test func aRevokedCertificateShowsAsRevokedAndIsNotPrinted() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration(signing: true))
        try await app.test(.router) { client in
            let (officer, hr, certificate, session) = try await Self.complete(client, world: world)
            let code = certificate.code
            try await client.send("/api/v1/sessions/\(session)/attendance/A", .put, token: hr,
                                  body: MarkAttendanceRequest(status: .absent, reason: "ลงชื่อแทนกัน"), expect: .ok)
            let view = try await client.api("/api/v1/certificates/\(code)", .get, as: CertificateView.self, expect: .ok)
            #expect(view.status == "revoked")
            #expect(view.revokeReason?.contains("ลงชื่อแทนกัน") == true)
            let page = try await client.execute(uri: "/verify/\(code)", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("ถูกเพิกถอนแล้ว"))
            #expect(page.contains("ลงชื่อแทนกัน"))
            try await client.send("/api/v1/certificates/\(code)/pdf", .get, token: officer, expect: .gone)
            let mine = try await client.api("/api/v1/me/certificates", .get, token: officer, as: CertificatesView.self, expect: .ok)
            #expect(mine.certificates.first?.status == "revoked", "the history stays")
        }
    }

    @Test func withoutTheKeyTheCompletionWaitsForItsCertificate() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration(signing: false))
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let session = try await SessionAPITests.createSession(client, world: world, token: hr, minutesFromNow: -30)
            try await client.send("/api/v1/sessions/\(session)/attendance/A", .put, token: hr, body: MarkAttendanceRequest(status: .present), expect: .ok)
            let officer = try await client.login("officer-a")
            let posttest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: officer,
                                                body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            try await client.send("/api/v1/attempts/\(posttest.id)/submit", .post, token: officer, expect: .ok)
            let mine = try await client.api("/api/v1/me/certificates", .get, token: officer, as: CertificatesView.self, expect: .ok)
            #expect(mine.certificates.isEmpty)
        }
    }

    @Test func theVerificationPageAnswersUnknownAndMistypedCodes() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let missing = try await client.execute(uri: "/verify/ZZZZ-ZZZZ", method: .get) { response in
                #expect(response.status == .notFound)
                return String(buffer: response.body)
            }
            #expect(missing.contains("ไม่พบเกียรติบัตรรหัส"))
            try await client.execute(uri: "/verify?code=abcd%20efgh", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/verify/ABCD-EFGH")
            }
            let hostile = try await client.execute(uri: "/verify?code=%3Cscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                return String(buffer: response.body)
            }
            #expect(!hostile.contains("<script>"), "what was typed is escaped")
            try await client.execute(uri: "/verify", method: .get) { #expect($0.status == .ok) }
            try await client.send("/api/v1/certificates/nothing", .get, expect: .notFound)
        }
    }
}

@Suite struct ReportAPITests {
    @Test func hrGetsTheReportAndAnOfficerIsForbidden() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration(signing: true))
        try await app.test(.router) { client in
            let (_, hr, _, _) = try await CertificateAPITests.complete(client, world: world)
            // The reports' JSON is the report itself, `ComplianceReport` with snake_case keys (no JariyaAPI type).
            let report = try await client.send("/api/v1/reports/compliance?fiscalYear=2568&throughQuarter=1", .get, token: hr, expect: .ok)
                .decode(ComplianceReport.self, with: TestJSON.reportDecoder())
            #expect(report.coverage.total.headcount == 2)
            #expect(report.coverage.total.completed == 1)
            #expect(report.certificates.firstSerial == "ยก-2568-0001")
            try await client.execute(uri: "/api/v1/reports/compliance?fiscalYear=2568&format=csv", method: .get,
                                     headers: [.authorization: "Bearer \(hr)"]) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body).starts(with: [0xEF, 0xBB, 0xBF]))
            }
            let completion = try await client.send("/api/v1/reports/completion?fiscalYear=2568&status=complete", .get, token: hr, expect: .ok)
                .decode(CompletionReport.self, with: TestJSON.reportDecoder())
            #expect(completion.rows.map(\.employeeCode) == ["A"])
            let officer = try await client.login("officer-a")
            try await client.send("/api/v1/reports/compliance?fiscalYear=2568", .get, token: officer, expect: .forbidden)
            try await client.send("/api/v1/reports/completion?fiscalYear=2568", .get, token: officer, expect: .forbidden)
            try await client.send("/api/v1/reports/completion?fiscalYear=2568&staffType=boss", .get, token: hr, expect: .badRequest)
            try await client.send("/api/v1/reports/compliance", .get, token: hr, expect: .badRequest)
            try await client.send("/api/v1/reports/compliance?fiscalYear=2568&throughQuarter=9", .get, token: hr, expect: .badRequest)
        }
    }
}
