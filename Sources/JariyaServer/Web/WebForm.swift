import Foundation

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`),
/// in order; a name may repeat, as checkboxes do.
public struct WebForm: Sendable {
    /// Name and value pairs as sent.
    public var fields: [(name: String, value: String)] = []

    /// An empty form.
    public init() {}

    /// The first value of a field.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of a field.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Reads a form body; pairs that do not decode are dropped.
    public static func parse(_ body: String) -> WebForm {
        var form = WebForm()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else { continue }
            form.fields.append((name, value))
        }
        return form
    }
}
