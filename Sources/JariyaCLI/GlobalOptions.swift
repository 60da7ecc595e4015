import ArgumentParser
import Foundation
import JariyaStore

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (else $JARIYA_DB, else ./jariya.sqlite).")
    var db: String?

    @Option(name: .long, help: "The agency's code, when the database holds more than one.")
    var agency: String?

    @Option(name: .long, help: "The agency's signing key file (else $JARIYA_KEY, else the database path + .key).")
    var key: String?

    /// Where the signing key is.
    var keyPath: String {
        key ?? ProcessInfo.processInfo.environment["JARIYA_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? SigningKeyFile.defaultPath(database: path)
    }

    /// The path chosen by the contract of design.md §6.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["JARIYA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "jariya.sqlite"
    }

    /// Opens the database, which must have been set up with `jariya init`.
    /// When the signing key is at hand, completions recorded through it earn
    /// their certificates at once; without it they wait for `certificate issue`.
    func open(mustExist: Bool = true) throws -> AppDatabase {
        if mustExist && !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at \(path); create one with `jariya init --db \(path)` (or set $JARIYA_DB)")
        }
        let issuer = (try? SigningKeyFile.load(from: keyPath)).map { CertificateIssuer(key: SigningKey($0, path: keyPath)) }
        return try AppDatabase.open(path: path).issuing(with: issuer)
    }
}
