import Foundation
import GRDB
import JariyaCore

/// A course HR assigned for a fiscal year, to everyone or to one division.
public struct CourseAssignment: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// The course.
    public var courseKey: String
    /// The fiscal year (BE).
    public var fiscalYear: Int
    /// The division's name, nil for every officer.
    public var division: String?
    /// Who assigned it.
    public var assignedBy: String
    /// When.
    public var assignedAt: Date
}

extension AppDatabase {
    /// Assigns a course for a fiscal year to every officer (`divisionCode` nil)
    /// or one division; assigning it again changes nothing.
    public func assign(agencyID: Int64, courseKey: String, fiscalYear: Int, divisionCode: String?, by actor: String, now: Date) throws {
        try writer.write { db in
            var divisionID: Int64?
            if let divisionCode {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM division WHERE agency_id = ? AND code = ?",
                                                  arguments: [agencyID, divisionCode]) else {
                    throw StoreError.unknownDivision(divisionCode)
                }
                divisionID = id
            }
            try db.execute(sql: """
                INSERT INTO course_assignment (agency_id, course_key, fiscal_year, division_id, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [agencyID, courseKey, fiscalYear, divisionID, actor, now])
        }
    }

    /// Takes an assignment back.
    public func removeAssignment(agencyID: Int64, id: Int64) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM course_assignment WHERE agency_id = ? AND id = ?", arguments: [agencyID, id])
            // Another agency's assignment is as missing as one that never was.
            if db.changesCount == 0 { throw StoreError.unknownAssignment(id) }
        }
    }

    /// The agency's assignments for a fiscal year, by course then division.
    public func assignments(agencyID: Int64, fiscalYear: Int) throws -> [CourseAssignment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.course_key, a.fiscal_year, d.name, a.assigned_by, a.assigned_at
                FROM course_assignment a LEFT JOIN division d ON d.id = a.division_id
                WHERE a.agency_id = ? AND a.fiscal_year = ? ORDER BY a.course_key, d.id IS NOT NULL, d.id
                """, arguments: [agencyID, fiscalYear]).map {
                CourseAssignment(id: $0[0], courseKey: $0[1], fiscalYear: $0[2], division: $0[3], assignedBy: $0[4], assignedAt: $0[5])
            }
        }
    }

    /// The courses an officer must take in a fiscal year: those assigned to
    /// everyone and those assigned to the division they belong to now.
    public func assignedCourseKeys(officerID: Int64, agencyID: Int64, fiscalYear: Int) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT course_key FROM course_assignment
                WHERE agency_id = ? AND fiscal_year = ? AND (division_id IS NULL OR division_id IN
                    (SELECT division_id FROM division_membership WHERE officer_id = ? AND valid_until IS NULL))
                """, arguments: [agencyID, fiscalYear, officerID]))
        }
    }

    /// Notes that an officer opened a module; only the first time is kept.
    public func recordModuleRead(officerID: Int64, courseKey: String, fiscalYear: Int, moduleID: String, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO module_read (officer_id, course_key, fiscal_year, module_id, first_read_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, arguments: [officerID, courseKey, fiscalYear, moduleID, now])
        }
    }

    /// The modules of a course an officer has opened in a fiscal year.
    public func modulesRead(officerID: Int64, courseKey: String, fiscalYear: Int) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT module_id FROM module_read WHERE officer_id = ? AND course_key = ? AND fiscal_year = ?",
                                    arguments: [officerID, courseKey, fiscalYear]))
        }
    }
}
