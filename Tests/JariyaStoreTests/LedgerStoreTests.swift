import Crypto
import Foundation
import GRDB
import JariyaCore
import Testing
@testable import JariyaStore

/// The ledger must catch every way someone holding the database file could
/// quietly change the record.
@Suite struct LedgerStoreTests {
    struct World {
        let db: AppDatabase
        let agency: Agency
        let session: TrainingSession
    }

    static func world(entries: Int = 6) throws -> World {
        let db = try AppDatabase.inMemory()
        let agency = try AppDatabaseTests.agency(db)
        let agencyID = agency.id ?? 0
        let roster = (1...entries).map { "P\($0),นายสมชาย\($0) ใจดี,พนักงานส่วนตำบล,ธุรการ,สำนักปลัด" }.joined(separator: "\n")
        _ = try db.importRoster(try Roster.parse(Array("รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด\n\(roster)".utf8)),
                                agencyID: agencyID, effective: CivilDate(year: 2023, month: 10, day: 1))
        let start = try #require(CivilDate(year: 2024, month: 1, day: 10).instant(hour: 9, minute: 0))
        let session = try db.createSession(TrainingSession(agencyId: agencyID, courseKey: "c", title: "อบรม", startsAt: start,
                                                           endsAt: start.addingTimeInterval(3 * 3600), place: "ห้องประชุม",
                                                           trainer: "วิทยากร", format: "onsite", budgetBaht: nil,
                                                           codeSecret: String(repeating: "s", count: 32), createdBy: "t", createdAt: start))
        for number in 1...entries {
            _ = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "P\(number)", status: .present,
                                        method: .roll, actor: "trainer", reason: nil, now: start.addingTimeInterval(Double(number)), rule: nil)
        }
        return World(db: db, agency: agency, session: session)
    }

    /// What an attacker with the file can do: turn the guard triggers off and write SQL.
    static func tamper(_ world: World, _ sql: String) throws {
        try world.db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS ledger_entry_no_update; DROP TRIGGER IF EXISTS ledger_entry_no_delete")
            try db.execute(sql: sql)
        }
    }

    static func verify(_ world: World, anchors: [LedgerVerifier.Anchor] = []) throws -> LedgerReport {
        try world.db.verifyLedger(agencyID: world.agency.id ?? 0, anchors: anchors)
    }

    @Test func anIntactLedgerVerifiesToItsHead() throws {
        let world = try Self.world()
        let report = try Self.verify(world)
        #expect(report.problem == nil)
        #expect(report.size == 6)
        #expect(report.head == (try world.db.ledgerHead(agencyID: world.agency.id ?? 0)).head)
    }

    @Test func theTriggersRefuseEditsAndDeletes() throws {
        let world = try Self.world()
        #expect(throws: DatabaseError.self) { try world.db.writer.write { try $0.execute(sql: "UPDATE ledger_entry SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try world.db.writer.write { try $0.execute(sql: "DELETE FROM ledger_entry WHERE seq = 6") } }
    }

    @Test func anEditedRowIsNamed() throws {
        let world = try Self.world()
        try Self.tamper(world, "UPDATE ledger_entry SET payload = replace(payload, 'present', 'absent') WHERE seq = 3")
        #expect(try Self.verify(world).problem == .contentChanged(seq: 3))
    }

    @Test func anEditedColumnOutsideThePayloadIsNamed() throws {
        let world = try Self.world()
        try Self.tamper(world, "UPDATE ledger_entry SET recorded_at_ms = recorded_at_ms - 86400000 WHERE seq = 4")
        #expect(try Self.verify(world).problem == .contentChanged(seq: 4))
    }

    @Test func aDeletedRowIsNamed() throws {
        let world = try Self.world()
        try Self.tamper(world, "DELETE FROM ledger_entry WHERE seq = 2")
        #expect(try Self.verify(world).problem == .gap(expected: 2, found: 3))
    }

    @Test func twoSwappedRowsAreNamed() throws {
        let world = try Self.world()
        try Self.tamper(world, """
            UPDATE ledger_entry SET seq = 1000 WHERE seq = 3;
            UPDATE ledger_entry SET seq = 3 WHERE seq = 4;
            UPDATE ledger_entry SET seq = 4 WHERE seq = 1000;
            """)
        #expect(try Self.verify(world).problem?.seq == 3)
    }

    @Test func aTruncatedTailIsCaughtByACheckpoint() throws {
        let world = try Self.world()
        let anchor = try world.db.ledgerHead(agencyID: world.agency.id ?? 0)
        try Self.tamper(world, "DELETE FROM ledger_entry WHERE seq > 4")
        #expect(try Self.verify(world).problem == nil, "without a checkpoint a clean cut looks like a shorter ledger")
        #expect(try Self.verify(world, anchors: [anchor]).problem == .truncated(checkpointSize: 6, size: 4))
    }

    @Test func aChainRecomputedFromScratchIsCaughtByAnEarlierCheckpoint() throws {
        let world = try Self.world()
        let agencyID = world.agency.id ?? 0
        let key = Curve25519.Signing.PrivateKey()
        try world.db.setSigningKey(agencyID: agencyID, publicKey: SigningKeyFile.publicKey(of: key))
        let checkpoint = try world.db.checkpoint(agency: world.agency, key: key, keyPath: "test.key", now: Date())
        #expect(checkpoint.isSigned(by: SigningKeyFile.publicKey(of: key)))

        // Rewrite entry 2 and recompute every hash after it, as a careful forger would.
        let entries = try world.db.ledgerEntries(agencyID: agencyID)
        var previous = LedgerEntry.genesis
        var forged: [LedgerEntry] = []
        for entry in entries {
            var payload = entry.payload
            if entry.seq == 2 { payload["status"] = "absent" }
            let copy = LedgerEntry(seq: entry.seq, agencyID: agencyID, recordedAt: entry.recordedAt, actor: entry.actor, kind: entry.kind,
                                   officerID: entry.officerID, sessionID: entry.sessionID, payload: payload, reason: entry.reason,
                                   previousHash: previous)
            previous = copy.hash
            forged.append(copy)
        }
        try world.db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER ledger_entry_no_update")
            for entry in forged {
                try db.execute(sql: "UPDATE ledger_entry SET payload = ?, prev_hash = ?, hash = ? WHERE agency_id = ? AND seq = ?",
                               arguments: [LedgerPayload.encode(entry.payload), entry.previousHash, entry.hash, agencyID, entry.seq])
            }
        }
        #expect(try Self.verify(world).problem == nil, "the forged chain is consistent on its own")
        #expect(try Self.verify(world, anchors: [checkpoint.anchor]).problem == .checkpointMismatch(seq: 6))
        var forgedCheckpoint = checkpoint
        forgedCheckpoint.head = previous
        #expect(!forgedCheckpoint.isSigned(by: SigningKeyFile.publicKey(of: key)), "and a checkpoint cannot be forged without the key")
    }

    @Test func checkpointsAreSignedEveryNEntriesWithTheRegisteredKeyOnly() throws {
        let world = try Self.world(entries: 5)
        let agencyID = world.agency.id ?? 0
        let key = Curve25519.Signing.PrivateKey()
        #expect(throws: SigningKeyFile.Failure.notTheAgencysKey("k")) {
            try world.db.checkpoint(agency: world.agency, key: key, keyPath: "k", now: Date())
        }
        try world.db.setSigningKey(agencyID: agencyID, publicKey: SigningKeyFile.publicKey(of: key))
        #expect(try world.db.checkpointIfDue(agency: world.agency, key: key, keyPath: "k", every: 10, now: Date()) == nil)
        let first = try #require(try world.db.checkpointIfDue(agency: world.agency, key: key, keyPath: "k", every: 5, now: Date()))
        #expect(first.size == 5)
        #expect(try world.db.checkpointIfDue(agency: world.agency, key: key, keyPath: "k", every: 5, now: Date()) == nil)
        #expect(try world.db.checkpoints(agencyID: agencyID) == [first])
    }

    @Test(arguments: [
        ((2024, 9, 30, 23, 30), 2567, 4),
        ((2024, 10, 1, 0, 10), 2568, 1),
    ])
    func sessionsTakeTheirQuarterFromBangkokTime(start: (Int, Int, Int, Int, Int), fiscalYear: Int, quarter: Int) throws {
        let instant = try #require(CivilDate(year: start.0, month: start.1, day: start.2).instant(hour: start.3, minute: start.4))
        let session = TrainingSession(agencyId: 1, courseKey: "c", title: "t", startsAt: instant, endsAt: instant.addingTimeInterval(3600),
                                      place: "", trainer: "", format: "onsite", budgetBaht: nil, codeSecret: "", createdBy: "", createdAt: instant)
        #expect(session.fiscalYear == fiscalYear)
        #expect(session.quarter == quarter)
    }
}
