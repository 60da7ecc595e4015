import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaDocuments
import JariyaStore
import Logging
import Mustache
import ServiceLifecycle

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
    /// The server's clock; tests move it to pass deadlines.
    public var clock: @Sendable () -> Date
    /// Seeds for drawing attempts; tests pin them.
    public var seeds: @Sendable () -> UInt64
    /// How often attempts past their deadline are submitted.
    public var sweepInterval: Duration
    /// How failed logins slow down further tries on the same account.
    public var accountBackoff: Backoff
    /// How failed logins slow down further tries from the same address.
    public var addressBackoff: Backoff
    /// Reverse proxies in front of the server whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String>
    /// The agency's signing key, for automatic ledger checkpoints; nil for none.
    public var signingKey: SigningKey?
    /// A checkpoint is signed when this many entries were added since the last one.
    public var checkpointEvery: Int64
    /// Prints certificates for download; its base address goes on the QR code
    /// when the agency has set none.
    public var certificates: CertificatePrinter

    /// A configuration with Jariya's defaults.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: AppDatabase, agencyCode: String? = nil,
                bootstrapFolder: String = "/usr/share/javascript/bootstrap5", logLevel: Logger.Level = .info,
                clock: @escaping @Sendable () -> Date = { Date() },
                seeds: @escaping @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) },
                sweepInterval: Duration = .seconds(30), accountBackoff: Backoff = .account, addressBackoff: Backoff = .address, trustedProxies: Set<String> = [],
                signingKey: SigningKey? = nil, checkpointEvery: Int64 = 1000, certificates: CertificatePrinter? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.agencyCode = agencyCode
        self.bootstrapFolder = bootstrapFolder
        self.logLevel = logLevel
        self.clock = clock
        self.seeds = seeds
        self.sweepInterval = sweepInterval
        self.accountBackoff = accountBackoff
        self.addressBackoff = addressBackoff
        self.trustedProxies = trustedProxies
        self.signingKey = signingKey
        self.checkpointEvery = checkpointEvery
        self.certificates = certificates ?? CertificatePrinter(folder: URL(fileURLWithPath: "Certificates"),
                                                               defaultBaseURL: "http://\(host):\(port)")
    }
}

/// The server's routes and the background work that goes with them, built
/// once: `buildApplication` serves them, and tests walk `router.routes`.
public struct ServerParts {
    /// Every page and API route, with their middleware.
    public let router: Router<AppRequestContext>
    /// Work the server does between requests.
    let services: [any Service]
    /// The server's logger.
    let logger: Logger
}

/// Builds the Jariya web application: pages under `/`, the JSON API under
/// `/api/v1/`, Bootstrap from the Debian package. `jariya serve` runs it;
/// tests drive the very same application in-process.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    let parts = try await buildRouter(configuration)
    var app = Application(
        router: parts.router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Jariya"),
        logger: parts.logger
    )
    app.addServices(parts.services)
    return app
}

/// Builds every route of the server and the services that keep it going.
public func buildRouter(_ configuration: ServerConfiguration) async throws -> ServerParts {
    var logger = Logger(label: "jariya")
    logger.logLevel = configuration.logLevel
    let templates = try await Templates.load()
    // With the key at hand, a completion earns its certificate in the same transaction.
    let database = configuration.database.issuing(with: configuration.signingKey.map { CertificateIssuer(key: $0) })
    let content = PublishedContent(database: database)
    let engine = QuizEngine(database: database, content: content,
                            clock: configuration.clock, seeds: configuration.seeds)
    let health = HealthController(database: database)
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let routeTable = MethodNotAllowedMiddleware<AppRequestContext>.RouteTable()
    router.add(middleware: WorkerThreadsMiddleware(threads: .database))
    router.add(middleware: RequestIDMiddleware(logger: logger))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(table: routeTable))
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: FileMiddleware(configuration.bootstrapFolder, urlBasePath: "/assets/bootstrap",
                                          cacheControl: .init([(MediaType(type: .any), [.maxAge(86_400), .public])]), logger: logger))
    health.addRoutes(to: router)
    PublicPagesController(database: database, agencyCode: configuration.agencyCode, templates: templates)
        .addRoutes(to: router)
    let certificates = CertificateController(database: database, printer: configuration.certificates, templates: templates)
    certificates.addPublicRoutes(to: router)

    try AssetController.load().addRoutes(to: router)
    let passwords = PasswordLogin(database: database, accountBackoff: configuration.accountBackoff,
                                  addressBackoff: configuration.addressBackoff, trustedProxies: configuration.trustedProxies)
    let complianceReports = ComplianceReports(content: content)
    let reports = ReportController(reports: complianceReports, html: try await ComplianceReportHTML.load(),
                                   clock: configuration.clock, completionHTML: try await CompletionReportHTML.load())

    // The web pages: a login cookie instead of a bearer token, a form token on every post.
    let renderer = WebRenderer(templates: templates)
    let web = router.group()
        .add(middleware: WebErrorMiddleware(renderer: renderer))
        .add(middleware: WebSessionMiddleware(database: database, clock: configuration.clock))
    LoginPages(database: database, passwords: passwords, renderer: renderer, clock: configuration.clock, agencyCode: configuration.agencyCode)
        .addRoutes(to: web)
    OfficerPages(engine: engine, renderer: renderer).addRoutes(to: web)
    CheckInPages(engine: engine, renderer: renderer).addRoutes(to: web)
    QuizPages(engine: engine, renderer: renderer).addRoutes(to: web)
    HRPages(reports: complianceReports, renderer: renderer, clock: configuration.clock).addRoutes(to: web)
    TrainerPages(content: content, renderer: renderer, clock: configuration.clock,
                 contentRoot: configuration.certificates.folder.deletingLastPathComponent().path).addRoutes(to: web)
    SessionPages(database: database, content: content, renderer: renderer, clock: configuration.clock).addRoutes(to: web)
    RosterPages(database: database, renderer: renderer, clock: configuration.clock).addRoutes(to: web)
    AssignmentPages(database: database, renderer: renderer, clock: configuration.clock).addRoutes(to: web)
    AdminPages(database: database, renderer: renderer, clock: configuration.clock).addRoutes(to: web)
    web.get("my/certificates/:code/pdf", use: certificates.download)
    reports.addRoutes(to: web.group("hr"))

    let api = router.group("api/v1")
        .add(middleware: DomainErrorMiddleware())
        .add(middleware: SessionAuthenticator(database: database, clock: configuration.clock))
    OpenAPIController().addRoutes(to: api)
    AuthController(database: database, passwords: passwords, clock: configuration.clock).addRoutes(to: api)
    AttemptController(engine: engine).addRoutes(to: api)
    SessionController(database: database, content: content, clock: configuration.clock).addRoutes(to: api)
    certificates.addRoutes(to: api)
    reports.addRoutes(to: api)

    routeTable.fill(router.routes.map { ("\($0.path)", $0.method) })

    var services: [any Service] = [DeadlineSweeper(engine: engine, health: health, interval: configuration.sweepInterval, logger: logger)]
    if let signing = configuration.signingKey {
        services.append(CheckpointService(database: database, agencyCode: configuration.agencyCode, key: signing,
                                          every: configuration.checkpointEvery, interval: configuration.sweepInterval,
                                          clock: configuration.clock, logger: logger))
    }
    return ServerParts(router: router, services: services, logger: logger)
}

extension ApplicationProtocol {
    /// Runs the server with every connection's task preferring the request
    /// threads (`WorkerThreads.database`): the tasks Hummingbird starts for
    /// connections inherit the preference, so a request goes from NIO's event
    /// loop straight to the thread that will serve it, without a stop on
    /// Swift's cooperative pool on the way.
    public func runOnWorkerThreads() async throws {
        try await withTaskExecutorPreference(WorkerThreads.database) {
            try await runService()
        }
    }
}
