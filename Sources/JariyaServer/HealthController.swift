import Hummingbird
import JariyaStore
import Synchronization

/// `/healthz`: whether the server is up and can read its database, for
/// monitoring and for `make run` to know when to print the address. Work the
/// server does between requests reports its failures here too, so an attempt
/// that could not be graded is seen by whoever watches the server.
final class HealthController: Sendable {
    /// The database the check reads.
    let database: AppDatabase
    private let problems = Mutex<[String: String]>([:])

    init(database: AppDatabase) {
        self.database = database
    }

    /// Registers `GET /healthz`.
    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/healthz", use: health)
    }

    /// Sets (or with nil, clears) the problem of one part of the server.
    func report(_ part: String, problem: String?) {
        problems.withLock { $0[part] = problem }
    }

    /// The health answer.
    struct Health: ResponseEncodable {
        var status: String
        var database: String
        var migrations: Int
        var problems: [String]?
    }

    /// `GET /healthz`: the journal mode, the number of migrations applied,
    /// and "degraded" with the problems when background work is failing.
    @Sendable func health(_ request: Request, context: some RequestContext) async throws -> Health {
        let migrations = try database.appliedMigrations()
        let problems = self.problems.withLock { $0.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" } }
        return Health(status: problems.isEmpty ? "ok" : "degraded", database: try database.journalMode(), migrations: migrations.count,
                      problems: problems.isEmpty ? nil : problems)
    }
}
