import ArgumentParser
import Foundation
import JariyaCore
import JariyaDocuments
import JariyaApp
import JariyaStore

/// `jariya report …`: the issue (6) compliance report and what HR writes into it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The issue (6) compliance report for a fiscal year, and its problems and suggestions.",
        subcommands: [Compliance.self, Completion.self, Notes.self]
    )

    /// The report's formats, as far as they exist.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case pdf, html, xlsx, json, csv
    }

    /// `jariya report compliance`.
    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the compliance report (รายงานผลการดำเนินการตามมาตรการ ประเด็นที่ ๖) as PDF, HTML, XLSX, JSON or CSV.",
            discussion: """
                Through quarter 2 is the 6-month edition (รอบ 6 เดือน), through 4 the 12-month one. The PDF (A4, with the cover memo
                for the นายก อบต. to sign) and the XLSX need --out; the other formats go to standard output unless --out is given.
                """
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var period: PeriodOptions
        @Option(help: "pdf, html, xlsx, json or csv.") var format: Format = .json
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func validate() throws {
            if (format == .pdf || format == .xlsx) && out == nil { throw ValidationError("a \(format.rawValue.uppercased()) file needs --out FILE.\(format.rawValue)") }
        }

        func run() async throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let report: ComplianceReport
            do {
                report = try await ComplianceReports(content: PublishedContent(database: db)).report(agency: agency, courseKey: period.course, fiscalYear: period.fiscalYear,
                                                                     throughQuarter: period.throughQuarter, now: Date())
            } catch let error as ComplianceReports.Failure {
                throw CLIError(error.description)
            }
            let data: Data
            switch format {
            case .json: data = try ComplianceReportJSON.encode(report)
            case .csv: data = ComplianceReportCSV.render(report)
            case .xlsx: data = try ComplianceReportXLSX.workbook(report).data()
            case .html: data = Data(try await ComplianceReportHTML.load().render(report).utf8)
            case .pdf:
                do { data = try HTMLPrinter.pdf(html: try await ComplianceReportHTML.load().render(report)) } catch let error as HTMLPrinter.Failure {
                    throw CLIError(error.description)
                }
            }
            try emit(data, to: out, note: "")
        }
    }

    /// `jariya report completion`.
    struct Completion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who has done what: each officer's sessions, tests, completion and certificate (internal to the agency).",
            discussion: "Filter with --division (code or Thai name), --staff-type and --status; XLSX needs --out."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var period: PeriodOptions
        @Option(help: "Only this division (its code, e.g. finance, or its Thai name).") var division: String?
        @Option(help: "Only this staff type: \(StaffType.allCases.map(\.rawValue).joined(separator: ", ")).") var staffType: StaffType?
        @Option(help: "Only this status: complete, in-progress or not-started.") var status: CompletionReport.Status?
        @Option(help: "html, xlsx, json or csv.") var format: Format = .json
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func validate() throws {
            if format == .pdf { throw ValidationError("the completion report comes as html, xlsx, json or csv") }
            if format == .xlsx && out == nil { throw ValidationError("an XLSX file needs --out FILE.xlsx") }
        }

        func run() async throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let report: CompletionReport
            do {
                report = try ComplianceReports(content: PublishedContent(database: db)).completion(agency: agency, courseKey: period.course, fiscalYear: period.fiscalYear,
                                                                         throughQuarter: period.throughQuarter, division: division,
                                                                         staffType: staffType, status: status, now: Date())
            } catch let error as ComplianceReports.Failure {
                throw CLIError(error.description)
            }
            let data: Data
            switch format {
            case .json: data = try CompletionReportFiles.json(report)
            case .csv: data = CompletionReportFiles.csv(report)
            case .xlsx: data = try CompletionReportFiles.workbook(report).data()
            case .html, .pdf: data = Data(try await CompletionReportHTML.load().render(report).utf8)
            }
            try emit(data, to: out, note: " (\(report.rows.count) officers)")
        }
    }

    /// The course and period a report covers, shared by both reports.
    struct PeriodOptions: ParsableArguments {
        @Option(help: "The course the measure is carried out by.") var course = "code-of-ethics"
        @Option(help: "The fiscal year (BE), e.g. 2567.") var fiscalYear: Int
        @Option(help: "The last quarter covered, 1–4.") var throughQuarter = 4

        func validate() throws {
            guard (1...4).contains(throughQuarter) else { throw ValidationError("--through-quarter must be 1, 2, 3 or 4") }
            guard (2500...2700).contains(fiscalYear) else { throw ValidationError("--fiscal-year is a Buddhist-Era year such as 2567") }
        }
    }

    /// `jariya report notes`.
    struct Notes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the problems and suggestions the report prints for a fiscal year.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The course.") var course = "code-of-ethics"
        @Option(help: "The fiscal year (BE).") var fiscalYear: Int
        @Option(help: "Problems met (ปัญหาอุปสรรค).") var problems: String?
        @Option(help: "Suggestions (ข้อเสนอแนะ).") var suggestions: String?

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            try db.saveReportNote(agencyID: agency.id ?? 0, courseKey: course, fiscalYear: fiscalYear, problems: problems.map(ThaiText.clean),
                                  suggestions: suggestions.map(ThaiText.clean), by: NSUserName(), now: Date())
            say("บันทึกปัญหาอุปสรรคและข้อเสนอแนะของปีงบประมาณ \(fiscalYear) แล้ว")
        }
    }
}

/// Writes a report to its file (saying so on standard error), or prints it.
private func emit(_ data: Data, to out: String?, note: String) throws {
    if let out {
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        warn("wrote \(out)\(note)")
    } else {
        Console.current.out(String(decoding: data, as: UTF8.self))
    }
}

extension StaffType: ExpressibleByArgument {}
extension CompletionReport.Status: ExpressibleByArgument {}
