import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// HR's roster import: upload the spreadsheet (CSV), see what would change,
/// then import it in one transaction. Problems name their line.
struct RosterPages {
    /// The roster.
    let database: AppDatabase
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("hr/roster", use: form)
        group.post("hr/roster", use: preview)
        group.post("hr/roster/import", use: apply)
    }

    /// An officer on the roster page.
    struct OfficerLine: Sendable {
        var code: String
        var name: String
        var division: String
        var staffType: String
    }

    /// A change the file makes.
    struct ChangeLine: Sendable {
        var mark: String
        var code: String
        var name: String
        var division: String
    }

    /// The roster page: the form, then the preview or the outcome.
    struct RosterContent: Sendable {
        var today: String
        var officers: [OfficerLine]
        var count: Int
        var problems: [String]
        var hasProblems = false
        var previewing: Bool
        var done: Bool
        var summary: String?
        var changes: [ChangeLine]
        var missing: [String]
        var hasMissing = false
        var source: String
        var effective: String
        var deactivate: Bool
    }

    /// `GET /hr/roster`.
    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(HRPages.roles)
        return try render(try content(agencyID: user.agencyId), request: request, context: context)
    }

    /// `POST /hr/roster` (with the file): what the import would do; nothing is written.
    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(HRPages.roles)
        guard let file = context.form.files["file"], !file.bytes.isEmpty else { throw HTTPError(.badRequest, message: "choose the roster file (CSV)") }
        return try run(bytes: file.bytes, name: file.filename, dryRun: true, user: user, request: request, context: context)
    }

    /// `POST /hr/roster/import`: the previewed file, imported for real.
    @Sendable func apply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(HRPages.roles)
        guard let bytes = context.form["source"].flatMap({ Data(base64Encoded: $0) }) else {
            throw HTTPError(.badRequest, message: "the roster to import is missing; upload it again")
        }
        return try run(bytes: [UInt8](bytes), name: context.form["filename"] ?? "roster.csv", dryRun: false, user: user,
                       request: request, context: context)
    }

    private func run(bytes: [UInt8], name: String, dryRun: Bool, user: User, request: Request, context: AppRequestContext) throws -> Response {
        var content = try content(agencyID: user.agencyId)
        let effectiveText = context.form["effective"] ?? ""
        guard let effective = effectiveText.isEmpty ? CivilDate(clock(), in: .bangkok) : CivilDate(thaiInput: effectiveText) else {
            throw HTTPError(.badRequest, message: "the effective day \"\(effectiveText)\" is not a date; write 2024-10-01 or 01/10/2567")
        }
        let deactivate = context.form["deactivate"] == "yes"
        let file = WebForm.safeFilename(name, otherwise: "roster.csv")
        content.effective = effective.description
        content.deactivate = deactivate
        do {
            let roster = try Roster.parse(bytes)
            let plan = try database.importRoster(roster, agencyID: user.agencyId, effective: effective, dryRun: dryRun,
                                                 deactivateMissing: deactivate)
            let words = WebText.words(context.language)
            content.summary = "\(dryRun ? words["wouldImport"] ?? "" : words["imported"] ?? ""): \(plan.added) \(words["added"] ?? ""), "
                + "\(plan.updated) \(words["updated"] ?? "") (\(plan.moved) \(words["movedDivision"] ?? "")), \(plan.unchanged) \(words["unchanged"] ?? "")"
            content.changes = plan.changes.filter { $0.kind != .unchanged }.map {
                ChangeLine(mark: $0.kind == .add ? "+" : "~", code: $0.entry.employeeCode, name: $0.entry.name.formal, division: $0.entry.division)
            }
            content.missing = plan.missing
            content.previewing = dryRun
            content.done = !dryRun
            content.source = dryRun ? Data(bytes).base64EncodedString() : ""
            if !dryRun { content = try refreshed(content, agencyID: user.agencyId) }
            return try render(content, request: request, context: context).response(from: request, context: context)
        } catch let error as RosterFailure {
            content.problems = error.problems.map { "\(file):\($0.line > 0 ? "\($0.line):" : "") \($0.message)" }
        } catch StoreError.roster(let failure) {
            content.problems = failure.problems.map { "\(file):\($0.line): \($0.message)" }
        }
        return try render(content, request: request, context: context, status: .unprocessableContent).response(from: request, context: context)
    }

    private func content(agencyID: Int64) throws -> RosterContent {
        try refreshed(RosterContent(today: CivilDate(clock(), in: .bangkok).description, officers: [], count: 0, problems: [], previewing: false,
                                    done: false, changes: [], missing: [], source: "", effective: "", deactivate: false), agencyID: agencyID)
    }

    private func refreshed(_ content: RosterContent, agencyID: Int64) throws -> RosterContent {
        var content = content
        content.officers = try database.officers(agencyID: agencyID).map {
            OfficerLine(code: $0.officer.employeeCode, name: $0.officer.name.formal, division: $0.division.name, staffType: $0.officer.staffType.thai)
        }
        content.count = content.officers.count
        return content
    }

    private func render(_ content: RosterContent, request: Request, context: AppRequestContext,
                        status: HTTPResponse.Status = .ok) throws -> HTML {
        // Templates read stored properties only.
        var content = content
        content.hasProblems = !content.problems.isEmpty
        content.hasMissing = !content.missing.isEmpty
        return try renderer.page("hr-roster", title: "roster", content, request: request, context: context, status: status)
    }
}
