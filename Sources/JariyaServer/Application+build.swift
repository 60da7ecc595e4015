import Foundation
import Hummingbird
import JariyaStore
import Logging
import Mustache

/// What the server needs to start.
public struct ServerConfiguration: Sendable {
    /// Address to listen on; 127.0.0.1 unless the agency puts a proxy in front.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// The database.
    public var database: AppDatabase
    /// The agency served; nil when the database holds exactly one.
    public var agencyCode: String?
    /// Where Debian's libjs-bootstrap5 installed Bootstrap.
    public var bootstrapFolder: String
    /// How much the server logs.
    public var logLevel: Logger.Level

    /// A configuration with Jariya's defaults.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: AppDatabase, agencyCode: String? = nil,
                bootstrapFolder: String = "/usr/share/javascript/bootstrap5", logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.database = database
        self.agencyCode = agencyCode
        self.bootstrapFolder = bootstrapFolder
        self.logLevel = logLevel
    }
}

/// Builds the Jariya web application: pages under `/`, the JSON API under
/// `/api/v1/`, Bootstrap from the Debian package. `jariya serve` runs it;
/// tests drive the very same application in-process.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "jariya")
    logger.logLevel = configuration.logLevel
    let templates = try await Templates.load()
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: FileMiddleware(configuration.bootstrapFolder, urlBasePath: "/assets/bootstrap",
                                          cacheControl: .init([(MediaType(type: .any), [.maxAge(86_400), .public])]), logger: logger))
    HealthController(database: configuration.database).addRoutes(to: router)
    PublicPagesController(database: configuration.database, agencyCode: configuration.agencyCode, templates: templates)
        .addRoutes(to: router)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Jariya"),
        logger: logger
    )
}
