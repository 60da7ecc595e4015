import Hummingbird
import JariyaCore

extension Request {
    /// A whole-number query parameter that must be in `range` when present:
    /// a value that does not parse is the client's mistake (400), never a
    /// silent "no filter".
    func query(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        let values = uri.queryParameters.getAll(name)
        guard values.count <= 1 else { throw HTTPError(.badRequest, message: "\(name) is given \(values.count) times; give it once") }
        guard let raw = values.first, !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A fiscal year (Buddhist Era) in the query, within the years Jariya keeps.
    func fiscalYearQuery(_ name: String = "fiscalYear") throws -> Int? {
        try query(name, in: FiscalYear.earliest.buddhistYear...FiscalYear.latestKept.buddhistYear)
    }
}
