import Foundation
import GRDB
import JariyaCore

extension AppDatabase {
    /// Judges an officer's completion of a course in a fiscal year from the
    /// facts in the database, inside the transaction of the event that may
    /// have changed it. Records a completion when the rule is newly met and
    /// revokes it when a correction takes a condition away; both are ledgered.
    /// A newly met rule that names a template earns a certificate in the same
    /// transaction, when an issuer is at hand; a revoked completion takes its
    /// certificate with it. Returns "completed", "revoked", or nil when nothing changed.
    static func judgeCompletion(_ db: Database, agencyID: Int64, officerID: Int64, courseKey: String, fiscalYear: Int,
                                rule: CompletionRule, issuer: CertificateIssuer?, actor: String, now: Date, reason: String) throws -> String? {
        let attended = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
            WHERE a.officer_id = ? AND s.course_key = ? AND s.fiscal_year = ? AND a.status IN ('present', 'late')
            """), arguments: [officerID, courseKey, fiscalYear]) ?? 0
        let attempts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, max(passed) AS passed FROM attempt
            WHERE officer_id = ? AND course_key = ? AND fiscal_year = ? AND submitted_at IS NOT NULL GROUP BY kind
            """), arguments: [officerID, courseKey, fiscalYear])
        let taken = Set(attempts.compactMap { TestKind(rawValue: $0["kind"]) })
        let passed = Set(attempts.filter { ($0["passed"] as Bool?) == true }.compactMap { TestKind(rawValue: $0["kind"]) })
        let met = rule.isMet(by: CompletionFacts(sessionsAttended: attended, taken: taken, passed: passed))
        let existing = try CompletionRecord.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM completion WHERE officer_id = ? AND course_key = ? AND fiscal_year = ? AND revoked_at IS NULL
            """), arguments: [officerID, courseKey, fiscalYear])
        switch (met, existing) {
        case (true, nil):
            let entry = try appendLedger(db, agencyID: agencyID, actor: actor, kind: "completion", officerID: officerID, sessionID: nil,
                                         payload: ["course": courseKey, "fiscal_year": String(fiscalYear),
                                                   "sessions_attended": String(attended)], now: now)
            var record = CompletionRecord(agencyId: agencyID, officerId: officerID, courseKey: courseKey, fiscalYear: fiscalYear,
                                          completedAt: now, ledgerSeq: entry.seq)
            try record.insert(db)
            if let template = rule.certificateTemplate, let issuer {
                do {
                    try issueCertificate(db, completion: record, template: template, issuer: issuer, actor: actor, now: now)
                } catch CertificateError.notTheAgencysKey {
                    // Nothing was written; the completion stands and `certificate issue` can sign it later.
                }
            }
            return "completed"
        case (false, var record?):
            let entry = try appendLedger(db, agencyID: agencyID, actor: actor, kind: "completion.revoked", officerID: officerID,
                                         sessionID: nil, payload: ["course": courseKey, "fiscal_year": String(fiscalYear),
                                                                   "supersedes": String(record.ledgerSeq)],
                                         reason: reason, now: now)
            record.revokedAt = now
            record.revokedSeq = entry.seq
            record.revokeReason = reason
            try record.update(db)
            if var certificate = try CertificateRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM certificate WHERE completion_id = ? AND revoked_at IS NULL
                """), arguments: [record.id]) {
                try revokeCertificate(db, &certificate, reason: "การผ่านหลักสูตรถูกเพิกถอน: \(reason)", actor: actor, now: now)
            }
            return "revoked"
        default:
            return nil
        }
    }

    /// The officer's live completion of a course in a fiscal year, if any.
    public func completion(officerID: Int64, courseKey: String, fiscalYear: Int) throws -> CompletionRecord? {
        try writer.read { db in
            try CompletionRecord
                .filter(Column("officer_id") == officerID && Column("course_key") == courseKey && Column("fiscal_year") == fiscalYear
                        && Column("revoked_at") == nil)
                .fetchOne(db)
        }
    }

    /// Every completion of the agency in a fiscal year, revoked ones included.
    public func completions(agencyID: Int64, fiscalYear: Int) throws -> [CompletionRecord] {
        try writer.read { db in
            try CompletionRecord.filter(Column("agency_id") == agencyID && Column("fiscal_year") == fiscalYear)
                .order(Column("completed_at")).fetchAll(db)
        }
    }
}
