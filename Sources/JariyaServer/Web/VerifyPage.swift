import Foundation
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// The public verification page: a form when no code was given or none
/// matched, the certificate's facts in Thai when one did.
struct VerifyPage: Sendable {
    var query = ""
    var asked = false
    var found = false
    var valid = false
    var revoked = false
    var invalid = false
    var serial = ""
    var code = ""
    var officerName = ""
    var courseTitle = ""
    var courseVersion = 0
    var fiscalYear = ""
    var issuedOn = ""
    var agencyName = ""
    var revokedOn = ""
    var revokeReason = ""
    var json = ""

    /// The form, with the code that matched nothing when there was one.
    init(query: String, asked: Bool) {
        self.query = query
        self.asked = asked
    }

    /// The facts of a certificate found.
    init(_ view: CertificateView, _ record: CertificateRecord) {
        found = true
        valid = view.status == "valid"
        revoked = view.status == "revoked"
        invalid = view.status == "invalid"
        serial = view.serial
        code = view.code
        officerName = view.officerName
        courseTitle = view.courseTitle
        courseVersion = view.courseVersion
        fiscalYear = String(view.fiscalYear)
        issuedOn = CivilDate(iso: view.issuedOn).map { ThaiDate.long($0) } ?? view.issuedOn
        agencyName = view.agencyName
        revokedOn = record.revokedAt.map { ThaiDate.long(CivilDate($0, in: .bangkok)) + " " + ThaiTime.short($0) } ?? ""
        revokeReason = record.revokeReason ?? ""
        json = "/api/v1/certificates/\(view.code)"
    }
}
