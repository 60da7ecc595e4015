import Foundation
import JariyaStore
import Logging
import ServiceLifecycle

/// Signs a ledger checkpoint whenever `every` entries have been added since
/// the last one, so that even without anyone filing checkpoints by hand the
/// chain is anchored often.
struct CheckpointService: Service {
    let database: AppDatabase
    let agencyCode: String?
    let key: SigningKey
    let every: Int64
    let interval: Duration
    let clock: @Sendable () -> Date
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // The store's calls block: they run on the request threads, not the cooperative pool.
            await withTaskExecutorPreference(WorkerThreads.database) { checkpoint() }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    private func checkpoint() {
        do {
            let agency = try database.agency(code: agencyCode)
            if let checkpoint = try database.checkpointIfDue(agency: agency, key: key.privateKey(), keyPath: key.path, every: every, now: clock()) {
                logger.info("signed ledger checkpoint at \(checkpoint.size) entries, head \(checkpoint.head)")
            }
        } catch {
            logger.error("ledger checkpoint failed: \(error)")
        }
    }
}
