import JariyaCore

/// The report's two charts as inline SVG, built from numbers and fixed
/// labels only, so the markup can go into the page unescaped.
public enum ReportCharts {
    /// Cumulative completion by the end of each quarter, as bars (0–100 %).
    public static func coverage(_ quarters: [ComplianceReport.QuarterRow]) -> String {
        var bars = ""
        for (index, quarter) in quarters.enumerated() {
            let x = 60 + index * 110
            let height = quarter.cumulativeCompletedBp * 180 / 10_000
            bars += ##"<rect x="\##(x)" y="\##(200 - height)" width="70" height="\##(height)" fill="#2f6b4f"/>"##
            bars += ##"<text x="\##(x + 35)" y="\##(195 - height)" text-anchor="middle" font-size="13">\##(ComplianceReportPage.percent(quarter.cumulativeCompletedBp))</text>"##
            bars += ##"<text x="\##(x + 35)" y="220" text-anchor="middle" font-size="13">\##(ThaiText.thaiDigits("ไตรมาส \(quarter.quarter)"))</text>"##
        }
        return frame(width: 520, title: "ร้อยละของบุคลากรที่ผ่านหลักสูตร (สะสม) ณ สิ้นไตรมาส", body: bars)
    }

    /// The pre-test and post-test means side by side (0–100 %).
    public static func scores(pre: Int?, post: Int?) -> String {
        var bars = ""
        for (index, (label, value, colour)) in [("ก่อนเรียน", pre, "#b0892f"), ("หลังเรียน", post, "#1d4a86")].enumerated() {
            let x = 90 + index * 160
            let height = (value ?? 0) * 180 / 10_000
            bars += ##"<rect x="\##(x)" y="\##(200 - height)" width="90" height="\##(height)" fill="\##(colour)"/>"##
            bars += ##"<text x="\##(x + 45)" y="\##(195 - height)" text-anchor="middle" font-size="13">\##(value.map(ComplianceReportPage.percent) ?? "-")</text>"##
            bars += ##"<text x="\##(x + 45)" y="220" text-anchor="middle" font-size="13">\##(label)</text>"##
        }
        return frame(width: 420, title: "คะแนนเฉลี่ยแบบทดสอบ (ร้อยละ)", body: bars)
    }

    private static func frame(width: Int, title: String, body: String) -> String {
        ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(width) 235" width="\##(width)" height="235" role="img" aria-label="\##(title)" font-family="Laksaman, Norasi, sans-serif">"##
            + ##"<line x1="40" y1="200" x2="\##(width - 20)" y2="200" stroke="#555" stroke-width="1"/>"##
            + ##"<line x1="40" y1="20" x2="\##(width - 20)" y2="20" stroke="#ccc" stroke-dasharray="4 4"/>"##
            + ##"<text x="36" y="24" text-anchor="end" font-size="11">๑๐๐</text><text x="36" y="204" text-anchor="end" font-size="11">๐</text>"##
            + body + "</svg>"
    }
}
