import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaDocuments
import JariyaStore

/// Lecture sessions on the web: create one, show the room its rotating QR
/// code full-screen, take the roll. The rules are the store's, as for the API.
struct SessionPages {
    /// Sessions and attendance.
    let database: AppDatabase
    /// Parsed courses, for their completion rules.
    let content: PublishedContent
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("trainer/sessions", use: create)
        group.get("trainer/sessions/:session", use: roll)
        group.post("trainer/sessions/:session/roll", use: mark)
        group.get("trainer/sessions/:session/screen", use: screen)
    }

    /// `POST /trainer/sessions`: a session from the form; day and times are Bangkok's.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(TrainerPages.roles)
        let form = context.form
        guard let day = form["day"].flatMap({ CivilDate(thaiInput: $0) }) else {
            throw HTTPError(.badRequest, message: "day \"\(form["day"] ?? "")\" is not a date; write 2024-10-01 or 01/10/2567")
        }
        guard let starts = Self.time(form["starts"], on: day), let ends = Self.time(form["ends"], on: day) else {
            throw HTTPError(.badRequest, message: "the times must be HH:MM")
        }
        let session = try SessionController.createSession(
            database: database, user: user, course: form["course"] ?? "", title: form["title"] ?? "", startsAt: starts, endsAt: ends,
            place: form["place"] ?? "", trainer: form["trainer"] ?? "", format: form["format"] == "online" ? "online" : "onsite",
            budgetBaht: form["budget"].flatMap { Int($0) }, now: clock())
        return redirect(to: "/trainer/sessions/\(session.id ?? 0)")
    }

    private static func time(_ text: String?, on day: CivilDate) -> Date? {
        let parts = (text ?? "").split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        return day.instant(hour: parts[0], minute: parts[1])
    }

    /// An officer's line on the roll.
    struct RollLine: Sendable {
        var code: String
        var name: String
        var division: String
        var status: String
        var method: String
        var marked: Bool
        /// Wrong room codes the officer typed, as "3 ครั้ง · ล่าสุด 09.41 น."; nil for none.
        var refused: String?
    }

    /// The roll page.
    struct RollContent: Sendable {
        var id: Int64
        var title: String
        var when: String
        var place: String
        var lines: [RollLine]
        var present: Int
        var message: String?
    }

    /// `GET /trainer/sessions/{id}`: everyone on the roster, with their mark if any.
    @Sendable func roll(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(TrainerPages.roles)
        let id = try context.parameters.require("session", as: Int64.self)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let marks = Dictionary(try database.attendance(sessionID: id).map { ($0.officer.employeeCode, $0.record) },
                               uniquingKeysWith: { first, _ in first })
        // Wrong codes show beside the officer: a trainer who sees many knows someone is guessing.
        let refusals = Dictionary(try database.checkInRefusals(sessionID: id).map { ($0.officer.employeeCode, $0) },
                                  uniquingKeysWith: { first, _ in first })
        let words = WebText.words(context.language)
        let lines = try database.officers(agencyID: user.agencyId).map { listing in
            let record = marks[listing.officer.employeeCode]
            let refused = refusals[listing.officer.employeeCode].map {
                "\($0.count) \(words["tries"] ?? "") · \(words["lastTry"] ?? "") \(ThaiTime.short($0.last))"
            }
            return RollLine(code: listing.officer.employeeCode, name: listing.officer.name.formal, division: listing.division.name,
                            status: record?.status.thai ?? "", method: record?.method.rawValue ?? "", marked: record != nil,
                            refused: refused)
        }
        let content = RollContent(id: id, title: session.title,
                                  when: "\(ThaiDate.long(CivilDate(session.startsAt, in: .bangkok))) \(ThaiTime.short(session.startsAt))–\(ThaiTime.short(session.endsAt))",
                                  place: session.place, lines: lines,
                                  present: marks.values.filter { $0.status == .present || $0.status == .late }.count,
                                  message: request.uri.queryParameters["marked"].map(String.init))
        return try renderer.page("session-roll", title: session.title, content, request: request, context: context)
    }

    /// `POST /trainer/sessions/{id}/roll`: one mark; changing a mark needs a reason (the ledger keeps both).
    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(TrainerPages.roles)
        let id = try context.parameters.require("session", as: Int64.self)
        guard let status = context.form["status"].flatMap(AttendanceStatus.init(rawValue:)), let code = context.form["code"] else {
            throw HTTPError(.badRequest, message: "choose an officer and a status")
        }
        let session = try database.session(id: id, agencyID: user.agencyId)
        let rule = try content.completionRule(agencyID: user.agencyId, courseKey: session.courseKey)
        let reason = context.form["reason"].map { ThaiText.clean($0) }.flatMap { $0.isEmpty ? nil : $0 }
        _ = try database.recordAttendance(sessionID: id, agencyID: user.agencyId, employeeCode: code, status: status, method: .roll,
                                          actor: user.username, reason: reason, now: clock(), rule: rule)
        return redirect(to: "/trainer/sessions/\(id)?marked=\(code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")#officer-\(code)")
    }

    /// The room's screen.
    struct ScreenContent: Sendable {
        var title: String
        var code: String
        var qr: String
        var link: String
        var refresh: Int
    }

    /// `GET /trainer/sessions/{id}/screen`: the QR code of the check-in link
    /// with this window's code; the page reloads itself when the code changes.
    @Sendable func screen(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(TrainerPages.roles)
        let id = try context.parameters.require("session", as: Int64.self)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let now = clock()
        let code = RotatingCode.code(secret: session.codeSecret, at: now)
        let left = RotatingCode.window - now.timeIntervalSince1970.truncatingRemainder(dividingBy: RotatingCode.window)
        // The agency's public address when it has one (the phones reach that), else the one the trainer used.
        let agency = try database.agency(id: user.agencyId)
        let base = agency.verifyBaseUrl.isEmpty ? Self.origin(request) : String(agency.verifyBaseUrl.reversed().drop { $0 == "/" }.reversed())
        let link = "\(base)/checkin?session=\(id)&code=\(code)"
        let qr = try QRCode(link)
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" role="img" aria-label="QR">"##
            + CertificateTemplate.svg(of: qr) + "</svg>"
        let content = ScreenContent(title: session.title, code: code, qr: svg, link: link, refresh: max(1, Int(left.rounded(.up))))
        return try renderer.page("session-screen", title: session.title, content, request: request, context: context)
    }

    /// This server as the phones in the room reach it.
    static func origin(_ request: Request) -> String {
        let scheme = WebSession.isSecure(request) ? "https" : "http"
        return "\(scheme)://\(request.head.authority ?? "localhost")"
    }
}
