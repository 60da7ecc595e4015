import Foundation
import Hummingbird

/// Jariya's own small scripts, shipped in the bundle; Bootstrap comes from
/// Debian's package instead.
struct AssetController {
    /// The scripts by file name, read once at start-up.
    let scripts: [String: ByteBuffer]

    /// Reads the bundled assets.
    static func load() throws -> AssetController {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Assets") else { return AssetController(scripts: [:]) }
        var scripts: [String: ByteBuffer] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".js") {
            scripts[name] = ByteBuffer(data: try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return AssetController(scripts: scripts)
    }

    /// Registers `GET /assets/jariya/{name}`.
    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("assets/jariya/:name") { _, context -> Response in
            guard let body = scripts[try context.parameters.require("name")] else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: body))
        }
    }
}
