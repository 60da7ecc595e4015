import GRDB
import JariyaCore

/// A person on the agency's roster.
public struct Officer: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The agency's own code for the person.
    public var employeeCode: String
    /// คำนำหน้า.
    public var prefix: String
    /// ชื่อ.
    public var firstName: String
    /// นามสกุล.
    public var lastName: String
    /// Kind of staff.
    public var staffType: StaffType
    /// ตำแหน่ง.
    public var position: String
    /// Whether the person is on the active roster.
    public var active: Bool

    /// A new officer.
    public init(id: Int64? = nil, agencyId: Int64, employeeCode: String, name: PersonName,
                staffType: StaffType, position: String, active: Bool = true) {
        self.id = id
        self.agencyId = agencyId
        self.employeeCode = employeeCode
        self.prefix = name.prefix
        self.firstName = name.firstName
        self.lastName = name.lastName
        self.staffType = staffType
        self.position = position
        self.active = active
    }

    /// The person's name.
    public var name: PersonName {
        get { PersonName(prefix: prefix, firstName: firstName, lastName: lastName) }
        set {
            prefix = newValue.prefix
            firstName = newValue.firstName
            lastName = newValue.lastName
        }
    }

    public static let databaseTableName = "officer"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A span of time an officer belonged to a division; `validUntil` is exclusive, nil while current.
public struct DivisionMembership: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The officer.
    public var officerId: Int64
    /// The division.
    public var divisionId: Int64
    /// First day, ISO date in Bangkok.
    public var validFrom: String
    /// First day no longer in the division, or nil.
    public var validUntil: String?

    public static let databaseTableName = "division_membership"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An officer with the division they are in now, for lists.
public struct OfficerListing: Hashable, Sendable {
    /// The officer.
    public var officer: Officer
    /// The current division.
    public var division: Division
}
