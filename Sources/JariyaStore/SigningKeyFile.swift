import Crypto
import Foundation
import JariyaCore

/// The agency's Ed25519 signing key, kept in a file of its own (mode 0600)
/// and never in the database: whoever copies the database cannot sign a
/// rewritten ledger. Default place: the database path with ".key" added.
public enum SigningKeyFile {
    /// Why the key could not be used.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// No key file at the path.
        case missing(String)
        /// The file holds no key.
        case unreadable(String)
        /// The key is not the one the agency registered.
        case notTheAgencysKey(String)

        public var description: String {
            switch self {
            case .missing(let path): "no signing key at \(path); `jariya init` makes one (or give --key)"
            case .unreadable(let path): "\(path) does not hold an Ed25519 key"
            case .notTheAgencysKey(let path): "the key in \(path) is not the agency's registered signing key"
            }
        }
    }

    /// The key file that goes with a database file.
    public static func defaultPath(database: String) -> String { database + ".key" }

    /// Makes a new key file (refusing to overwrite one) and returns the key.
    public static func create(at path: String) throws -> Curve25519.Signing.PrivateKey {
        let key = Curve25519.Signing.PrivateKey()
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure.unreadable(path)
        }
        return key
    }

    /// Reads a key file.
    public static func load(from path: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw .unreadable(path)
        }
        return key
    }

    /// The public half, base64, as the agency publishes it.
    public static func publicKey(of key: Curve25519.Signing.PrivateKey) -> String {
        key.publicKey.rawRepresentation.base64EncodedString()
    }
}

/// A signing key and the file it came from, in a form that can cross tasks.
public struct SigningKey: Sendable {
    /// The key file.
    public let path: String
    private let raw: Data

    /// Wraps a loaded key.
    public init(_ key: Curve25519.Signing.PrivateKey, path: String) {
        self.path = path
        raw = key.rawRepresentation
    }

    /// The key itself.
    public func privateKey() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }
}

extension AppDatabase {
    /// Signs a checkpoint of the chain as it is now with the agency's key
    /// (which must be the registered one) and keeps it in the database.
    public func checkpoint(agency: Agency, key: Curve25519.Signing.PrivateKey, keyPath: String, now: Date) throws -> Checkpoint {
        let agencyID = agency.id ?? 0
        guard try signingKey(agencyID: agencyID) == SigningKeyFile.publicKey(of: key) else {
            throw SigningKeyFile.Failure.notTheAgencysKey(keyPath)
        }
        let head = try ledgerHead(agencyID: agencyID)
        let checkpoint = try Checkpoint.sign(agency: agency.code, size: head.size, head: head.head, at: now, key: key)
        try saveCheckpoint(agencyID: agencyID, checkpoint)
        return checkpoint
    }

    /// A checkpoint when `every` entries have been added since the last one.
    public func checkpointIfDue(agency: Agency, key: Curve25519.Signing.PrivateKey, keyPath: String, every: Int64,
                                now: Date) throws -> Checkpoint? {
        let agencyID = agency.id ?? 0
        let last = try checkpoints(agencyID: agencyID).last?.size ?? 0
        guard try ledgerHead(agencyID: agencyID).size - last >= every else { return nil }
        return try checkpoint(agency: agency, key: key, keyPath: keyPath, now: now)
    }
}
