import Foundation
import Glibc

/// A fixed set of threads of our own that Swift tasks can prefer to run on.
///
/// Why: GRDB's calls are synchronous, and so is argon2id. Run on Swift's
/// cooperative pool (two threads on two cores) or on NIO's event loops, every
/// wait inside SQLite and every 15 ms hash would stop the whole server. So
/// each request runs with `database` as its task executor preference: a
/// handler waiting on SQLite holds one of these threads and nothing else.
/// Writes are serialised in one place, GRDB's single writer connection, and
/// the answer saves reach it through the store's `WriteBatcher`, which
/// commits a crowd of them at once; reads run concurrently on the pool's
/// reader connections in WAL mode. Password hashes get their own pool, one
/// thread per core at a lower priority, so a burst of logins uses every core
/// and still gives way to the officers already in a test.
final class WorkerThreads: TaskExecutor, @unchecked Sendable {
    /// Where requests (and so every database call) run: a few threads per
    /// core, since a handler blocked on the writer is not using its core.
    static let database = WorkerThreads(name: "jariya-db", count: max(2, ProcessInfo.processInfo.activeProcessorCount))
    /// Where passwords are hashed and checked: one thread per core, at nice
    /// 15, so a burst of logins takes the cores only while officers' saves
    /// and pages do not need them.
    static let hashing = WorkerThreads(name: "jariya-hash", count: ProcessInfo.processInfo.activeProcessorCount, niceness: 15)

    private let condition = NSCondition()
    // A queue as two stacks: appended to `incoming`, taken from `outgoing`.
    private var incoming: [UnownedJob] = []
    private var outgoing: [UnownedJob] = []

    /// How many threads serve the queue.
    let count: Int

    init(name: String, count: Int, niceness: Int32 = 0) {
        self.count = count
        for index in 0..<count {
            let thread = Thread {
                // Named for profilers and `top -H`: a new thread inherits its creator's name.
                Thread.current.name = String("\(name)-\(index)".prefix(15))
                // On Linux a nice value belongs to a thread, and 0 names the calling one.
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                self.serve()
            }
            thread.start()
        }
    }

    /// Runs blocking work on these threads and waits for it without blocking.
    func run<T: Sendable>(_ work: () throws -> T) async throws -> T {
        try await withTaskExecutorPreference(self) { try work() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        incoming.append(job)
        condition.signal()
        condition.unlock()
    }

    private func next() -> UnownedJob {
        condition.lock()
        defer { condition.unlock() }
        while outgoing.isEmpty {
            if incoming.isEmpty {
                condition.wait()
            } else {
                outgoing = incoming.reversed()
                incoming.removeAll(keepingCapacity: true)
            }
        }
        return outgoing.removeLast()
    }

    private func serve() {
        while true {
            next().runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
