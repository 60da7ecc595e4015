import Foundation
import JariyaCore
import Testing

@Suite struct FiscalCalendarTests {
    static func bangkok(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .bangkok
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test(arguments: [
        (CivilDate(year: 2023, month: 10, day: 1), 2567, 1),
        (CivilDate(year: 2023, month: 12, day: 31), 2567, 1),
        (CivilDate(year: 2024, month: 1, day: 1), 2567, 2),
        (CivilDate(year: 2024, month: 3, day: 31), 2567, 2),
        (CivilDate(year: 2024, month: 4, day: 1), 2567, 3),
        (CivilDate(year: 2024, month: 6, day: 30), 2567, 3),
        (CivilDate(year: 2024, month: 7, day: 1), 2567, 4),
        (CivilDate(year: 2024, month: 9, day: 30), 2567, 4),
        (CivilDate(year: 2024, month: 10, day: 1), 2568, 1),
        (CivilDate(year: 2026, month: 11, day: 25), 2570, 1),
    ])
    func quartersOfDays(day: CivilDate, year: Int, quarter: Int) {
        #expect(FiscalQuarter(containing: day) == FiscalQuarter(FiscalYear(year), quarter))
    }

    @Test func instantsAreJudgedInBangkok() {
        let lateOnTheLastDay = Self.bangkok(2024, 9, 30, 23, 30) // 16:30 UTC
        #expect(FiscalQuarter(containing: lateOnTheLastDay) == FiscalQuarter(FiscalYear(2567), 4))
        let justAfterMidnight = Self.bangkok(2024, 10, 1, 0, 10) // 17:10 UTC on 30 Sep
        #expect(FiscalQuarter(containing: justAfterMidnight) == FiscalQuarter(FiscalYear(2568), 1))
    }

    @Test func fiscalYearBounds() {
        #expect(FiscalYear(2567).firstDay == CivilDate(year: 2023, month: 10, day: 1))
        #expect(FiscalYear(2567).lastDay == CivilDate(year: 2024, month: 9, day: 30))
    }

    @Test(arguments: [
        ("2024-09-30", CivilDate(year: 2024, month: 9, day: 30)),
        ("30/09/2567", CivilDate(year: 2024, month: 9, day: 30)),
        ("1/10/2566", CivilDate(year: 2023, month: 10, day: 1)),
        ("25/11/2026", CivilDate(year: 2026, month: 11, day: 25)),
        ("๒๕/๑๑/๒๕๖๙", CivilDate(year: 2026, month: 11, day: 25)),
    ])
    func thaiInputDates(text: String, expected: CivilDate) {
        #expect(CivilDate(thaiInput: text) == expected)
    }

    @Test(arguments: ["2024-02-30", "31/04/2567", "yesterday", "2024-13-01", ""])
    func impossibleDatesAreRefused(text: String) {
        #expect(CivilDate(thaiInput: text) == nil)
    }

    @Test func thaiDateForms() {
        let day = CivilDate(year: 2026, month: 11, day: 25)
        #expect(ThaiDate.long(day) == "25 พฤศจิกายน 2569")
        #expect(ThaiDate.long(day, thaiDigits: true) == "๒๕ พฤศจิกายน ๒๕๖๙")
        #expect(ThaiDate.short(day) == "25 พ.ย. 2569")
        #expect(day.description == "2026-11-25")
    }
}

@Suite struct CivilDateArithmeticTests {
    /// The arithmetic agrees with Foundation's calendar, day by day, across
    /// leap years, the turn of centuries and instants before 1970.
    @Test(arguments: [-2_208_988_800.0, -1.0, 0, 951_782_400, 1_709_164_800, 1_727_713_800, 4_102_444_799])
    func agreesWithTheCalendar(start: Double) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .bangkok
        for step in stride(from: 0.0, to: 3 * 86_400, by: 3_599) {
            let instant = Date(timeIntervalSince1970: start + step)
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            #expect(CivilDate(instant, in: .bangkok) == CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0))
        }
    }
}

@Suite struct CivilDateISOTests {
    @Test func isoDaysAreReadExactly() {
        let table: [(String, CivilDate?)] = [
            ("2024-02-29", CivilDate(year: 2024, month: 2, day: 29)),
            ("2023-10-01", CivilDate(year: 2023, month: 10, day: 1)),
            ("2023-02-29", nil), ("2024-2-29", nil), ("2024-02-291", nil), ("2024/02/29", nil),
            ("+024-02-29", nil), ("2024-0a-01", nil), ("๒๕๖๗-๐๑-๐๑", nil), ("", nil),
        ]
        for (text, expected) in table {
            #expect(CivilDate(iso: text) == expected, "\(text)")
        }
    }
}
