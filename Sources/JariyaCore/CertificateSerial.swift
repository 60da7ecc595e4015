/// Certificate numbers and verification codes.
public enum CertificateSerial {
    /// "ยก-2567-0001": the agency's prefix, the fiscal year and a running
    /// number from 1 each year, at least four digits so lists sort.
    public static func format(prefix: String, fiscalYear: Int, number: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(prefix)-\(fiscalYear)-\(padded)"
    }

    /// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud
    /// or typed from paper is not mistaken.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A verification code of 8 characters in two groups, "7F3K-92QX"
    /// (40 random bits: guessing a valid one is hopeless).
    public static func code<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let characters = (0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }

    /// A code as typed by a person, made canonical: upper case, the dash
    /// put back, O read as 0 and I or L as 1. Nil when it cannot be a code.
    public static func normalizedCode(_ text: String) -> String? {
        var characters: [Character] = []
        for character in text.uppercased() where character != "-" && character != " " {
            switch character {
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == 8 else { return nil }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }
}
