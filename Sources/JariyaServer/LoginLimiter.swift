import Foundation

/// Counts failed logins per account and per address over a sliding hour.
/// Past the limit, logins are refused (429) without checking the password, so
/// guessing costs the attacker time and costs the server nothing.
actor LoginLimiter {
    /// Failures allowed per account per hour.
    let perAccount: Int
    /// Failures allowed per address per hour (an office shares one address).
    let perAddress: Int
    private let window: TimeInterval = 3600
    private var failures: [String: [Date]] = [:]

    init(perAccount: Int = 100, perAddress: Int = 300) {
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds to wait before another try, or nil when a try is allowed.
    func retryAfter(account: String, address: String, now: Date) -> Int? {
        let waits = [(key("account", account), perAccount), (key("address", address), perAddress)].compactMap { key, limit -> Int? in
            let recent = prune(key, now: now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
        }
        return waits.max()
    }

    /// Records a failed login.
    func recordFailure(account: String, address: String, now: Date) {
        for key in [key("account", account), key("address", address)] {
            failures[key, default: []].append(now)
        }
    }

    private func key(_ kind: String, _ value: String) -> String { "\(kind):\(value.lowercased())" }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
