import JariyaCore

/// Random ids for URLs and records: 16 random bytes as 32 hex characters,
/// unguessable, so an id in a link proves nothing by itself.
public enum PublicID {
    /// A new id. Two 64-bit draws rather than sixteen 8-bit ones: each draw
    /// asks the kernel, and every request gets an id.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return Hex.string(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
    }
}
