import Crypto
import Foundation
import GRDB
import JariyaCore

extension AppDatabase {
    /// Issues the certificate of a completion inside the caller's transaction:
    /// the next serial of the agency's fiscal year, a fresh verification code,
    /// the facts signed with the agency's key, and a ledger entry.
    @discardableResult
    static func issueCertificate(_ db: Database, completion: CompletionRecord, template: String, issuer: CertificateIssuer,
                                 actor: String, now: Date) throws -> CertificateRecord {
        // The key is checked before anything is written, so a caller may catch this and go on.
        let key = try issuer.key.privateKey()
        let registered = try String.fetchOne(db.cachedStatement(sql: "SELECT signing_public_key FROM agency WHERE id = ?"),
                                             arguments: [completion.agencyId])
        guard registered == SigningKeyFile.publicKey(of: key),
              let agency = try Agency.fetchOne(db, key: completion.agencyId) else { throw CertificateError.notTheAgencysKey }
        guard let course = try CourseVersion.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM course_version WHERE agency_id = ? AND course_key = ? ORDER BY version DESC LIMIT 1
            """), arguments: [completion.agencyId, completion.courseKey]), let courseVersionID = course.id else {
            throw CertificateError.unknownCourse(completion.courseKey)
        }
        guard let officer = try Officer.fetchOne(db, key: completion.officerId) else { throw CertificateError.notFound("for officer \(completion.officerId)") }
        let number = (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(number) FROM certificate WHERE agency_id = ? AND fiscal_year = ?"),
                                       arguments: [completion.agencyId, completion.fiscalYear]) ?? 0) + 1
        var code = issuer.makeCode()
        while try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM certificate WHERE code = ?)"), arguments: [code]) == true {
            code = issuer.makeCode()
        }
        let facts = CertificateFacts(
            serial: CertificateSerial.format(prefix: agency.effectiveSerialPrefix, fiscalYear: completion.fiscalYear, number: number),
            code: code, agency: agency.code, agencyName: agency.name, officerName: officer.name.formal,
            courseKey: completion.courseKey, courseVersion: course.version, courseTitle: course.title,
            fiscalYear: completion.fiscalYear, issuedOn: CivilDate(completion.completedAt, in: .bangkok).description)
        let signed = try SignedCertificate.sign(facts, key: key)
        let entry = try appendLedger(db, agencyID: completion.agencyId, actor: actor, kind: "certificate.issued", officerID: completion.officerId,
                                     sessionID: nil, payload: [
                                         "serial": facts.serial, "code": code, "course": facts.courseKey,
                                         "course_version": String(facts.courseVersion), "fiscal_year": String(facts.fiscalYear),
                                         "completion": String(completion.ledgerSeq),
                                         "facts_sha256": Hex.string(SHA256.hash(data: facts.signedText)),
                                     ], now: now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var record = CertificateRecord(
            agencyId: completion.agencyId, completionId: completion.id ?? 0, officerId: completion.officerId,
            courseKey: completion.courseKey, courseVersionId: courseVersionID, fiscalYear: completion.fiscalYear, number: number,
            serial: facts.serial, code: code, template: template, facts: String(decoding: try encoder.encode(facts), as: UTF8.self),
            publicKey: signed.publicKey, signature: signed.signature, issuedAt: now, ledgerSeq: entry.seq)
        try record.insert(db)
        return record
    }

    /// Revokes a certificate inside the caller's transaction, with a ledger entry.
    static func revokeCertificate(_ db: Database, _ record: inout CertificateRecord, reason: String, actor: String, now: Date) throws {
        let why = try TextField.reason.accept(reason)
        guard !why.isEmpty else { throw CertificateError.reasonRequired }
        guard record.revokedAt == nil else { throw CertificateError.alreadyRevoked(record.serial) }
        let entry = try appendLedger(db, agencyID: record.agencyId, actor: actor, kind: "certificate.revoked", officerID: record.officerId,
                                     sessionID: nil, payload: ["serial": record.serial, "code": record.code,
                                                               "supersedes": String(record.ledgerSeq)],
                                     reason: why, now: now)
        record.revokedAt = now
        record.revokedSeq = entry.seq
        record.revokeReason = why
        try record.update(db)
    }

    /// Revokes a certificate by its serial. With `reissueWith`, a new
    /// certificate with today's facts (a corrected name, say) replaces it in
    /// the same transaction; the completion must still stand.
    public func revokeCertificate(agencyID: Int64, serial: String, reason: String, actor: String, now: Date,
                                  reissueWith issuer: CertificateIssuer? = nil) throws -> (revoked: CertificateRecord, reissued: CertificateRecord?) {
        try writer.write { db in
            guard var record = try CertificateRecord.filter(Column("agency_id") == agencyID && Column("serial") == serial).fetchOne(db) else {
                throw CertificateError.notFound(serial)
            }
            try Self.revokeCertificate(db, &record, reason: reason, actor: actor, now: now)
            guard let issuer else { return (record, nil) }
            guard let completion = try CompletionRecord.fetchOne(db, key: record.completionId), completion.revokedAt == nil else {
                return (record, nil)
            }
            let reissued = try Self.issueCertificate(db, completion: completion, template: record.template, issuer: issuer, actor: actor, now: now)
            return (record, reissued)
        }
    }

    /// Issues, in one transaction, the certificates of a course's standing
    /// completions that never had one (completed while no key was at hand,
    /// or before the course named a template). A certificate revoked by hand
    /// is not replaced here: that takes `revokeCertificate(…reissueWith:)`.
    public func issueMissingCertificates(agencyID: Int64, courseKey: String, fiscalYear: Int?, officerID: Int64?, template: String,
                                         issuer: CertificateIssuer, actor: String, now: Date) throws -> [CertificateRecord] {
        try writer.write { db in
            let completions = try CompletionRecord.fetchAll(db, sql: """
                SELECT c.* FROM completion c
                WHERE c.agency_id = ? AND c.course_key = ? AND c.revoked_at IS NULL
                  AND (? IS NULL OR c.fiscal_year = ?) AND (? IS NULL OR c.officer_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM certificate t WHERE t.completion_id = c.id)
                ORDER BY c.fiscal_year, c.completed_at, c.id
                """, arguments: [agencyID, courseKey, fiscalYear, fiscalYear, officerID, officerID])
            return try completions.map { completion in
                try Self.issueCertificate(db, completion: completion, template: template, issuer: issuer, actor: actor, now: now)
            }
        }
    }

    /// The certificate with a verification code, revoked or not.
    public func certificate(code: String) throws -> CertificateRecord? {
        try writer.read { db in try CertificateRecord.filter(Column("code") == code).fetchOne(db) }
    }

    /// The certificate with a serial in an agency, revoked or not.
    public func certificate(agencyID: Int64, serial: String) throws -> CertificateRecord? {
        try writer.read { db in
            try CertificateRecord.filter(Column("agency_id") == agencyID && Column("serial") == serial).fetchOne(db)
        }
    }

    /// An officer's certificates, newest first, revoked ones included so the history stays visible.
    public func certificates(officerID: Int64) throws -> [CertificateRecord] {
        try writer.read { db in
            try CertificateRecord.filter(Column("officer_id") == officerID).order(Column("issued_at").desc, Column("id").desc).fetchAll(db)
        }
    }

    /// The certificates of a course, in serial order, filtered by fiscal year
    /// and officer; revoked ones only when asked.
    public func certificates(agencyID: Int64, courseKey: String?, fiscalYear: Int?, officerID: Int64?,
                             includingRevoked: Bool = false) throws -> [CertificateRecord] {
        try writer.read { db in
            try CertificateRecord.fetchAll(db, sql: """
                SELECT * FROM certificate
                WHERE agency_id = ? AND (? IS NULL OR course_key = ?) AND (? IS NULL OR fiscal_year = ?)
                  AND (? IS NULL OR officer_id = ?) AND (? OR revoked_at IS NULL)
                ORDER BY fiscal_year, number
                """, arguments: [agencyID, courseKey, courseKey, fiscalYear, fiscalYear, officerID, officerID, includingRevoked])
        }
    }

    /// Sets what certificates print beside the facts; a nil leaves a field as it is.
    public func updateCertificateProfile(agencyID: Int64, serialPrefix: String?, signerName: String?, signerPosition: String?,
                                         verifyBaseURL: String?) throws -> Agency {
        let serialPrefix = try TextField.shortCode.named("serial prefix").accept(serialPrefix)
        let signerName = try TextField.personName.named("signer").accept(signerName)
        let signerPosition = try TextField.organisation.named("signer's position").accept(signerPosition)
        let verifyBaseURL = try TextField.address.named("verification address").accept(verifyBaseURL)
        return try writer.write { db in
            guard var agency = try Agency.fetchOne(db, key: agencyID) else { throw CertificateError.notFound("agency \(agencyID)") }
            if let serialPrefix { agency.serialPrefix = serialPrefix }
            if let signerName { agency.signerName = signerName }
            if let signerPosition { agency.signerPosition = signerPosition }
            if let verifyBaseURL { agency.verifyBaseUrl = verifyBaseURL }
            try agency.update(db)
            return agency
        }
    }
}
