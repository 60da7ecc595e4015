import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// The admin's pages: users and their roles, and the agency profile that
/// certificates print (signer, serial prefix, verification address).
struct AdminPages {
    /// Users and the agency.
    let database: AppDatabase
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("admin", use: home)
        group.post("admin/users", use: addUser)
        group.post("admin/users/:username", use: updateUser)
        group.post("admin/agency", use: updateAgency)
    }

    /// A role in a select.
    struct RoleOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// A user's line.
    struct UserLine: Sendable {
        var username: String
        var name: String
        var active: Bool
        var roles: [RoleOption]
        var isSelf: Bool
    }

    /// The admin page.
    struct HomeContent: Sendable {
        var users: [UserLine]
        var roles: [RoleOption]
        var agencyName: String
        var serialPrefix: String
        var signerName: String
        var signerPosition: String
        var verifyBaseURL: String
        var message: String?
    }

    /// `GET /admin`.
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let admin = try context.requireRole([.admin])
        let agency = try database.agency(id: admin.agencyId)
        func options(_ chosen: Role) -> [RoleOption] {
            Role.allCases.map { RoleOption(value: $0.rawValue, label: $0.thai, selected: $0 == chosen) }
        }
        let users = try database.users(agencyID: admin.agencyId).map { user in
            UserLine(username: user.username, name: user.displayName, active: user.active, roles: options(user.role),
                     isSelf: user.id == admin.id)
        }
        let content = HomeContent(users: users, roles: options(.officer), agencyName: agency.name, serialPrefix: agency.serialPrefix,
                                  signerName: agency.signerName, signerPosition: agency.signerPosition,
                                  verifyBaseURL: agency.verifyBaseUrl, message: request.uri.queryParameters["saved"].map(String.init))
        return try renderer.page("admin-home", title: "adminHome", content, request: request, context: context)
    }

    /// `POST /admin/users`: a new account; an officer's account names their employee code.
    @Sendable func addUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireRole([.admin])
        let form = context.form
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        guard username.range(of: #"^[A-Za-z0-9._-]{2,40}$"#, options: .regularExpression) != nil else {
            throw HTTPError(.badRequest, message: "a username is 2 to 40 letters, digits, dots, hyphens or underscores")
        }
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw HTTPError(.badRequest, message: "choose a role") }
        let password = form["password"] ?? ""
        guard password.count >= 10 else { throw StoreError.weakPassword(minimum: 10) }
        let code = (form["officerCode"] ?? "").trimmingCharacters(in: .whitespaces)
        _ = try database.addUser(agencyID: admin.agencyId, username: username, displayName: form["displayName"] ?? "", role: role,
                                 officerCode: code.isEmpty ? nil : code, password: password, now: clock())
        return redirect(to: "/admin?saved=\(username)")
    }

    /// `POST /admin/users/{username}`: role and active; an admin cannot lock themself out.
    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireRole([.admin])
        let username = try context.parameters.require("username")
        guard let role = context.form["role"].flatMap(Role.init(rawValue:)) else { throw HTTPError(.badRequest, message: "choose a role") }
        let active = context.form["active"] == "yes"
        if username.caseInsensitiveCompare(admin.username) == .orderedSame && (role != .admin || !active) {
            throw HTTPError(.conflict, message: "you cannot take your own admin role away; ask another admin")
        }
        _ = try database.updateUser(agencyID: admin.agencyId, username: username, role: role, active: active, now: clock())
        return redirect(to: "/admin?saved=\(username.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
    }

    /// `POST /admin/agency`: what certificates print beside the facts.
    @Sendable func updateAgency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireRole([.admin])
        let form = context.form
        let base = (form["verifyBaseURL"] ?? "").trimmingCharacters(in: .whitespaces)
        guard base.isEmpty || (URL(string: base)?.scheme.map { ["http", "https"].contains($0) } ?? false) else {
            throw HTTPError(.badRequest, message: "the verification address must start with https:// (or http://)")
        }
        _ = try database.updateCertificateProfile(agencyID: admin.agencyId, serialPrefix: form["serialPrefix"], signerName: form["signerName"],
                                                  signerPosition: form["signerPosition"], verifyBaseURL: base)
        return redirect(to: "/admin?saved=agency")
    }
}
