import Foundation

/// The address a login's failures are counted under. Behind the agency's
/// reverse proxy every request comes from the proxy, and one shared count
/// would let a few hundred typos slow down everybody's login; so when the
/// peer is a proxy the operator named (`jariya serve --trusted-proxy`), the
/// address the proxy itself appended to `X-Forwarded-For` counts instead.
/// Only the last entry is taken: the ones before it are whatever the client sent.
enum ClientAddress {
    /// The peer's address, or the forwarded one when the peer is trusted.
    static func resolve(peer: String?, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        let peer = peer ?? "unknown"
        guard trustedProxies.contains(peer), let forwardedFor,
              let last = forwardedFor.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
              !last.isEmpty, last.count <= 45, last.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
            return peer
        }
        return last
    }
}
