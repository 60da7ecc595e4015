import JariyaCore

/// Random ids for URLs and records: 16 random bytes as 32 hex characters,
/// unguessable, so an id in a link proves nothing by itself.
public enum PublicID {
    /// A new id.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.string((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
