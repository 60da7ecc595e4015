import Foundation
import JariyaCore

/// The compliance report as JSON: snake_case keys in a fixed order, so the
/// file a program reads today reads the same way next year.
public enum ComplianceReportJSON {
    /// Pretty-printed, keys sorted, slashes left alone; HR's completion report is written the same way.
    public static func encode(_ report: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(report) + Data("\n".utf8)
    }
}
