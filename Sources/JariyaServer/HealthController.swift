import Hummingbird
import JariyaStore

/// `/healthz`: whether the server is up and can read its database, for
/// monitoring and for `make run` to know when to print the address.
struct HealthController {
    /// The database the check reads.
    let database: AppDatabase

    /// Registers `GET /healthz`.
    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/healthz", use: health)
    }

    /// The health answer.
    struct Health: ResponseEncodable {
        var status: String
        var database: String
        var migrations: Int
    }

    /// `GET /healthz`: the journal mode and the number of migrations applied.
    @Sendable func health(_ request: Request, context: some RequestContext) async throws -> Health {
        let migrations = try database.appliedMigrations()
        return Health(status: "ok", database: try database.journalMode(), migrations: migrations.count)
    }
}
