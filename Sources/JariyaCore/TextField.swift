import Foundation

/// The one rule for text Jariya accepts, whatever brings it in: the API, a web
/// form, a command's option, a roster or sign-in sheet cell.
///
/// Control characters are refused rather than stripped: a NUL cut stored text
/// short while the ledger hashed all of it, and a person should learn that
/// their text held something invisible instead of having it changed silently.
/// Text that passes is normalised to NFC before anything stores, hashes or
/// compares it, so what is stored is exactly what is hashed.
public struct TextField: Hashable, Sendable {
    /// The field's name, as messages show it.
    public let name: String
    /// The most Unicode scalars the field holds (as JSON Schema's `maxLength` counts).
    public let maxLength: Int
    /// Whether line breaks and tabs are part of the text (reasons, notes).
    public let multiline: Bool

    /// A field with its limits.
    public init(_ name: String, maxLength: Int, multiline: Bool = false) {
        self.name = name
        self.maxLength = maxLength
        self.multiline = multiline
    }

    /// The text as it is stored: NFC, and for one-line fields cleaned as
    /// names are (`ThaiText.clean`); or the reason it is refused.
    public func accept(_ raw: String) throws(TextRefusal) -> String {
        // Counted as typed, as JSON Schema's maxLength counts what is sent.
        var count = 0
        for scalar in raw.unicodeScalars {
            count += 1
            if Self.isControl(scalar.value, multiline: multiline) {
                throw TextRefusal(field: name, problem: .control(scalar.value, position: count))
            }
        }
        guard count <= maxLength else { throw TextRefusal(field: name, problem: .tooLong(count, limit: maxLength)) }
        let nfc = raw.precomposedStringWithCanonicalMapping
        // ำ typed as nikhahit + sara aa looks the same but is not the same
        // text even in NFC: one spelling is kept, so searches and sorts agree.
        let thai = nfc.replacingOccurrences(of: "\u{0E4D}\u{0E32}", with: "\u{0E33}")
        return multiline ? Self.cleanLines(thai) : ThaiText.clean(thai)
    }

    /// `accept` for a field that may be absent; nil stays nil.
    public func accept(_ raw: String?) throws(TextRefusal) -> String? {
        guard let raw else { return nil }
        return try accept(raw)
    }

    /// Holds text to the length limit only, unchanged: a password is compared as typed.
    public func checkLength(_ raw: String) throws(TextRefusal) {
        let count = raw.unicodeScalars.count
        guard count <= maxLength else { throw TextRefusal(field: name, problem: .tooLong(count, limit: maxLength)) }
    }

    /// Whether the text is already what `accept` would store, for stores that
    /// check again before hashing (the ledger).
    public static func isStorable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { isControl($0.value, multiline: true) }
            && text == text.precomposedStringWithCanonicalMapping
    }

    /// C0 controls (NUL, escape…), DEL and C1 controls; tab, line feed and
    /// carriage return only where the field has lines.
    static func isControl(_ value: UInt32, multiline: Bool) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: !multiline
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Multi-line text: Windows and old Mac line ends made `\n`, zero-width
    /// characters dropped, blank space at either end trimmed.
    private static func cleanLines(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let kept = String(String.UnicodeScalarView(lines.unicodeScalars.filter { ![0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains($0.value) }))
        return kept.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Text a field refused, naming the field and what was wrong.
public struct TextRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's name.
    public let field: String
    /// What was wrong.
    public let problem: Problem

    /// What can be wrong with text.
    public enum Problem: Equatable, Sendable {
        /// A control character, by code point, at a 1-based position.
        case control(UInt32, position: Int)
        /// Longer than the field holds.
        case tooLong(Int, limit: Int)
    }

    public var description: String {
        switch problem {
        case let .control(value, position):
            "\(field): the control character \(Self.codePoint(value)) at character \(position) is not allowed; type the text again without it"
        case let .tooLong(count, limit):
            "\(field): \(count) characters is too long; at most \(limit)"
        }
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension TextField {
    /// A login name.
    public static let username = TextField("username", maxLength: 64)
    /// A password: only its length is limited (hashing a megabyte is work an attacker would love).
    public static let password = TextField("password", maxLength: 1024)
    /// A user's display name, a person's name part, a position.
    public static let personName = TextField("name", maxLength: 200)
    /// An employee code (รหัสพนักงาน).
    public static let employeeCode = TextField("employee code", maxLength: 32)
    /// A session's title.
    public static let sessionTitle = TextField("title", maxLength: 300)
    /// Where a session is held.
    public static let place = TextField("place", maxLength: 300)
    /// Who lectures.
    public static let trainer = TextField("trainer", maxLength: 200)
    /// Why a mark was corrected or a certificate revoked.
    public static let reason = TextField("reason", maxLength: 1000, multiline: true)
    /// The room's check-in code as typed.
    public static let checkInCode = TextField("code", maxLength: 16)
    /// The report's problems and suggestions.
    public static let notes = TextField("notes", maxLength: 5000, multiline: true)
    /// An agency's or division's name, a signer's position.
    public static let organisation = TextField("name", maxLength: 300)
    /// A short code: an agency code, a serial prefix.
    public static let shortCode = TextField("code", maxLength: 32)
    /// A web address.
    public static let address = TextField("address", maxLength: 500)

    /// The same limits under another field name, for messages.
    public func named(_ name: String) -> TextField {
        TextField(name, maxLength: maxLength, multiline: multiline)
    }
}
