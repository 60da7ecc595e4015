/// A person's name as Thai forms write it: a prefix (คำนำหน้า) such as นาย,
/// then first and last name.
public struct PersonName: Hashable, Sendable, Codable {
    /// นาย, นาง, นางสาว, a rank, or empty when the roster gave none.
    public var prefix: String
    /// The given name.
    public var firstName: String
    /// The family name.
    public var lastName: String

    /// A name as the database keeps it, cleaned when it was imported: reading
    /// a hundred thousand officers for a report need not clean them again.
    public static func stored(prefix: String, firstName: String, lastName: String) -> PersonName {
        PersonName(unchecked: prefix, firstName, lastName)
    }

    private init(unchecked prefix: String, _ firstName: String, _ lastName: String) {
        self.prefix = prefix
        self.firstName = firstName
        self.lastName = lastName
    }

    /// A name from its parts, cleaned as Thai text.
    public init(prefix: String, firstName: String, lastName: String) {
        self.prefix = ThaiText.clean(prefix)
        self.firstName = ThaiText.clean(firstName)
        self.lastName = ThaiText.clean(lastName)
    }

    /// The name as formal writing prints it: no space between prefix and first name.
    public var formal: String {
        "\(prefix)\(firstName) \(lastName)"
    }

    /// Prefixes recognised at the start of a name cell, longest first so that
    /// นางสาว is not read as นาง + สาว.
    public static let knownPrefixes: [String] = [
        "ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยโทหญิง", "ว่าที่ร้อยเอกหญิง",
        "ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก",
        "ว่าที่ ร.ต.หญิง", "ว่าที่ ร.ต.", "ว่าที่ร.ต.",
        "สิบเอกหญิง", "สิบโทหญิง", "สิบตรีหญิง", "จ่าสิบเอก", "จ่าสิบโท", "จ่าสิบตรี",
        "สิบเอก", "สิบโท", "สิบตรี", "จ่าเอก", "จ่าโท", "จ่าตรี",
        "ดร.", "นางสาว", "น.ส.", "นาง", "นาย", "Mrs.", "Miss", "Ms.", "Mr.",
    ].sorted { $0.count > $1.count }

    /// Splits a known prefix off the front of a cell such as "นางสาวกฤษณ์ธิดา",
    /// longest prefix first. Returns an empty prefix when none is known.
    public static func splitPrefix(_ cell: String) -> (prefix: String, rest: String) {
        let text = ThaiText.clean(cell)
        for prefix in knownPrefixes where text.hasPrefix(prefix) {
            let rest = ThaiText.clean(String(text.dropFirst(prefix.count)))
            if !rest.isEmpty { return (prefix, rest) }
        }
        return ("", text)
    }

    /// Reads a whole-name cell ("นางสาวกฤษณ์ธิดา ศรีสุข"): the prefix, then the
    /// first word as the first name and the remaining words as the last name.
    public static func parse(fullName cell: String) -> PersonName {
        let (prefix, rest) = splitPrefix(cell)
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        return PersonName(prefix: prefix, firstName: words.first ?? "", lastName: words.count > 1 ? words[1] : "")
    }
}

extension PersonName {
    /// Thai order for lists of people: by first name, then last name.
    public static func thaiOrder(_ lhs: PersonName, _ rhs: PersonName) -> Bool {
        if lhs.firstName != rhs.firstName { return ThaiText.precedes(lhs.firstName, rhs.firstName) }
        return ThaiText.precedes(lhs.lastName, rhs.lastName)
    }

    /// The name's place in Thai order, computed once, for sorting long lists.
    public var sortKey: SortKey { SortKey(name: self) }

    /// The same order as one flat array, compared lexicographically: first
    /// name, then last name, the marks of each only when the letters tie (0
    /// separates the parts and sorts before every letter). Nil for a name
    /// with anything but Thai letters, which needs the locale's comparison.
    public var flatSortKey: [UInt32]? {
        guard let first = ThaiText.sortKey(firstName), let last = ThaiText.sortKey(lastName) else { return nil }
        return first.primary + [0] + first.marks + [0] + last.primary + [0] + last.marks
    }

    /// A precomputed Thai order: `a.sortKey < b.sortKey` exactly when `thaiOrder(a, b)`.
    public struct SortKey: Comparable, Sendable {
        let name: PersonName
        let first: (primary: [UInt32], marks: [UInt32])?
        let last: (primary: [UInt32], marks: [UInt32])?

        init(name: PersonName) {
            self.name = name
            first = ThaiText.sortKey(name.firstName)
            last = ThaiText.sortKey(name.lastName)
        }

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            guard let leftFirst = lhs.first, let rightFirst = rhs.first, let leftLast = lhs.last, let rightLast = rhs.last else {
                return thaiOrder(lhs.name, rhs.name)
            }
            if lhs.name.firstName != rhs.name.firstName { return Self.precedes(leftFirst, rightFirst) }
            return Self.precedes(leftLast, rightLast)
        }

        public static func == (lhs: SortKey, rhs: SortKey) -> Bool {
            lhs.name.firstName == rhs.name.firstName && lhs.name.lastName == rhs.name.lastName
        }

        private static func precedes(_ lhs: (primary: [UInt32], marks: [UInt32]), _ rhs: (primary: [UInt32], marks: [UInt32])) -> Bool {
            lhs.primary != rhs.primary ? lhs.primary.lexicographicallyPrecedes(rhs.primary) : lhs.marks.lexicographicallyPrecedes(rhs.marks)
        }
    }
}
