import Foundation
import GRDB

/// Group commit for the writes that come in crowds (the officers' answer
/// saves). SQLite has one writer; a save that has to wait for it is queued
/// here instead, and one thread of the batcher's own takes everything queued
/// and runs it in one transaction, each write in a savepoint of its own, so
/// one write's failure undoes only that write. Every write's caller hears
/// back only after the transaction has committed: an acknowledged save is
/// as durable as it was with a transaction of its own, and a crowd of saves
/// costs one commit instead of one each.
final class WriteBatcher: @unchecked Sendable {
    /// One queued write and where its answer goes.
    private final class Pending: @unchecked Sendable {
        let work: (Database) throws -> Void
        var failure: (any Error)?
        let done: (Result<Void, any Error>) -> Void

        init(work: @escaping (Database) throws -> Void, done: @escaping (Result<Void, any Error>) -> Void) {
            self.work = work
            self.done = done
        }
    }

    private let writer: any DatabaseWriter
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var started = false
    /// The most writes one transaction takes.
    let limit: Int

    init(writer: any DatabaseWriter, limit: Int = 128) {
        self.writer = writer
        self.limit = limit
    }

    /// Runs `work` in a shared write transaction and returns its value once that transaction committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            var value: T?
            let pending = Pending(work: { db in value = try work(db) }, done: { result in
                switch result {
                case .success:
                    if let value { continuation.resume(returning: value) } else { continuation.resume(throwing: CancellationError()) }
                case .failure(let error):
                    continuation.resume(throwing: error)
                }
            })
            condition.lock()
            queue.append(pending)
            if !started {
                started = true
                // Started on demand; it ends after a few idle seconds (see `take`).
                let thread = Thread { [self] in run() }
                thread.start()
            }
            condition.signal()
            condition.unlock()
        }
    }

    /// The next batch; nil when nothing came for a while, and the thread may end.
    private func take() -> [Pending]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if !condition.wait(until: Date().addingTimeInterval(5)) && queue.isEmpty {
                started = false
                return nil
            }
        }
        let batch = Array(queue.prefix(limit))
        queue.removeFirst(batch.count)
        return batch
    }

    private func run() {
        Thread.current.name = "jariya-commit"
        while let batch = take() {
            do {
                try writer.write { db in
                    for pending in batch {
                        do {
                            try db.inSavepoint {
                                try pending.work(db)
                                return .commit
                            }
                        } catch {
                            pending.failure = error
                        }
                    }
                }
                for pending in batch { pending.done(pending.failure.map { .failure($0) } ?? .success(())) }
            } catch {
                // The commit itself failed: nothing of the batch is stored.
                for pending in batch { pending.done(.failure(pending.failure ?? error)) }
            }
        }
    }
}
