import Hummingbird
import Synchronization

/// Answers 405 with `Allow` for a method the path has no route for (TRACE,
/// DELETE on a list…), where the router alone would say 404 as if the path
/// did not exist. The routes are handed over once the router holds them all.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes' paths and methods, filled in after the last route is added.
    final class RouteTable: Sendable {
        private let routes = Mutex<[(segments: [Substring], methods: Set<HTTPRequest.Method>)]>([])

        /// Remembers the router's routes, grouped by path.
        func fill(_ descriptions: [(path: String, method: HTTPRequest.Method)]) {
            var byPath: [String: Set<HTTPRequest.Method>] = [:]
            for description in descriptions { byPath[description.path, default: []].insert(description.method) }
            // The router answers HEAD wherever it answers GET.
            for (path, methods) in byPath where methods.contains(.get) { byPath[path]?.insert(.head) }
            routes.withLock { $0 = byPath.map { (Self.segments($0.key), $0.value) } }
        }

        /// The methods routed for a concrete path, or nil when no route has it.
        func methods(for path: String) -> Set<HTTPRequest.Method>? {
            let concrete = Self.segments(path)
            let found = routes.withLock { table in
                table.filter { Self.matches(template: $0.segments, path: concrete) }.map(\.methods)
            }
            return found.isEmpty ? nil : found.reduce(into: Set()) { $0.formUnion($1) }
        }

        private static func segments(_ path: String) -> [Substring] {
            path.split(separator: "/", omittingEmptySubsequences: true)
        }

        /// Captures (`{name}`, `:name`) and `*` match one segment, `**` the rest.
        private static func matches(template: [Substring], path: [Substring]) -> Bool {
            for (index, part) in template.enumerated() {
                if part == "**" { return true }
                guard index < path.count else { return false }
                if part.hasPrefix(":") || part.contains("*") || part.contains("{") { continue }
                if part != path[index] { return false }
            }
            return template.count == path.count
        }
    }

    /// The routes to judge by.
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // Only a 404 asks the table, so routed requests pay nothing for it:
            // the path is there under other methods only when the router found
            // no route for this one (a handler's own 404 keeps its method).
            let wanted = request.method == .head ? .get : request.method
            guard let methods = table.methods(for: request.uri.path), !methods.contains(wanted) else { throw error }
            let allow = methods.map(\.rawValue).sorted().joined(separator: ", ")
            throw HTTPError(.methodNotAllowed, headers: [.allow: allow], message: "\(request.method) is not allowed here; use \(allow)")
        }
    }
}
