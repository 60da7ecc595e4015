import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// Turns the domain's errors into HTTP answers at the edge: the domain knows
/// nothing of status codes, and clients get a clear message.
struct DomainErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Self.http(error) ?? error
        }
    }

    /// The HTTP error a domain error becomes; nil for any other error.
    static func http(_ error: any Error) -> HTTPError? {
        switch error {
        case let error as AttemptError: http(error)
        case let error as QuizError: http(error)
        case let error as AttendanceError: http(error)
        case let error as StoreError: http(error)
        case let error as CertificateError: http(error)
        case let error as TextRefusal: HTTPError(.badRequest, message: error.description)
        case let error as TooManyTries: tooManyRequests(retryAfter: error.retryAfter, message: error.description)
        default: nil
        }
    }

    static func http(_ error: AttemptError) -> HTTPError {
        let status: HTTPResponse.Status = switch error {
        case .notFound, .noSuchTest: .notFound
        case .closed, .staleSave, .attemptsUsed, .pretestFirst, .alreadyPassed: .conflict
        case .notInAttempt: .badRequest
        case .notAnOfficer: .forbidden
        }
        return HTTPError(status, message: error.description)
    }

    static func http(_ error: AttendanceError) -> HTTPError {
        switch error {
        case .unknownSession, .unknownOfficer: HTTPError(.notFound, message: error.description)
        case .alreadyCheckedIn, .correctionNeedsReason: HTTPError(.conflict, message: error.description)
        case .wrongCode, .outsideWindow, .sheet: HTTPError(.badRequest, message: error.description)
        }
    }

    static func http(_ error: StoreError) -> HTTPError {
        switch error {
        case .usernameTaken, .agencyExists, .officerHasLogin: HTTPError(.conflict, message: error.description)
        case .unknownUser, .unknownAgency, .unknownDivision, .unknownOfficer, .unknownAssignment: HTTPError(.notFound, message: error.description)
        default: HTTPError(.badRequest, message: error.description)
        }
    }

    static func http(_ error: CertificateError) -> HTTPError {
        switch error {
        case .notFound, .unknownCourse: HTTPError(.notFound, message: error.description)
        case .alreadyRevoked, .notTheAgencysKey: HTTPError(.conflict, message: error.description)
        case .reasonRequired: HTTPError(.badRequest, message: error.description)
        }
    }

    /// A 429 that says when to come back, in the header and the sentence.
    static func tooManyRequests(retryAfter seconds: Int, message: String) -> HTTPError {
        HTTPError(.tooManyRequests, headers: [.retryAfter: String(seconds)], message: message)
    }

    static func http(_ error: QuizError) -> HTTPError {
        switch error {
        case .unknownCourse(let id): HTTPError(.notFound, message: "no published course \"\(id)\"")
        case .badAnswer(let why): HTTPError(.badRequest, message: why)
        case .notSubmitted: HTTPError(.conflict, message: "the attempt is not submitted yet")
        case .noSuchQuestion(let number): HTTPError(.notFound, message: "the test has no question \(number)")
        }
    }
}
