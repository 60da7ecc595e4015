import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// Lecture sessions over the API: trainers, HR and admins create them, take
/// the roll and show the room's code; an officer can check in only themself.
struct SessionController {
    /// Sessions and attendance.
    let database: AppDatabase
    /// Parsed courses, for their completion rules.
    let content: PublishedContent
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers the session routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("sessions", use: list)
        group.post("sessions", use: create)
        group.get("sessions/:session", use: show)
        group.put("sessions/:session/attendance/:officer", use: mark)
        group.get("sessions/:session/code", use: code)
        group.post("sessions/:session/checkin", use: checkIn)
    }

    /// The roles that manage sessions.
    static let staff: Set<Role> = [.trainer, .hr, .admin]

    /// `GET sessions`.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> SessionsView {
        let user = try context.requireRole(Self.staff)
        let year = try request.fiscalYearQuery()
        return SessionsView(sessions: try database.sessions(agencyID: user.agencyId, fiscalYear: year).map { SessionView($0) })
    }

    /// `POST sessions`.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SessionView> {
        let user = try context.requireRole(Self.staff)
        let body = try await request.decode(as: CreateSessionRequest.self, context: context)
        let session = try Self.createSession(database: database, user: user, course: body.course, title: body.title, startsAt: body.startsAt,
                                             endsAt: body.endsAt, place: body.place, trainer: body.trainer, format: body.format ?? "onsite",
                                             budgetBaht: body.budgetBaht, now: clock())
        return EditedResponse(status: .created, response: SessionView(session))
    }

    /// A new session, checked the same way from the API and the trainer's page;
    /// the store holds its text, dates and budget to the rules.
    static func createSession(database: AppDatabase, user: User, course: String, title: String, startsAt: Date, endsAt: Date,
                              place: String, trainer: String, format: String, budgetBaht: Int?, now: Date) throws -> TrainingSession {
        guard ["onsite", "online"].contains(format) else { throw HTTPError(.badRequest, message: "format is onsite or online") }
        guard try database.currentCourseVersionID(agencyID: user.agencyId, key: course) != nil else { throw QuizError.unknownCourse(course) }
        return try database.createSession(TrainingSession(
            agencyId: user.agencyId, courseKey: course, title: title, startsAt: startsAt, endsAt: endsAt,
            place: place, trainer: trainer, format: format, budgetBaht: budgetBaht,
            codeSecret: PublicID.make() + PublicID.make(), createdBy: user.username, createdAt: now))
    }

    /// `GET sessions/{session}`.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> SessionView {
        let user = try context.requireRole(Self.staff)
        let id = try context.parameters.require("session", as: Int64.self)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let rows = try database.attendance(sessionID: id).map { row in
            AttendanceView(employeeCode: row.officer.employeeCode, name: row.officer.name.formal, status: row.record.status.rawValue,
                           method: row.record.method.rawValue, ledgerSeq: row.record.ledgerSeq)
        }
        var view = SessionView(session, attendance: rows)
        view.refusedCheckIns = try database.checkInRefusals(sessionID: id).map {
            RefusedCheckInView(employeeCode: $0.officer.employeeCode, name: $0.officer.name.formal, count: $0.count, last: $0.last)
        }
        return view
    }

    /// The roll call: a status for an officer; a change needs a reason.
    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> AttendanceOutcomeView {
        let user = try context.requireRole(Self.staff)
        let id = try context.parameters.require("session", as: Int64.self)
        let body = try await request.decode(as: MarkAttendanceRequest.self, context: context)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let outcome = try database.recordAttendance(
            sessionID: id, agencyID: user.agencyId, employeeCode: context.parameters.require("officer"), status: body.status,
            method: .roll, actor: user.username, reason: body.reason, now: clock(), rule: try content.completionRule(agencyID: user.agencyId, courseKey: session.courseKey))
        return AttendanceOutcomeView(status: outcome.status.rawValue, ledgerSeq: outcome.ledgerSeq, corrected: outcome.corrected, completion: outcome.completion)
    }

    /// The code for the room's screen, now.
    @Sendable func code(_ request: Request, context: AppRequestContext) async throws -> RoomCodeView {
        let user = try context.requireRole(Self.staff)
        let session = try database.session(id: context.parameters.require("session", as: Int64.self), agencyID: user.agencyId)
        let now = clock()
        let left = RotatingCode.window - now.timeIntervalSince1970.truncatingRemainder(dividingBy: RotatingCode.window)
        return RoomCodeView(code: RotatingCode.code(secret: session.codeSecret, at: now), validForSeconds: Int(left.rounded(.up)))
    }

    /// An officer's own check-in with the code from the room.
    @Sendable func checkIn(_ request: Request, context: AppRequestContext) async throws -> AttendanceOutcomeView {
        let user = try context.requireRole([.officer])
        let id = try context.parameters.require("session", as: Int64.self)
        let body = try await request.decode(as: CheckInRequest.self, context: context)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let outcome = try database.selfCheckIn(sessionID: id, user: user, code: body.code, now: clock(),
                                               rule: try content.completionRule(agencyID: user.agencyId, courseKey: session.courseKey))
        return AttendanceOutcomeView(status: outcome.status.rawValue, ledgerSeq: outcome.ledgerSeq, corrected: false, completion: outcome.completion)
    }
}

extension SessionView: ResponseEncodable {
    /// A stored session as the API shows it, with its roll when one is given.
    init(_ session: TrainingSession, attendance: [AttendanceView]? = nil) {
        self.init(id: session.id ?? 0, course: session.courseKey, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt,
                  place: session.place, trainer: session.trainer, format: session.format, budgetBaht: session.budgetBaht,
                  fiscalYear: session.fiscalYear, quarter: session.quarter, attendance: attendance)
    }
}

extension SessionsView: ResponseEncodable {}
extension AttendanceOutcomeView: ResponseEncodable {}
extension RoomCodeView: ResponseEncodable {}
