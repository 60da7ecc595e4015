/// What importing a roster would change, worked out before anything is written,
/// so that `--dry-run` and the real import show the same thing.
public struct RosterPlan: Equatable, Sendable {
    /// An officer as the store holds it now.
    public struct Existing: Equatable, Sendable {
        /// The agency's code for the person.
        public var employeeCode: String
        /// Name.
        public var name: PersonName
        /// Kind of staff.
        public var staffType: StaffType
        /// Position.
        public var position: String
        /// Current division's id.
        public var divisionID: Int64
        /// Whether the person is on the active roster.
        public var active: Bool

        /// An existing officer from its parts.
        public init(employeeCode: String, name: PersonName, staffType: StaffType, position: String, divisionID: Int64, active: Bool) {
            self.employeeCode = employeeCode
            self.name = name
            self.staffType = staffType
            self.position = position
            self.divisionID = divisionID
            self.active = active
        }
    }

    /// A division the roster may name, by its Thai name or short code.
    public struct Division: Equatable, Sendable {
        /// Store id.
        public var id: Int64
        /// Short code, e.g. "finance".
        public var code: String
        /// Thai name, e.g. "กองคลัง".
        public var name: String

        /// A division from its parts.
        public init(id: Int64, code: String, name: String) {
            self.id = id
            self.code = code
            self.name = name
        }
    }

    /// One officer's change.
    public struct Change: Equatable, Sendable {
        /// The row the change comes from.
        public var entry: Roster.Entry
        /// The division the row resolves to.
        public var divisionID: Int64
        /// What happens to the officer.
        public var kind: Kind

        /// The kinds of change.
        public enum Kind: Equatable, Sendable {
            /// A new officer.
            case add
            /// Name, type or position changed; `moved` when the division changed too.
            case update(moved: Bool)
            /// Nothing differs.
            case unchanged
        }
    }

    /// One change per roster row.
    public var changes: [Change]
    /// Active officers the file does not mention, by employee code.
    public var missing: [String]

    /// Officers added.
    public var added: Int { changes.filter { $0.kind == .add }.count }
    /// Officers changed, moved or not.
    public var updated: Int { changes.filter { if case .update = $0.kind { true } else { false } }.count }
    /// Officers who moved division.
    public var moved: Int { changes.filter { $0.kind == .update(moved: true) }.count }
    /// Officers the file repeats as they are.
    public var unchanged: Int { changes.filter { $0.kind == .unchanged }.count }

    /// Compares a roster with the store. Every row naming an unknown division
    /// is a problem on its line; then nothing is planned.
    public static func make(roster: Roster, existing: [Existing], divisions: [Division]) throws(RosterFailure) -> RosterPlan {
        let byKey = Dictionary(divisions.flatMap { [(ThaiText.answerKey($0.name), $0), (ThaiText.answerKey($0.code), $0)] },
                               uniquingKeysWith: { first, _ in first })
        let current = Dictionary(existing.map { ($0.employeeCode, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [Roster.Problem] = []
        var changes: [Change] = []
        for entry in roster.entries {
            guard let division = byKey[ThaiText.answerKey(entry.division)] else {
                let known = divisions.map(\.name).joined(separator: ", ")
                problems.append(.init(line: entry.line, message: "unknown division \"\(entry.division)\" (สังกัด); known divisions: \(known)"))
                continue
            }
            let kind: Change.Kind
            if let old = current[entry.employeeCode] {
                let moved = old.divisionID != division.id
                let same = !moved && old.name == entry.name && old.staffType == entry.staffType
                    && old.position == entry.position && old.active
                kind = same ? .unchanged : .update(moved: moved)
            } else {
                kind = .add
            }
            changes.append(Change(entry: entry, divisionID: division.id, kind: kind))
        }
        if !problems.isEmpty { throw RosterFailure(problems) }
        let inFile = Set(roster.entries.map(\.employeeCode))
        let missing = existing.filter { $0.active && !inFile.contains($0.employeeCode) }.map(\.employeeCode).sorted()
        return RosterPlan(changes: changes, missing: missing)
    }
}
