import Foundation

/// A Thai government fiscal year (ปีงบประมาณ): 1 October to 30 September,
/// named by the Buddhist-Era year in which it ends (FY2567 = 2023-10-01 … 2024-09-30).
public struct FiscalYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The Buddhist-Era year the fiscal year ends in, e.g. 2567.
    public var buddhistYear: Int

    /// A fiscal year by its Buddhist-Era name.
    public init(_ buddhistYear: Int) { self.buddhistYear = buddhistYear }

    /// The Gregorian year in which the fiscal year ends.
    public var endingGregorianYear: Int { buddhistYear - 543 }

    /// The first day, 1 October of the year before.
    public var firstDay: CivilDate { CivilDate(year: endingGregorianYear - 1, month: 10, day: 1) }

    /// The last day, 30 September.
    public var lastDay: CivilDate { CivilDate(year: endingGregorianYear, month: 9, day: 30) }

    /// The fiscal year a Bangkok calendar day belongs to.
    public init(containing date: CivilDate) {
        self.init(date.year + 543 + (date.month >= 10 ? 1 : 0))
    }

    /// The fiscal year of an instant, judged by the Bangkok calendar.
    public init(containing instant: Date) {
        self.init(containing: CivilDate(instant, in: .bangkok))
    }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.buddhistYear < rhs.buddhistYear }

    /// "2567".
    public var description: String { String(buddhistYear) }
}

/// A quarter (ไตรมาส) of a fiscal year: Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep.
public struct FiscalQuarter: Hashable, Comparable, Sendable, Codable {
    /// The fiscal year the quarter is part of.
    public var fiscalYear: FiscalYear
    /// 1 to 4.
    public var number: Int

    /// A quarter by its year and number (1–4).
    public init(_ fiscalYear: FiscalYear, _ number: Int) {
        self.fiscalYear = fiscalYear
        self.number = number
    }

    /// The quarter a Bangkok calendar day belongs to.
    public init(containing date: CivilDate) {
        self.init(FiscalYear(containing: date), (date.month + 2) % 12 / 3 + 1)
    }

    /// The quarter of an instant, judged by the Bangkok calendar.
    public init(containing instant: Date) {
        self.init(containing: CivilDate(instant, in: .bangkok))
    }

    public static func < (lhs: FiscalQuarter, rhs: FiscalQuarter) -> Bool {
        (lhs.fiscalYear, lhs.number) < (rhs.fiscalYear, rhs.number)
    }
}

extension TimeZone {
    /// Asia/Bangkok, where every Thai fiscal date is judged (UTC+7, no DST).
    public static let bangkok = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
}
