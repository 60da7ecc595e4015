import Crypto
import Foundation
import GRDB
import JariyaCore
import Testing
@testable import JariyaStore

@Suite struct CertificateStoreTests {
    static let rule = CompletionRule(attendedSessions: 1, passed: [], taken: [], certificateTemplate: "standard")
    static let july2024 = Date(timeIntervalSince1970: 1_720_000_000) // FY2567 Q4
    static let november2024 = Date(timeIntervalSince1970: 1_731_000_000) // FY2568 Q1

    struct World {
        var db: AppDatabase
        var agencyID: Int64
        var key: Curve25519.Signing.PrivateKey
        var issuer: CertificateIssuer
    }

    /// An agency with a registered key, the roster and course "c", and
    /// verification codes handed out in order so tests can name them.
    static func world() throws -> World {
        let base = try AttemptStoreTests.world().db
        let agencyID = try #require(try base.agencies().first?.id)
        let key = Curve25519.Signing.PrivateKey()
        try base.setSigningKey(agencyID: agencyID, publicKey: SigningKeyFile.publicKey(of: key))
        _ = try base.updateCertificateProfile(agencyID: agencyID, serialPrefix: "ยก", signerName: "นายสมชาย ใจดี",
                                              signerPosition: "นายก อบต.", verifyBaseURL: nil)
        let counter = Counter()
        let issuer = CertificateIssuer(key: SigningKey(key, path: "test.key"), makeCode: { counter.next() })
        return World(db: base, agencyID: agencyID, key: key, issuer: issuer)
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> String {
            lock.withLock { value += 1; return String(format: "AAAA-%04d", value) }
        }
    }

    @discardableResult
    static func attend(_ world: World, db: AppDatabase, code: String = "A1", at start: Date, status: AttendanceStatus = .present,
                       reason: String? = nil) throws -> AttendanceOutcome {
        let session = try db.sessions(agencyID: world.agencyID).first { $0.startsAt == start } ?? db.createSession(
            TrainingSession(agencyId: world.agencyID, courseKey: "c", title: "อบรม", startsAt: start, endsAt: start.addingTimeInterval(3600),
                            place: "", trainer: "", format: "onsite", budgetBaht: nil, codeSecret: String(repeating: "k", count: 32),
                            createdBy: "t", createdAt: start))
        return try db.recordAttendance(sessionID: session.id ?? 0, agencyID: world.agencyID, employeeCode: code, status: status,
                                       method: .roll, actor: "trainer", reason: reason, now: start, rule: rule)
    }

    @Test func completingIssuesASignedCertificateInTheSameTransaction() throws {
        let world = try Self.world()
        let db = world.db.issuing(with: world.issuer)
        #expect(try Self.attend(world, db: db, at: Self.july2024).completion == "completed")
        let certificate = try #require(try db.certificates(agencyID: world.agencyID, courseKey: "c", fiscalYear: 2567, officerID: nil).first)
        #expect(certificate.serial == "ยก-2567-0001")
        #expect(certificate.code == "AAAA-0001")
        let signed = try #require(certificate.signed)
        #expect(signed.facts.officerName == "นางสาวขวัญใจ ภูชมศรี")
        #expect(signed.facts.issuedOn == "2024-07-03")
        #expect(signed.isSigned(by: SigningKeyFile.publicKey(of: world.key)))
        #expect(try db.ledgerEntries(agencyID: world.agencyID).map(\.kind) == ["attendance", "completion", "certificate.issued"])

        var forged = signed
        forged.facts.officerName = "นางสาวขวัญใจ ภูชมศรีสุข"
        #expect(!forged.isSigned(by: SigningKeyFile.publicKey(of: world.key)))
        let otherKey = Curve25519.Signing.PrivateKey()
        let resigned = try SignedCertificate.sign(forged.facts, key: otherKey)
        #expect(!resigned.isSigned(by: SigningKeyFile.publicKey(of: world.key)), "a signature by another key proves nothing")
    }

    @Test func aCorrectionThatUndoesTheCompletionRevokesTheCertificate() throws {
        let world = try Self.world()
        let db = world.db.issuing(with: world.issuer)
        try Self.attend(world, db: db, at: Self.july2024)
        try Self.attend(world, db: db, at: Self.july2024, status: .absent, reason: "ลงชื่อแทนกัน")
        let certificate = try #require(try db.certificate(code: "AAAA-0001"))
        #expect(!certificate.isValid)
        #expect(certificate.revokeReason == "การผ่านหลักสูตรถูกเพิกถอน: การเข้าอบรม อบรม แก้เป็น ขาด (ลงชื่อแทนกัน)")
        #expect(try db.ledgerEntries(agencyID: world.agencyID).map(\.kind).suffix(3)
                == ["attendance.correction", "completion.revoked", "certificate.revoked"])
        #expect(try db.verifyLedger(agencyID: world.agencyID).problem == nil)
    }

    @Test func withoutAKeyTheBatchCatchesUpOnce() throws {
        let world = try Self.world()
        try Self.attend(world, db: world.db, at: Self.july2024)
        try Self.attend(world, db: world.db, code: "A2", at: Self.july2024)
        #expect(try world.db.certificates(agencyID: world.agencyID, courseKey: nil, fiscalYear: nil, officerID: nil).isEmpty)
        let issued = try world.db.issueMissingCertificates(agencyID: world.agencyID, courseKey: "c", fiscalYear: 2567, officerID: nil,
                                                           template: "standard", issuer: world.issuer, actor: "hr", now: Self.july2024)
        #expect(issued.map(\.serial) == ["ยก-2567-0001", "ยก-2567-0002"])
        #expect(try world.db.issueMissingCertificates(agencyID: world.agencyID, courseKey: "c", fiscalYear: 2567, officerID: nil,
                                                      template: "standard", issuer: world.issuer, actor: "hr", now: Self.july2024).isEmpty)
    }

    @Test func aKeyThatIsNotTheAgencysIssuesNothing() throws {
        let world = try Self.world()
        let stranger = CertificateIssuer(key: SigningKey(Curve25519.Signing.PrivateKey(), path: "other.key"))
        #expect(try Self.attend(world, db: world.db.issuing(with: stranger), at: Self.july2024).completion == "completed",
                "the completion stands")
        #expect(throws: CertificateError.notTheAgencysKey) {
            try world.db.issueMissingCertificates(agencyID: world.agencyID, courseKey: "c", fiscalYear: nil, officerID: nil,
                                                  template: "standard", issuer: stranger, actor: "hr", now: Self.july2024)
        }
        #expect(try world.db.ledgerEntries(agencyID: world.agencyID).map(\.kind) == ["attendance", "completion"])
    }

    @Test func revokingByHandIsLedgeredAndCanReissueWithCorrectedFacts() throws {
        let world = try Self.world()
        let db = world.db.issuing(with: world.issuer)
        try Self.attend(world, db: db, at: Self.july2024)
        #expect(throws: CertificateError.reasonRequired) {
            try db.revokeCertificate(agencyID: world.agencyID, serial: "ยก-2567-0001", reason: "  ", actor: "hr", now: Self.july2024)
        }
        try db.writer.write { db in
            try db.execute(sql: "UPDATE officer SET first_name = 'ขวัญใจ์' WHERE employee_code = 'A1'")
        }
        let (revoked, reissued) = try db.revokeCertificate(agencyID: world.agencyID, serial: "ยก-2567-0001", reason: "ชื่อสะกดผิด",
                                                           actor: "hr", now: Self.july2024, reissueWith: world.issuer)
        #expect(revoked.revokeReason == "ชื่อสะกดผิด")
        #expect(reissued?.serial == "ยก-2567-0002")
        #expect(reissued?.signed?.facts.officerName == "นางสาวขวัญใจ์ ภูชมศรี")
        #expect(throws: CertificateError.alreadyRevoked("ยก-2567-0001")) {
            try db.revokeCertificate(agencyID: world.agencyID, serial: "ยก-2567-0001", reason: "อีกครั้ง", actor: "hr", now: Self.july2024)
        }
        #expect(throws: CertificateError.notFound("ยก-2567-0099")) {
            try db.revokeCertificate(agencyID: world.agencyID, serial: "ยก-2567-0099", reason: "ไม่มี", actor: "hr", now: Self.july2024)
        }
    }

    @Test func aLaterFiscalYearEarnsANewCertificateAndKeepsTheOld() throws {
        let world = try Self.world()
        let db = world.db.issuing(with: world.issuer)
        try Self.attend(world, db: db, at: Self.july2024)
        try Self.attend(world, db: db, at: Self.november2024)
        let officerID = try #require(try db.certificates(agencyID: world.agencyID, courseKey: nil, fiscalYear: nil, officerID: nil).first?.officerId)
        let mine = try db.certificates(officerID: officerID)
        #expect(mine.map(\.serial) == ["ยก-2568-0001", "ยก-2567-0001"])
        #expect(mine.allSatisfy { $0.isValid })
    }

    @Test func theDatabaseRefusesToRewriteOrDeleteACertificate() throws {
        let world = try Self.world()
        let db = world.db.issuing(with: world.issuer)
        try Self.attend(world, db: db, at: Self.july2024)
        for sql in ["UPDATE certificate SET facts = replace(facts, 'ขวัญใจ', 'สมใจ')", "UPDATE certificate SET serial = 'x'",
                    "DELETE FROM certificate"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try db.writer.write { try $0.execute(sql: sql) } }
        }
    }
}
