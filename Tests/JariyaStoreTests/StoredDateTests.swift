import Foundation
import GRDB
import JariyaCore
import Testing
@testable import JariyaStore

/// The hot path writes and reads dates without GRDB's formatters: the text
/// must be GRDB's to the byte, or rows would compare and sort wrongly.
@Suite struct StoredDateTests {
    @Test func theTextIsGRDBsAndReadsBackAsGRDBReadsIt() {
        var random = SeededGenerator(seed: 2567)
        // From before the earliest fiscal year Jariya takes (BE 2501) to after the latest it keeps (BE 2700).
        let first = Date(timeIntervalSince1970: -400_000_000), last = Date(timeIntervalSince1970: 6_000_000_000)
        var dates = [first, last, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_731_000_000.9996),
                     Date(timeIntervalSince1970: -0.0004), Date(timeIntervalSince1970: 951_782_400)] // 2000-02-29
        for _ in 0..<5000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: first.timeIntervalSince1970...last.timeIntervalSince1970,
                                                                   using: &random)))
        }
        for date in dates {
            let grdb = String.fromDatabaseValue(date.databaseValue)
            #expect(StoredDate.text(date) == grdb, "\(date.timeIntervalSince1970)")
            if let grdb {
                #expect(StoredDate.date(grdb) == Date.fromDatabaseValue(grdb.databaseValue), "\(grdb)")
            }
        }
    }

    @Test func otherFormsAreLeftToGRDB() {
        for text in ["2024-11-07", "2024-11-07 09:00", "2024-11-07T09:00:00.000", "2024-13-01 00:00:00.000", "1731000000", ""] {
            #expect(StoredDate.date(text) == nil, "\(text)")
        }
    }
}
