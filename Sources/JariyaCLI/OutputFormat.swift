import ArgumentParser
import Foundation

/// How reporting commands print: a table for people or JSON for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Prints a value as JSON on standard output and nothing else: sorted keys,
/// ISO 8601 dates, snake_case keys.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.keyEncodingStrategy = .convertToSnakeCase
    say(String(decoding: try encoder.encode(value), as: UTF8.self))
}
