import Foundation

/// How long someone waits after failing again and again: a few free tries,
/// then a wait that doubles with each failure up to a ceiling. Used for wrong
/// check-in codes and failed logins, so a guesser slows to a crawl while the
/// rightful person, once the guessing pauses, waits at most the ceiling.
public struct Backoff: Hashable, Sendable {
    /// Failures that cost nothing.
    public let freeTries: Int
    /// The wait after the first failure past the free ones.
    public let firstWait: TimeInterval
    /// The longest wait.
    public let longestWait: TimeInterval
    /// Failures older than this (after the last one) are forgotten.
    public let memory: TimeInterval

    /// A rule from its parts.
    public init(freeTries: Int, firstWait: TimeInterval, longestWait: TimeInterval, memory: TimeInterval) {
        self.freeTries = freeTries
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.memory = memory
    }

    /// The wait after `failures` failures, counted from the last one.
    public func wait(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeTries else { return 0 }
        let doublings = min(failures - freeTries, 30)
        return min(firstWait * Double(1 << doublings), longestWait)
    }

    /// Whole seconds until another try is allowed (at least 1), or nil when it is allowed now.
    public func retryAfter(failures: Int, lastFailure: Date?, now: Date) -> Int? {
        guard let lastFailure, now.timeIntervalSince(lastFailure) < memory else { return nil }
        let left = lastFailure.addingTimeInterval(wait(afterFailures: failures)).timeIntervalSince(now)
        return left > 0 ? max(1, Int(left.rounded(.up))) : nil
    }

    /// The failures that still count when one more arrives at `now`.
    public func failuresSoFar(_ failures: Int, lastFailure: Date?, now: Date) -> Int {
        guard let lastFailure, now.timeIntervalSince(lastFailure) < memory else { return 0 }
        return failures
    }

    /// How many tries someone who always fails can make in `duration`,
    /// trying again the moment each wait ends: the most a guesser gets.
    public func triesAllowed(within duration: TimeInterval) -> Int {
        guard firstWait > 0 else { return .max }
        var time: TimeInterval = 0
        var tries = 0
        // Ends: past the free tries every wait is at least `firstWait`.
        while time <= duration {
            tries += 1
            time += wait(afterFailures: tries)
        }
        return tries
    }
}

extension Backoff {
    /// Wrong room codes, per officer and session: five free, then 30 s
    /// doubling to 15 minutes. A lecture lasts hours; typing a code wrong
    /// five times is already unusual.
    public static let checkIn = Backoff(freeTries: 5, firstWait: 30, longestWait: 15 * 60, memory: 24 * 3600)
    /// Failed logins per account: five free, then 1 s doubling to 5 minutes,
    /// never a lockout: the owner gets in as soon as the guessing pauses.
    public static let account = Backoff(freeTries: 5, firstWait: 1, longestWait: 300, memory: 3600)
    /// Failed logins per address: a whole office behind one NAT shares it, so
    /// 100 failures an hour are free, then 1 s doubling to a minute.
    public static let address = Backoff(freeTries: 100, firstWait: 1, longestWait: 60, memory: 3600)
}

/// Too many failures lately: come back after `retryAfter` seconds.
public struct TooManyTries: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was tried (a check-in code, a login).
    public let what: String
    /// Seconds to wait.
    public let retryAfter: Int

    /// A refusal from its parts.
    public init(what: String, retryAfter: Int) {
        self.what = what
        self.retryAfter = retryAfter
    }

    public var description: String { "too many wrong tries at \(what); try again in \(retryAfter) seconds" }
}
