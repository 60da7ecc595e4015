import Foundation
import Logging
import ServiceLifecycle

/// Submits attempts whose time ran out, every `interval`, so a grade exists
/// even when the officer closed the phone and never came back.
struct DeadlineSweeper: Service {
    let engine: QuizEngine
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let submitted = try engine.submitExpired()
                if submitted > 0 { logger.info("submitted \(submitted) attempt(s) whose time ran out") }
            } catch {
                logger.error("deadline sweep failed: \(error)")
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
