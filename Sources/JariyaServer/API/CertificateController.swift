import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// Certificates: the public verification page and JSON anyone may open with
/// a code, the agency's published key, and the PDF for its owner (or HR).
struct CertificateController {
    /// Where certificates are kept.
    let database: AppDatabase
    /// Prints the PDFs.
    let printer: CertificatePrinter
    /// The page templates.
    let templates: Templates

    /// Registers the public routes: `/verify`, `/verify/{code}`, `/.well-known/jariya-signing-key`.
    func addPublicRoutes(to router: Router<AppRequestContext>) {
        router.get("verify", use: lookup)
        router.get("verify/:code", use: page)
        router.get(".well-known/jariya-signing-key", use: keys)
    }

    /// Registers the API routes under `/api/v1`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("certificates/:code", use: show)
        group.get("certificates/:code/pdf", use: download)
        group.get("me/certificates", use: mine)
    }

    /// `GET /verify?code=…`: the form on paper-reading phones sends the typed code here.
    @Sendable func lookup(_ request: Request, context: AppRequestContext) async throws -> Response {
        let typed = request.uri.queryParameters["code"].map(String.init) ?? ""
        guard let code = CertificateSerial.normalizedCode(typed) else {
            return try HTML(body: templates.render(VerifyPage(query: typed, asked: !typed.isEmpty), "verify"),
                            status: typed.isEmpty ? .ok : .badRequest).response(from: request, context: context)
        }
        return Response(status: .seeOther, headers: [.location: "/verify/\(code)"])
    }

    /// `GET /verify/{code}`: the facts in Thai, to compare with the paper.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let typed = try context.parameters.require("code")
        guard let code = CertificateSerial.normalizedCode(typed), let found = try certificate(code: code) else {
            return HTML(body: try templates.render(VerifyPage(query: typed, asked: true), "verify"), status: .notFound)
        }
        return HTML(body: try templates.render(VerifyPage(found.view, found.record), "verify"))
    }

    /// `GET /api/v1/certificates/{code}`: the same facts as JSON, with the signature.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> CertificateView {
        let typed = try context.parameters.require("code")
        guard let code = CertificateSerial.normalizedCode(typed), let found = try certificate(code: code) else {
            throw HTTPError(.notFound, message: "no certificate has the code \(typed)")
        }
        return found.view
    }

    /// `GET /api/v1/certificates/{code}/pdf`: the officer's own certificate,
    /// or any of the agency's for HR and admins. Another officer's answers 404.
    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let typed = try context.parameters.require("code")
        guard let code = CertificateSerial.normalizedCode(typed), let record = try database.certificate(code: code),
              record.agencyId == user.agencyId,
              user.role == .hr || user.role == .admin || (user.officerId != nil && user.officerId == record.officerId) else {
            throw HTTPError(.notFound, message: "no certificate of yours has the code \(typed)")
        }
        guard record.isValid else {
            throw HTTPError(.gone, message: "certificate \(record.serial) was revoked: \(record.revokeReason ?? "")")
        }
        let pdf = try printer.pdf(record, agency: database.agency(id: record.agencyId))
        // An ASCII file name for old browsers, the Thai serial for the rest (RFC 6266).
        let ascii = "certificate-\(record.fiscalYear)-\(record.number).pdf"
        let encoded = "\(record.serial).pdf".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return Response(status: .ok, headers: [
            .contentType: "application/pdf",
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    /// `GET /api/v1/me/certificates`: the logged-in officer's certificates, revoked ones included.
    @Sendable func mine(_ request: Request, context: AppRequestContext) async throws -> CertificatesView {
        let user = try context.requireRole([.officer])
        guard let officerID = user.officerId else { throw HTTPError(.forbidden) }
        let agency = try database.agency(id: user.agencyId)
        let key = try database.signingKey(agencyID: user.agencyId)
        return CertificatesView(certificates: try database.certificates(officerID: officerID).map { view(of: $0, agency: agency, key: key) })
    }

    /// `GET /.well-known/jariya-signing-key`: every agency's public key, for offline checks.
    @Sendable func keys(_ request: Request, context: AppRequestContext) async throws -> SigningKeysView {
        let keys = try database.agencies().compactMap { agency -> SigningKeyView? in
            guard let id = agency.id, let key = try database.signingKey(agencyID: id) else { return nil }
            return SigningKeyView(agency: agency.code, name: agency.name, publicKey: key)
        }
        return SigningKeysView(keys: keys)
    }

    private func certificate(code: String) throws -> (record: CertificateRecord, view: CertificateView)? {
        guard let record = try database.certificate(code: code) else { return nil }
        let agency = try database.agency(id: record.agencyId)
        return (record, view(of: record, agency: agency, key: try database.signingKey(agencyID: record.agencyId)))
    }

    /// The view, judged against the key the agency registered: a record
    /// whose signature does not hold shows as invalid, revoked or not.
    private func view(of record: CertificateRecord, agency: Agency, key: String?) -> CertificateView {
        let signed = record.signed
        let holds = signed.map { signed in key.map { signed.isSigned(by: $0) } ?? false } ?? false
        let facts = signed?.facts
        return CertificateView(
            code: record.code, serial: record.serial, status: !holds ? "invalid" : record.isValid ? "valid" : "revoked",
            officerName: facts?.officerName ?? "", courseKey: record.courseKey, courseVersion: facts?.courseVersion ?? 0,
            courseTitle: facts?.courseTitle ?? "", fiscalYear: record.fiscalYear, issuedOn: facts?.issuedOn ?? "",
            agency: agency.code, agencyName: facts?.agencyName ?? agency.name,
            revokedAt: record.revokedAt.map { ISO8601DateFormatter().string(from: $0) }, revokeReason: record.revokeReason,
            publicKey: record.publicKey, signature: record.signature, verifyUrl: printer.verifyURL(code: record.code, agency: agency))
    }
}

extension CertificateView: ResponseEncodable {}
extension CertificatesView: ResponseEncodable {}
extension SigningKeysView: ResponseEncodable {}
