import Foundation
import GRDB

extension AppDatabase {
    /// Creates an agency with the standard divisions of an อบต.
    public func createAgency(_ agency: Agency, divisions: [(code: String, name: String)] = Agency.standardDivisions) throws -> Agency {
        try writer.write { db in
            if try Agency.filter(Column("code") == agency.code).fetchCount(db) > 0 {
                throw StoreError.agencyExists(agency.code)
            }
            var agency = agency
            try agency.insert(db)
            for (code, name) in divisions {
                var division = Division(agencyId: agency.id ?? 0, code: code, name: name)
                try division.insert(db)
            }
            return agency
        }
    }

    /// The agency with this code; with no code, the only agency there is.
    public func agency(code: String?) throws -> Agency {
        try writer.read { db in
            if let code {
                guard let agency = try Agency.filter(Column("code") == code).fetchOne(db) else { throw StoreError.unknownAgency(code) }
                return agency
            }
            let all = try Agency.order(Column("code")).fetchAll(db)
            guard let first = all.first else { throw StoreError.noAgency }
            guard all.count == 1 else { throw StoreError.ambiguousAgency(all.map(\.code)) }
            return first
        }
    }

    /// The agency with a row id.
    public func agency(id: Int64) throws -> Agency {
        try writer.read { db in
            guard let agency = try Agency.fetchOne(db, key: id) else { throw StoreError.unknownAgency(String(id)) }
            return agency
        }
    }

    /// Every agency in the database, by code.
    public func agencies() throws -> [Agency] {
        try writer.read { db in try Agency.order(Column("code")).fetchAll(db) }
    }

    /// The agency's divisions in the order they were created.
    public func divisions(agencyID: Int64) throws -> [Division] {
        try writer.read { db in
            try Division.filter(Column("agency_id") == agencyID).order(Column("id")).fetchAll(db)
        }
    }

    /// Adds a division.
    public func addDivision(agencyID: Int64, code: String, name: String) throws -> Division {
        try writer.write { db in
            var division = Division(agencyId: agencyID, code: code, name: name)
            try division.insert(db)
            return division
        }
    }
}
