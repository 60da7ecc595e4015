import Foundation
import JariyaApp
import Logging
import ServiceLifecycle

/// Submits attempts whose time ran out, every `interval`, so a grade exists
/// even when the officer closed the phone and never came back. An attempt
/// that cannot be graded (its published content unreadable) is left open,
/// logged as an error and shown on `/healthz` until a sweep grades it.
struct DeadlineSweeper: Service {
    let engine: QuizEngine
    let health: HealthController
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // The store's calls block: they run on the request threads, not the cooperative pool.
            await withTaskExecutorPreference(WorkerThreads.database) { sweep() }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// One sweep: grades what it can, logs and reports what it cannot.
    func sweep() {
        do {
            let sweep = try engine.submitExpired()
            if sweep.submitted > 0 { logger.info("submitted \(sweep.submitted) attempt(s) whose time ran out") }
            for (attempt, reason) in sweep.failed.sorted(by: { $0.key < $1.key }) {
                logger.error("attempt \(attempt) is past its deadline and cannot be graded: \(reason)")
            }
            health.report("deadline sweep", problem: sweep.failed.isEmpty ? nil
                          : "\(sweep.failed.count) attempt(s) past their deadline cannot be graded; see the log")
        } catch {
            logger.error("deadline sweep failed: \(error)")
            health.report("deadline sweep", problem: "the sweep failed: \(error)")
        }
    }
}
