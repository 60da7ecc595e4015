import Foundation
import GRDB
import JariyaCore
import Synchronization
import Testing
@testable import JariyaStore

/// The hot path's promise, held to in SQLite itself: a save is one write
/// transaction, a save past the deadline submits the attempt in that same
/// transaction, and reading an attempt that is still open writes nothing.
@Suite struct AttemptWriteTests {
    /// Counts the write transactions the database commits, and those of them that changed something.
    final class Commits: TransactionObserver, Sendable {
        private let state = Mutex((all: 0, commits: 0, changed: false))
        /// Write transactions that changed something.
        var value: Int { state.withLock { $0.commits } }
        /// Every write transaction, empty ones included.
        var all: Int { state.withLock { $0.all } }
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) { state.withLock { $0.changed = true } }
        func databaseDidCommit(_ db: Database) {
            state.withLock { $0.all += 1; if $0.changed { $0.commits += 1 }; $0.changed = false }
        }
        func databaseDidRollback(_ db: Database) { state.withLock { $0.changed = false } }
    }

    static func observed(_ db: AppDatabase) -> Commits {
        let commits = Commits()
        db.writer.add(transactionObserver: commits, extent: .databaseLifetime)
        return commits
    }

    @Test func aSaveIsOneWriteTransactionAndAViewOfAnOpenAttemptIsNone() throws {
        let world = try AttemptStoreTests.world()
        let start = AttemptStoreTests.start
        let (attempt, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "p1-attempt-public-id", now: start)
        let commits = Self.observed(world.db)
        try world.db.saveAnswer(publicID: attempt.publicId, userID: world.user.id ?? 0, questionID: "q1", answer: .truth(true), seq: 1,
                                now: start.addingTimeInterval(60), scorer: AttemptStoreTests.scorer)
        #expect(commits.all == 1)
        _ = try world.db.attempt(publicID: attempt.publicId, userID: world.user.id ?? 0, now: start.addingTimeInterval(120),
                                 scorer: AttemptStoreTests.scorer)
        #expect(commits.all == 1, "reading an open attempt opens no write transaction")
    }

    @Test func aSavePastTheDeadlineSubmitsInTheSameTransactionAndIsRefused() throws {
        let world = try AttemptStoreTests.world(minutes: 30)
        let start = AttemptStoreTests.start
        let userID = world.user.id ?? 0
        let (attempt, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "p1-attempt-public-id", now: start)
        try world.db.saveAnswer(publicID: attempt.publicId, userID: userID, questionID: "q1", answer: .truth(true), seq: 1,
                                now: start.addingTimeInterval(60), scorer: AttemptStoreTests.scorer)
        let commits = Self.observed(world.db)
        let late = start.addingTimeInterval(31 * 60 + 1) // past 30 minutes and the minute's grace
        #expect(throws: AttemptError.closed) {
            try world.db.saveAnswer(publicID: attempt.publicId, userID: userID, questionID: "q2", answer: .truth(false), seq: 2,
                                    now: late, scorer: AttemptStoreTests.scorer)
        }
        #expect(commits.all == 1, "the grade and the refusal are one transaction")
        let header = try world.db.attemptHeader(publicID: attempt.publicId, userID: userID)
        #expect(header.submittedBy == "deadline")
        #expect(header.earnedCentipoints == 50, "graded with the one answer saved in time, not the late one")
        #expect(header.lastSaveSeq == 1)
    }

    @Test func aSaveWhoseAnswerCannotBeReadLeavesNothingBehind() throws {
        let world = try AttemptStoreTests.world(minutes: 30)
        let start = AttemptStoreTests.start
        let userID = world.user.id ?? 0
        let (attempt, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "p1-attempt-public-id", now: start)
        struct Unreadable: Error {}
        #expect(throws: Unreadable.self) {
            try world.db.saveAnswer(publicID: attempt.publicId, userID: userID, questionID: "q1", seq: 1,
                                    now: start.addingTimeInterval(60), scorer: AttemptStoreTests.scorer) { _, _, _ in throw Unreadable() }
        }
        #expect(try world.db.attemptHeader(publicID: attempt.publicId, userID: userID).lastSaveSeq == 0)
    }

    @Test func theSweepLeavesAnAttemptItCannotGradeOpenAndNamesIt() throws {
        let world = try AttemptStoreTests.world(minutes: 30)
        let start = AttemptStoreTests.start
        let (attempt, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "p1-attempt-public-id", now: start)
        struct NoBank: Error {}
        let broken = AttemptGrader(score: { _, _, _ in throw NoBank() }, completionRule: { _, _ in nil })
        let sweep = try world.db.submitExpired(now: start.addingTimeInterval(40 * 60), scorer: broken)
        #expect(sweep.submitted == 0)
        #expect(sweep.failed.keys.sorted() == [attempt.publicId])
        let header = try world.db.attemptHeader(publicID: attempt.publicId, userID: world.user.id ?? 0)
        #expect(header.submittedAt == nil, "never graded 0/0 against a bank that could not be read")
        let later = try world.db.submitExpired(now: start.addingTimeInterval(41 * 60), scorer: AttemptStoreTests.scorer)
        #expect(later.submitted == 1, "once the content reads again, the next sweep grades it")
    }
}

/// The group commit: saves queued together share a transaction, and a save
/// that fails undoes only itself.
@Suite struct WriteBatcherTests {
    @Test func savesQueuedTogetherAllLandAndAFailureUndoesOnlyItself() async throws {
        let world = try AttemptStoreTests.world(minutes: nil)
        let start = AttemptStoreTests.start
        let userID = world.user.id ?? 0
        let db = world.db
        let scorer = AttemptStoreTests.scorer
        let (attempt, _) = try await db.startAttempt(user: world.user, plan: world.plan, publicID: "batched-attempt-id", now: start)
        struct Refused: Error {}
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for seq in 1...40 {
                group.addTask {
                    do {
                        // Every seventh save cannot turn its answer into a stored one.
                        try await db.saveAnswer(publicID: attempt.publicId, userID: userID, questionID: seq % 2 == 0 ? "q1" : "q2", seq: seq,
                                                now: start.addingTimeInterval(Double(seq)), scorer: scorer) { _, _, _ in
                            if seq % 7 == 0 { throw Refused() }
                            return .truth(seq % 3 == 0)
                        }
                        return (seq, true)
                    } catch {
                        return (seq, false)
                    }
                }
            }
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect((1...40).allSatisfy { outcomes[$0] == false || $0 % 7 != 0 }, "a refused save is never acknowledged")
        let (stored, answers) = try db.attempt(publicID: attempt.publicId, userID: userID, now: start.addingTimeInterval(60), scorer: scorer)
        // Saves can land out of order (the later seq first, the earlier then stale); whatever was acknowledged is there.
        let acknowledged = outcomes.filter(\.value).map(\.key)
        #expect(stored.lastSaveSeq == acknowledged.max())
        for record in answers {
            #expect(outcomes[record.seq] == true, "the stored answer of \(record.questionId) came from an acknowledged save")
            #expect(record.seq % 7 != 0)
        }
    }
}
