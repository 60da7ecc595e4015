import CSodium

/// argon2id password hashes through libsodium. The whole password is hashed
/// (bcrypt would silently cut it at 72 bytes), with libsodium's "interactive"
/// cost: 64 MiB and 2 passes, about 0.1 s on the machines Jariya runs on.
public enum PasswordHasher {
    /// The shortest password accepted.
    public static let minimumLength = 8

    private static let ready: Bool = sodium_init() >= 0

    /// The hash in libsodium's `$argon2id$…` string form, salt included.
    public static func hash(_ password: String) throws(StoreError) -> String {
        guard password.count >= minimumLength else { throw .weakPassword(minimum: minimumLength) }
        guard ready else { throw .hashingFailed }
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let bytes = Array(password.utf8CString.dropLast())
        let status = crypto_pwhash_str_alg(&output, bytes, UInt64(bytes.count),
                                           UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                                           Int(crypto_pwhash_MEMLIMIT_INTERACTIVE),
                                           crypto_pwhash_ALG_ARGON2ID13)
        guard status == 0 else { throw .hashingFailed }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `hash`, in constant time.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard ready else { return false }
        let bytes = Array(password.utf8CString.dropLast())
        return crypto_pwhash_str_verify(hash, bytes, UInt64(bytes.count)) == 0
    }
}
