import Foundation
import GRDB

/// The one owner of Jariya's database: its schema, its migrations, and every
/// read and write. Each write method is one transaction, so a failure leaves
/// nothing half-written. SQL lives here and in the `AppDatabase+…` files only.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Each attempt's draw, decoded once: it never changes after the start,
    /// and every save of the attempt needs it.
    let draws = DrawCache()
    /// Commits crowds of answer saves together (see `WriteBatcher`).
    let batcher: WriteBatcher
    /// Signs certificates the moment a completion is recorded; without it
    /// completions are recorded alone and `certificate issue` catches up.
    public private(set) var certificateIssuer: CertificateIssuer?

    /// The same database, issuing certificates with the agency's key.
    public func issuing(with issuer: CertificateIssuer?) -> AppDatabase {
        var copy = self
        copy.certificateIssuer = issuer
        return copy
    }

    /// Opens (creating if needed) the SQLite file at `path` in WAL mode and
    /// brings its schema up to date.
    public static func open(path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }

    /// An in-memory database with the full schema, for quick tests of queries.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration))
    }

    /// Wraps a connection and migrates it.
    init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.batcher = WriteBatcher(writer: writer)
        try Self.migrator.migrate(writer)
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        // The CLI and the server may write at once; wait for the other rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        return configuration
    }

    /// Names of every migration this version of Jariya knows, in order.
    public static var migrationNames: [String] { migrator.migrations }

    /// Names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// The SQLite journal mode in force ("wal" for a file database).
    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}
