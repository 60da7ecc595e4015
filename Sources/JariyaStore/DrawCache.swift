import JariyaCore
import Synchronization

/// The decoded draws of recent attempts, by attempt row id. A draw is
/// written once when the attempt starts and never changed, so what is kept
/// is always right; the cache is emptied when it grows past `limit`, which a
/// whole district's officers in a test at once stay well within.
final class DrawCache: Sendable {
    private let draws = Mutex<[Int64: [DrawnQuestion]]>([:])
    /// How many attempts' draws are kept at most.
    let limit: Int

    init(limit: Int = 20_000) {
        self.limit = limit
    }

    /// The attempt's draw, decoded now only if it is not kept.
    func drawn(_ attempt: AttemptRecord) -> [DrawnQuestion] {
        guard let id = attempt.id else { return attempt.drawn }
        if let kept = draws.withLock({ $0[id] }) { return kept }
        let drawn = attempt.drawn
        draws.withLock { draws in
            if draws.count >= limit { draws.removeAll(keepingCapacity: true) }
            draws[id] = drawn
        }
        return drawn
    }
}
