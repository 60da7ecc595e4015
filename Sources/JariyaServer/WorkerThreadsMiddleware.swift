import Hummingbird

/// Runs the rest of every request on `WorkerThreads.database`, so that
/// handlers, middleware and the store's synchronous calls never wait on an
/// event loop or on Swift's cooperative pool (see `WorkerThreads`).
struct WorkerThreadsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The threads requests run on.
    let threads: WorkerThreads

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(threads) {
            try await next(request, context)
        }
    }
}
