import Foundation
import JariyaCore

/// The compliance report as one HTML document: the web page HR reads and the
/// source of the printed PDF. Mustache escapes every value; only the charts,
/// drawn from numbers, go in as markup.
public struct ComplianceReportHTML: Sendable {
    private let templates: ReportTemplates

    /// Loads the templates shipped with Documents.
    public static func load() async throws -> ComplianceReportHTML {
        ComplianceReportHTML(templates: try await ReportTemplates.load())
    }

    /// The document.
    public func render(_ report: ComplianceReport) throws -> String {
        try templates.render(ComplianceReportPage(report), "compliance-report")
    }
}
