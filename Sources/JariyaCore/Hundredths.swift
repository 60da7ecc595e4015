/// Integer hundredths (basis points of a percent, hundredths of a point)
/// written as a decimal with two places, the one way every screen, file and
/// report prints a score.
public enum Hundredths {
    /// "85.00" from 8500, "2.33" from 233, "-4.50" from -450.
    public static func text(_ value: Int) -> String {
        let magnitude = value.magnitude
        let remainder = magnitude % 100
        return "\(value < 0 ? "-" : "")\(magnitude / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }
}
