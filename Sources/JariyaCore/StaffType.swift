/// The kinds of staff of a local agency (domain.md §6). Executives and council
/// members can be trained too but are counted apart from the staff.
public enum StaffType: String, Hashable, Sendable, Codable, CaseIterable {
    /// พนักงานส่วนตำบล, career local officials.
    case career
    /// ลูกจ้างประจำ, permanent employees.
    case permanent
    /// พนักงานจ้างตามภารกิจ, mission contract staff.
    case missionContract = "mission-contract"
    /// พนักงานจ้างทั่วไป, general contract staff.
    case generalContract = "general-contract"
    /// ผู้บริหาร, the elected executive and deputies.
    case executive
    /// สมาชิกสภา, council members.
    case council

    /// The Thai label rosters and reports use.
    public var thai: String {
        switch self {
        case .career: "พนักงานส่วนตำบล"
        case .permanent: "ลูกจ้างประจำ"
        case .missionContract: "พนักงานจ้างตามภารกิจ"
        case .generalContract: "พนักงานจ้างทั่วไป"
        case .executive: "ผู้บริหาร"
        case .council: "สมาชิกสภา"
        }
    }

    /// Whether the type counts as staff in coverage figures.
    public var isStaff: Bool { self != .executive && self != .council }

    /// Reads a roster cell: the Thai label, a common variant, or the English code.
    public init?(roster cell: String) {
        let key = ThaiText.answerKey(cell)
        let variants: [String: StaffType] = [
            "พนักงานส่วนตำบล": .career, "พนักงานส่วนท้องถิ่น": .career, "ข้าราชการ": .career,
            "ลูกจ้างประจำ": .permanent,
            "พนักงานจ้างตามภารกิจ": .missionContract, "พนักงานจ้างภารกิจ": .missionContract,
            "พนักงานจ้างทั่วไป": .generalContract,
            "ผู้บริหาร": .executive, "ผู้บริหารท้องถิ่น": .executive,
            "สมาชิกสภา": .council, "สมาชิกสภาท้องถิ่น": .council, "สมาชิกสภาอบต.": .council,
        ]
        if let type = variants[key] ?? StaffType(rawValue: key) {
            self = type
        } else {
            return nil
        }
    }
}

/// What a user may do.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Reads, takes tests, checks in, downloads own certificates.
    case officer
    /// Writes and publishes courses, runs sessions.
    case trainer
    /// Imports the roster, follows completion, pulls reports.
    case hr
    /// Manages users and the agency profile.
    case admin

    /// The Thai name of the role.
    public var thai: String {
        switch self {
        case .officer: "เจ้าหน้าที่"
        case .trainer: "วิทยากร"
        case .hr: "งานบุคคล"
        case .admin: "ผู้ดูแลระบบ"
        }
    }

    private var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
