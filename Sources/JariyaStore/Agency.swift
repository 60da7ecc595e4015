import Foundation
import GRDB

/// A public agency using Jariya, such as an อบต.
public struct Agency: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// Short code used on the command line and in serial numbers, e.g. "yodkaeng".
    public var code: String
    /// Full Thai name, "องค์การบริหารส่วนตำบลยอดแกง".
    public var name: String
    /// Short Thai name, "อบต.ยอดแกง".
    public var shortName: String
    /// จังหวัด.
    public var province: String
    /// อำเภอ.
    public var district: String
    /// When the agency was set up.
    public var createdAt: Date
    /// What certificate serials start with, e.g. "ยก" for "ยก-2567-0001".
    public var serialPrefix: String
    /// Who signs certificates, e.g. "นายสมชาย ใจดี".
    public var signerName: String
    /// The signer's position, e.g. "นายกองค์การบริหารส่วนตำบลยอดแกง".
    public var signerPosition: String
    /// Where the public verification pages live, e.g. "https://yodkaeng.go.th/jariya".
    public var verifyBaseUrl: String

    /// A new agency.
    public init(id: Int64? = nil, code: String, name: String, shortName: String, province: String, district: String, createdAt: Date,
                serialPrefix: String = "", signerName: String = "", signerPosition: String = "", verifyBaseUrl: String = "") {
        self.id = id
        self.code = code
        self.name = name
        self.shortName = shortName
        self.province = province
        self.district = district
        self.createdAt = createdAt
        self.serialPrefix = serialPrefix
        self.signerName = signerName
        self.signerPosition = signerPosition
        self.verifyBaseUrl = verifyBaseUrl
    }

    /// The serial prefix in force: the one set, else the agency's code.
    public var effectiveSerialPrefix: String { serialPrefix.isEmpty ? code.uppercased() : serialPrefix }

    public static let databaseTableName = "agency"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The divisions of a typical อบต. (domain.md §6), created with a new agency.
    public static let standardDivisions: [(code: String, name: String)] = [
        ("office", "สำนักปลัด"),
        ("finance", "กองคลัง"),
        ("works", "กองช่าง"),
        ("education", "กองการศึกษา ศาสนาและวัฒนธรรม"),
        ("health", "กองสาธารณสุขและสิ่งแวดล้อม"),
        ("welfare", "กองสวัสดิการสังคม"),
    ]
}

/// A division (สำนัก/กอง) of an agency.
public struct Division: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// Short code, e.g. "finance".
    public var code: String
    /// Thai name, e.g. "กองคลัง".
    public var name: String

    /// A new division.
    public init(id: Int64? = nil, agencyId: Int64, code: String, name: String) {
        self.id = id
        self.agencyId = agencyId
        self.code = code
        self.name = name
    }

    public static let databaseTableName = "division"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
