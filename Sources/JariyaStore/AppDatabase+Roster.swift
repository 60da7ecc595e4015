import GRDB
import JariyaCore

extension AppDatabase {
    /// Imports a roster in one transaction: new officers are added, changed
    /// ones updated, and a change of division closes the old membership on
    /// `effective` and opens the new one, keeping the history reports need.
    /// With `dryRun`, works out the same plan and writes nothing.
    public func importRoster(_ roster: Roster, agencyID: Int64, effective: CivilDate,
                             dryRun: Bool = false, deactivateMissing: Bool = false) throws -> RosterPlan {
        try writer.write { db in
            let divisions = try Division.filter(Column("agency_id") == agencyID).fetchAll(db)
            let officers = try Officer.filter(Column("agency_id") == agencyID).fetchAll(db)
            let current = try currentMemberships(db, agencyID: agencyID)
            let existing = officers.map { officer in
                RosterPlan.Existing(employeeCode: officer.employeeCode, name: officer.name, staffType: officer.staffType,
                                    position: officer.position, divisionID: current[officer.id ?? 0]?.divisionId ?? 0,
                                    active: officer.active)
            }
            let plan: RosterPlan
            do {
                plan = try RosterPlan.make(roster: roster, existing: existing,
                                           divisions: divisions.map { .init(id: $0.id ?? 0, code: $0.code, name: $0.name) })
            } catch let failure as RosterFailure {
                throw StoreError.roster(failure)
            }
            if dryRun { return plan }

            let byCode = Dictionary(officers.map { ($0.employeeCode, $0) }, uniquingKeysWith: { first, _ in first })
            for change in plan.changes {
                let entry = change.entry
                switch change.kind {
                case .unchanged:
                    continue
                case .add:
                    var officer = Officer(agencyId: agencyID, employeeCode: entry.employeeCode, name: entry.name,
                                          staffType: entry.staffType, position: entry.position)
                    try officer.insert(db)
                    try openMembership(db, agencyID: agencyID, officerID: officer.id ?? 0, divisionID: change.divisionID, from: effective)
                case .update(let moved):
                    guard var officer = byCode[entry.employeeCode], let officerID = officer.id else { continue }
                    officer.name = entry.name
                    officer.staffType = entry.staffType
                    officer.position = entry.position
                    officer.active = true
                    try officer.update(db)
                    if moved {
                        try move(db, agencyID: agencyID, officerID: officerID, membership: current[officerID],
                                 to: change.divisionID, on: effective)
                    }
                }
            }
            if deactivateMissing && !plan.missing.isEmpty {
                try Officer
                    .filter(Column("agency_id") == agencyID && plan.missing.contains(Column("employee_code")))
                    .updateAll(db, Column("active").set(to: false))
            }
            return plan
        }
    }

    private func currentMemberships(_ db: Database, agencyID: Int64) throws -> [Int64: DivisionMembership] {
        let rows = try DivisionMembership
            .filter(Column("agency_id") == agencyID && Column("valid_until") == nil)
            .fetchAll(db)
        return Dictionary(rows.map { ($0.officerId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func openMembership(_ db: Database, agencyID: Int64, officerID: Int64, divisionID: Int64, from day: CivilDate) throws {
        var membership = DivisionMembership(agencyId: agencyID, officerId: officerID, divisionId: divisionID,
                                            validFrom: day.description, validUntil: nil)
        try membership.insert(db)
    }

    private func move(_ db: Database, agencyID: Int64, officerID: Int64, membership: DivisionMembership?,
                      to divisionID: Int64, on day: CivilDate) throws {
        guard var membership else {
            return try openMembership(db, agencyID: agencyID, officerID: officerID, divisionID: divisionID, from: day)
        }
        if membership.validFrom >= day.description {
            // A second move on the same day corrects the first rather than making a zero-length span.
            membership.divisionId = divisionID
            try membership.update(db)
        } else {
            membership.validUntil = day.description
            try membership.update(db)
            try openMembership(db, agencyID: agencyID, officerID: officerID, divisionID: divisionID, from: day)
        }
    }

    /// Active officers with their current division, in Thai order by first name
    /// then last name; `division` (code or Thai name) narrows the list.
    public func officers(agencyID: Int64, division: String? = nil, includeInactive: Bool = false) throws -> [OfficerListing] {
        try writer.read { db in
            let divisions = try Division.filter(Column("agency_id") == agencyID).fetchAll(db)
            var wanted: Division?
            if let division {
                let key = ThaiText.answerKey(division)
                guard let match = divisions.first(where: { ThaiText.answerKey($0.code) == key || ThaiText.answerKey($0.name) == key }) else {
                    throw StoreError.unknownDivision(division)
                }
                wanted = match
            }
            let byID = Dictionary(divisions.map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
            let current = try currentMemberships(db, agencyID: agencyID)
            var request = Officer.filter(Column("agency_id") == agencyID)
            if !includeInactive { request = request.filter(Column("active") == true) }
            let listings = try request.fetchAll(db).compactMap { officer -> OfficerListing? in
                guard let membership = current[officer.id ?? 0], let division = byID[membership.divisionId] else { return nil }
                if let wanted, wanted.id != division.id { return nil }
                return OfficerListing(officer: officer, division: division)
            }
            // SQLite's ORDER BY gets Thai wrong (it compares code points); sort in Swift.
            return listings.sorted { PersonName.thaiOrder($0.officer.name, $1.officer.name) }
        }
    }

    /// The division history of one officer, oldest first.
    public func memberships(officerID: Int64) throws -> [DivisionMembership] {
        try writer.read { db in
            try DivisionMembership.filter(Column("officer_id") == officerID).order(Column("valid_from")).fetchAll(db)
        }
    }

    /// The officer with this employee code.
    public func officer(agencyID: Int64, employeeCode: String) throws -> Officer {
        try writer.read { db in
            guard let officer = try Officer.filter(Column("agency_id") == agencyID && Column("employee_code") == employeeCode).fetchOne(db) else {
                throw StoreError.unknownOfficer(employeeCode)
            }
            return officer
        }
    }
}
