import Foundation
import GRDB
import JariyaCore
import Testing
@testable import JariyaStore

@Suite struct AppDatabaseTests {
    static func scratchFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jariya-store-\(UUID().uuidString)/db.sqlite").path
    }

    static func agency(_ db: AppDatabase) throws -> Agency {
        try db.createAgency(Agency(code: "test", name: "อบต.ทดสอบ", shortName: "อบต.ทดสอบ", province: "", district: "", createdAt: Date()))
    }

    @Test func aFileDatabaseIsInWALModeWithEveryMigration() throws {
        let path = Self.scratchFile()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let db = try AppDatabase.open(path: path)
        #expect(try db.journalMode() == "wal")
        #expect(try db.appliedMigrations() == AppDatabase.migrationNames)
        #expect(AppDatabase.migrationNames.prefix(3) == ["2567-01 agencies, divisions, officers, users",
                                                         "2567-02 published course and bank versions",
                                                         "2567-03 login sessions and quiz attempts"])
        let again = try AppDatabase.open(path: path)
        #expect(try again.appliedMigrations() == AppDatabase.migrationNames)
    }

    @Test func aNewAgencyHasTheSixStandardDivisions() throws {
        let db = try AppDatabase.inMemory()
        let agency = try Self.agency(db)
        #expect(try db.divisions(agencyID: agency.id ?? 0).map(\.name) == Agency.standardDivisions.map(\.name))
        #expect(throws: StoreError.agencyExists("test")) { try Self.agency(db) }
        #expect(try db.agency(code: nil).code == "test")
        #expect(throws: StoreError.unknownAgency("nope")) { try db.agency(code: "nope") }
    }

    @Test func publishedVersionsCannotBeChangedOrDeleted() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try Self.agency(db).id ?? 0
        _ = try db.publish(agencyID: agencyID, banks: [Self.bank("v1")], courses: [Self.course("c1")], publisher: "t", now: Date())
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE course_version SET title = 'edited'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM bank_version") }
        }
        #expect(try db.currentCourses(agencyID: agencyID).first?.title == "หลักสูตร c1")
    }

    @Test func versionsFollowContentAndPinTheirBanks() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try Self.agency(db).id ?? 0
        let first = try db.publish(agencyID: agencyID, banks: [Self.bank("v1")], courses: [Self.course("c1")], publisher: "t", now: Date())
        #expect(first.map(\.isNew) == [true, true])
        let same = try db.publish(agencyID: agencyID, banks: [Self.bank("v1")], courses: [Self.course("c1")], publisher: "t", now: Date())
        #expect(same.map(\.isNew) == [false, false])
        // A new bank version makes the unchanged course a new version pinned to it.
        let bankOnly = try db.publish(agencyID: agencyID, banks: [Self.bank("v2")], courses: [Self.course("c1")], publisher: "t", now: Date())
        #expect(bankOnly == [PublicationOutcome(kind: "bank", key: "b", version: 2, isNew: true),
                             PublicationOutcome(kind: "course", key: "c", version: 2, isNew: true)])
        let versions = try db.courseVersions(agencyID: agencyID, key: "c")
        #expect(versions.map(\.posttestBankVersionId) != [versions[0].posttestBankVersionId, versions[0].posttestBankVersionId])
        // Going back to old content is a new version, not a silent reuse of version 1.
        let back = try db.publish(agencyID: agencyID, banks: [Self.bank("v1")], courses: [], publisher: "t", now: Date())
        #expect(back.first?.version == 3)
        #expect(AppDatabase.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aCourseWithoutItsBankIsNotPublished() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try Self.agency(db).id ?? 0
        #expect(throws: StoreError.bankNotPublished(course: "c", bank: "b")) {
            try db.publish(agencyID: agencyID, banks: [], courses: [Self.course("c1")], publisher: "t", now: Date())
        }
        #expect(try db.currentCourses(agencyID: agencyID).isEmpty)
    }

    @Test func sqliteEnforcesTheRosterInvariants() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try Self.agency(db).id ?? 0
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO officer (agency_id, employee_code, first_name, last_name, staff_type) VALUES (?, 'X', 'ก', 'ข', 'intern')", arguments: [agencyID]) }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO officer (agency_id, employee_code, first_name, last_name, staff_type) VALUES (999, 'X', 'ก', 'ข', 'career')") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO user (agency_id, username, display_name, role, password_hash, created_at) VALUES (?, 'u1', 'u', 'officer', '$argon2id$x', '2024-01-01')", arguments: [agencyID]) }
        }
    }

    @Test func passwordsAreArgon2idAndNeverTruncated() throws {
        let long = String(repeating: "ก", count: 40) + "A"
        let hash = try PasswordHasher.hash(long)
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(PasswordHasher.verify(long, hash: hash))
        #expect(!PasswordHasher.verify(String(repeating: "ก", count: 40) + "B", hash: hash), "a difference past byte 72 still counts")
        #expect(throws: StoreError.weakPassword(minimum: 8)) { try PasswordHasher.hash("1234567") }

        let db = try AppDatabase.inMemory()
        let agencyID = try Self.agency(db).id ?? 0
        _ = try db.addUser(agencyID: agencyID, username: "Trainer", displayName: "วิทยากร", role: .trainer, officerCode: nil, passwordHash: hash, now: Date())
        #expect(try db.authenticate(username: "trainer", password: long)?.role == .trainer)
        #expect(try db.authenticate(username: "trainer", password: "wrong password") == nil)
    }

    static func bank(_ tag: String) -> BankPublication {
        BankPublication(key: "b", title: "คลัง", questionCount: 3, source: Array("<bank>\(tag)</bank>".utf8), sourceFile: "b.xml")
    }

    static func course(_ tag: String) -> CoursePublication {
        CoursePublication(key: "c", title: "หลักสูตร \(tag)", summary: "", moduleCount: 1, pretestBank: "b", posttestBank: "b",
                          source: Array("<course>\(tag)</course>".utf8), sourceFile: "c.xml")
    }
}

@Suite struct RosterStoreTests {
    static let roster = """
        รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด
        A1,นางสาวขวัญใจ ภูชมศรี,พนักงานจ้างตามภารกิจ,ธุรการ,สำนักปลัด
        A2,นางเกศินี ศรีสุข,ลูกจ้างประจำ,การเงิน,กองคลัง
        """

    @Test func aMoveClosesTheOldMembershipAndOpensTheNew() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try AppDatabaseTests.agency(db).id ?? 0
        let roster = try Roster.parse(Array(Self.roster.utf8))
        _ = try db.importRoster(roster, agencyID: agencyID, effective: CivilDate(year: 2023, month: 10, day: 1))
        var moved = roster
        moved.entries[1].division = "finance"
        moved.entries[0].division = "works"
        let plan = try db.importRoster(moved, agencyID: agencyID, effective: CivilDate(year: 2024, month: 4, day: 1))
        #expect(plan.moved == 1)
        #expect(plan.unchanged == 1)
        let officer = try db.officer(agencyID: agencyID, employeeCode: "A1")
        let history = try db.memberships(officerID: officer.id ?? 0)
        #expect(history.map(\.validFrom) == ["2023-10-01", "2024-04-01"])
        #expect(history.map(\.validUntil) == ["2024-04-01", nil])
        #expect(try db.officers(agencyID: agencyID).map(\.officer.firstName) == ["เกศินี", "ขวัญใจ"])
    }

    @Test func anUnknownDivisionWritesNothing() throws {
        let db = try AppDatabase.inMemory()
        let agencyID = try AppDatabaseTests.agency(db).id ?? 0
        var roster = try Roster.parse(Array(Self.roster.utf8))
        roster.entries[1].division = "กองไม่มีจริง"
        #expect {
            try db.importRoster(roster, agencyID: agencyID, effective: CivilDate(year: 2024, month: 1, day: 1))
        } throws: { error in
            guard case StoreError.roster(let failure) = error else { return false }
            return failure.problems.map(\.line) == [3]
        }
        #expect(try db.officers(agencyID: agencyID).isEmpty)
    }
}
