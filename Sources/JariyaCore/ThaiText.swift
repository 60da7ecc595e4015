import Foundation

/// Rules for Thai text as people type it into spreadsheets, forms and answers.
public enum ThaiText {
    private static let thai = Locale(identifier: "th_TH")

    /// A name or label as it should be stored: NFC, without zero-width
    /// characters, with no-break spaces turned into plain spaces, runs of
    /// spaces folded and the ends trimmed.
    public static func clean(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in nfc.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x00A0, 0x2007, 0x202F, 0x09, 0x0A, 0x0D, 0x20, 0x3000:
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            default:
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The form two short answers are compared in: cleaned, the two spellings
    /// of sara am (ำ and ํ + า) made one, Thai digits made Arabic, letters
    /// lower-cased, and every space removed (Thai writes words without them).
    public static func answerKey(_ text: String) -> String {
        let cleaned = clean(text).replacingOccurrences(of: "\u{0E4D}\u{0E32}", with: "\u{0E33}")
        var scalars = String.UnicodeScalarView()
        for scalar in cleaned.lowercased().unicodeScalars {
            if (0x0E50...0x0E59).contains(scalar.value), let digit = Unicode.Scalar(scalar.value - 0x0E50 + 0x30) {
                scalars.append(digit)
            } else if scalar != " " {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Thai dictionary order: a leading vowel (เ แ โ ใ ไ) is passed over, so
    /// "เกศินี" sorts under ก, before "ขวัญ". Plain `<` on strings gets this wrong.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        // Thai text is ordered by a key built once per string, which is what a
        // report sorting tens of thousands of names needs; anything else (Latin
        // names, digits) goes to the locale's comparison.
        if let left = sortKey(lhs), let right = sortKey(rhs) {
            if left.primary != right.primary { return left.primary.lexicographicallyPrecedes(right.primary) }
            if left.marks != right.marks { return left.marks.lexicographicallyPrecedes(right.marks) }
            return false
        }
        return lhs.compare(rhs, options: [], range: nil, locale: thai) == .orderedAscending
    }

    /// The Thai dictionary order of a string as a key: consonants and vowels
    /// in code-point order (which is dictionary order) with a leading vowel
    /// (เ แ โ ใ ไ) moved after the consonant it is read after, and the tone
    /// and other marks compared only when everything else is equal. Nil when
    /// the text holds anything but Thai letters, Arabic digits and spaces.
    public static func sortKey(_ text: String) -> (primary: [UInt32], marks: [UInt32])? {
        var primary: [UInt32] = []
        var marks: [UInt32] = []
        primary.reserveCapacity(text.unicodeScalars.count)
        var pendingVowel: UInt32?
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0E40...0x0E44:
                if let vowel = pendingVowel { primary.append(vowel) }
                pendingVowel = value
            case 0x0E01...0x0E2E:
                primary.append(value)
                if let vowel = pendingVowel { primary.append(vowel); pendingVowel = nil }
            case 0x0E47...0x0E4E:
                marks.append(value)
                marks.append(UInt32(primary.count))
            case 0x0E2F...0x0E3A, 0x0E45, 0x0E46, 0x20, 0x30...0x39:
                // Arabic digits sort before every letter, as in the locale.
                if let vowel = pendingVowel { primary.append(vowel); pendingVowel = nil }
                primary.append(value)
            default:
                return nil
            }
        }
        if let vowel = pendingVowel { primary.append(vowel) }
        return (primary, marks)
    }

    /// Text that was Thai UTF-8 read as Latin-1 somewhere along the way
    /// ("à¸" is the start of every such Thai letter). It cannot be repaired
    /// reliably, so it is refused with a message.
    public static func looksLikeMojibake(_ text: String) -> Bool {
        text.contains("à¸") || text.contains("à¹")
    }

    /// Arabic digits written as Thai digits (๐–๙), as certificates and letters use them.
    public static func thaiDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if (0x30...0x39).contains(scalar.value), let thai = Unicode.Scalar(scalar.value - 0x30 + 0x0E50) {
                return thai
            }
            return scalar
        }))
    }
}
