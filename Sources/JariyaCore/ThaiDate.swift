/// Buddhist-Era dates in the forms Thai documents use. Built from tables rather
/// than a DateFormatter so the result does not depend on the machine's ICU data.
public enum ThaiDate {
    /// มกราคม … ธันวาคม.
    public static let monthNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]

    /// ม.ค. … ธ.ค., for tables.
    public static let monthAbbreviations = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]

    /// "25 พฤศจิกายน 2569", or with Thai digits "๒๕ พฤศจิกายน ๒๕๖๙".
    public static func long(_ date: CivilDate, thaiDigits: Bool = false) -> String {
        digits("\(date.day) \(monthNames[date.month - 1]) \(date.buddhistYear)", thaiDigits)
    }

    /// "25 พ.ย. 2569", for tables.
    public static func short(_ date: CivilDate, thaiDigits: Bool = false) -> String {
        digits("\(date.day) \(monthAbbreviations[date.month - 1]) \(date.buddhistYear)", thaiDigits)
    }

    /// The date line of a certificate:
    /// "ให้ไว้ ณ วันที่ 25 เดือนพฤศจิกายน พุทธศักราช 2569".
    public static func certificateLine(_ date: CivilDate, thaiDigits: Bool = false) -> String {
        digits("ให้ไว้ ณ วันที่ \(date.day) เดือน\(monthNames[date.month - 1]) พุทธศักราช \(date.buddhistYear)", thaiDigits)
    }

    private static func digits(_ text: String, _ thai: Bool) -> String {
        thai ? ThaiText.thaiDigits(text) : text
    }
}
