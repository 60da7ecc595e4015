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

    /// The first fiscal year Jariya keeps (1 October 1957 on): the store's
    /// tables hold years after 2500, and no agency trains in the past.
    public static let earliest = FiscalYear(2501)
    /// How many fiscal years past the current one a plan may reach.
    public static let yearsAhead = 5
    /// The last fiscal year a query may name: no agency of this century plans
    /// past it, and a year that does not fit is a typing mistake.
    public static let latestKept = FiscalYear(2700)

    /// Whether an instant falls in a fiscal year Jariya accepts, judged
    /// against `now`: from `earliest` to `yearsAhead` years after now's.
    public static func accepts(_ instant: Date, now: Date) -> Bool {
        let year = FiscalYear(containing: instant)
        return year >= earliest && year.buddhistYear <= FiscalYear(containing: now).buddhistYear + yearsAhead
    }

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

    /// The quarter's first Bangkok calendar day.
    public var firstDay: CivilDate {
        let year = fiscalYear.endingGregorianYear
        return number == 1 ? CivilDate(year: year - 1, month: 10, day: 1) : CivilDate(year: year, month: 3 * number - 5, day: 1)
    }

    /// The quarter's last Bangkok calendar day: 31 Dec, 31 Mar, 30 Jun or 30 Sep.
    public var lastDay: CivilDate {
        let year = fiscalYear.endingGregorianYear
        switch number {
        case 1: return CivilDate(year: year - 1, month: 12, day: 31)
        case 2: return CivilDate(year: year, month: 3, day: 31)
        case 3: return CivilDate(year: year, month: 6, day: 30)
        default: return CivilDate(year: year, month: 9, day: 30)
        }
    }
}

extension TimeZone {
    /// Asia/Bangkok, where every Thai fiscal date is judged (UTC+7, no DST).
    public static let bangkok = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
}
