import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaCore
import JariyaServer
import JariyaStore
import Testing

@Suite struct ServerTests {
    /// A database with one agency and, optionally, one published course whose
    /// title is hostile HTML.
    static func database(title: String? = nil) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        let agency = try db.createAgency(Agency(code: "yodkaew", name: "องค์การบริหารส่วนตำบลยอดแก้ว", shortName: "อบต.ยอดแก้ว",
                                                province: "กาฬสินธุ์", district: "นามน", createdAt: Date()))
        if let title {
            let agencyID = agency.id ?? 0
            _ = try db.publish(agencyID: agencyID,
                               banks: [BankPublication(key: "b", title: "คลัง", questionCount: 1, source: Array("<bank/>".utf8), sourceFile: "b.xml")],
                               courses: [CoursePublication(key: "c", title: title, summary: "ความรู้เรื่องของขวัญ & ประโยชน์อื่นใด", moduleCount: 5,
                                                           pretestBank: nil, posttestBank: "b", source: Array("<course/>".utf8), sourceFile: "c.xml")],
                               publisher: "trainer", now: Date(timeIntervalSince1970: 1_700_000_000))
        }
        return db
    }

    @Test func healthReportsTheDatabase() async throws {
        let app = try await buildApplication(ServerConfiguration(database: try Self.database()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"status\":\"ok\""))
                #expect(body.contains("\"migrations\":\(AppDatabase.migrationNames.count)"))
            }
        }
    }

    @Test func theCourseListIsThaiAndEscapesWhatItShows() async throws {
        let db = try Self.database(title: "การให้<script>alert(1)</script>ของขวัญ")
        let app = try await buildApplication(ServerConfiguration(database: db))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"th\">"))
                #expect(page.contains("หลักสูตรที่เปิดอบรม"))
                #expect(page.contains("องค์การบริหารส่วนตำบลยอดแก้ว"))
                #expect(page.contains("การให้&lt;script&gt;alert(1)&lt;/script&gt;ของขวัญ"))
                #expect(!page.contains("<script>"))
                #expect(page.contains("ความรู้เรื่องของขวัญ &amp; ประโยชน์อื่นใด"))
                #expect(page.contains("15 พฤศจิกายน 2566"), "the publication date in Buddhist Era, Bangkok time")
            }
        }
    }

    @Test func anEmptyAgencySaysHowToPublish() async throws {
        let app = try await buildApplication(ServerConfiguration(database: try Self.database()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("jariya course publish"))
            }
        }
    }

    @Test func aRealServerOnLoopbackServesPagesAndBootstrap() async throws {
        let app = try await buildApplication(ServerConfiguration(port: 0, database: try Self.database(title: "หลักสูตรทดสอบ")))
        try await app.test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("หลักสูตรทดสอบ"))
            }
            try await client.execute(uri: "/assets/bootstrap/css/bootstrap.min.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes > 100_000)
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
