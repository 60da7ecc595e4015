import ArgumentParser
import Foundation
import JariyaApp
import JariyaStore
import Hummingbird
import JariyaServer
import Logging

/// `jariya serve`: the web pages and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web pages and the API (http://127.0.0.1:8080 by default)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Where Debian's libjs-bootstrap5 put Bootstrap.")
    var bootstrap = "/usr/share/javascript/bootstrap5"

    @Option(help: "The folder holding Certificates/ (the certificate templates).")
    var content = "."

    @Option(help: "The public address QR codes point at when the agency has set none (default http://HOST:PORT).")
    var baseUrl: String?

    @Option(name: .customLong("trusted-proxy"),
            help: "The address of a reverse proxy in front of Jariya (repeat for several): failed logins are then counted by the client address it forwards.")
    var trustedProxies: [String] = []

    func run() async throws {
        let db = try database.open()
        _ = try db.agency(code: database.agency)
        var signing: SigningKey?
        do {
            signing = SigningKey(try SigningKeyFile.load(from: database.keyPath), path: database.keyPath)
        } catch {
            warn("jariya: \(error); serving without automatic ledger checkpoints or certificates")
        }
        let app = try await buildApplication(ServerConfiguration(host: host, port: port, database: db,
                                                                 agencyCode: database.agency, bootstrapFolder: bootstrap,
                                                                 trustedProxies: Set(trustedProxies),
                                                                 signingKey: signing,
                                                                 certificates: CertificatePrinter(
                                                                     folder: URL(fileURLWithPath: content).appendingPathComponent("Certificates"),
                                                                     defaultBaseURL: baseUrl ?? "http://\(host):\(port)")))
        say("จริยะ serving \(database.path) on http://\(host):\(port)/")
        try await app.runOnWorkerThreads()
    }
}
