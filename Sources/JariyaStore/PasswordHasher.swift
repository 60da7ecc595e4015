import CSodium

/// argon2id password hashes through libsodium. The whole password is hashed
/// (bcrypt would silently cut it at 72 bytes), with the cost OWASP's password
/// storage guidance names first for argon2id: 19 MiB of memory, 2 passes, one
/// lane. That is about 15 ms on one core of the machines Jariya runs on, so
/// two cores check well over 60 logins a second when a whole office logs in
/// at once; libsodium's "interactive" cost (64 MiB) took 63 ms and held a
/// 2-core server to about 30. Each hash carries its own settings, so hashes
/// made with the older cost still verify, and are made again at login.
public enum PasswordHasher {
    /// The shortest password accepted.
    public static let minimumLength = 8
    /// Passes over memory.
    static let passes = 2
    /// Memory per hash, in bytes (19 MiB).
    static let memory = 19 * 1024 * 1024

    private static let ready: Bool = sodium_init() >= 0

    /// The hash in libsodium's `$argon2id$…` string form, salt included.
    public static func hash(_ password: String) throws(StoreError) -> String {
        guard password.count >= minimumLength else { throw .weakPassword(minimum: minimumLength) }
        guard ready else { throw .hashingFailed }
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let bytes = Array(password.utf8CString.dropLast())
        let status = crypto_pwhash_str_alg(&output, bytes, UInt64(bytes.count), UInt64(passes), memory, crypto_pwhash_ALG_ARGON2ID13)
        guard status == 0 else { throw .hashingFailed }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `hash`, in constant time.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard ready else { return false }
        let bytes = Array(password.utf8CString.dropLast())
        return crypto_pwhash_str_verify(hash, bytes, UInt64(bytes.count)) == 0
    }

    /// Whether a stored hash was made with other settings than today's.
    public static func needsRehash(_ hash: String) -> Bool {
        guard ready else { return false }
        return crypto_pwhash_str_needs_rehash(hash, UInt64(passes), memory) != 0
    }
}
