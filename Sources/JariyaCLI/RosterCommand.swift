import ArgumentParser
import Foundation
import JariyaCore
import JariyaStore

/// `jariya roster import`: brings HR's spreadsheet into the roster.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import the roster of officers from HR's spreadsheet (CSV).",
        subcommands: [Import.self]
    )

    /// `jariya roster import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import officers from a CSV file in one transaction.",
            discussion: """
                Columns (first line, Thai or English names): รหัสพนักงาน, คำนำหน้า (optional), ชื่อ, นามสกุล
                (or one ชื่อ-สกุล column), ประเภทบุคลากร, ตำแหน่ง, สังกัด.
                The file may be UTF-8 with or without BOM (Excel "CSV UTF-8", Google Sheets) or
                Windows-874 (Excel "CSV" on Thai Windows). A prefix written into the name cell
                (นางสาวสมศรี) is split off. Every problem is reported with its line and nothing is written.
                A change of division closes the old membership on --effective and opens the new one.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(help: "Show what would change and write nothing.")
        var dryRun = false

        @Option(help: "The day changes take effect, YYYY-MM-DD or DD/MM/BBBB (default: today in Bangkok).")
        var effective: String?

        @Flag(help: "Mark active officers missing from the file as inactive.")
        var deactivateMissing = false

        func run() throws {
            let day: CivilDate
            if let effective {
                guard let parsed = CivilDate(thaiInput: effective) else {
                    throw CLIError("--effective \"\(effective)\" is not a date; write 2024-10-01 or 01/10/2567", exitCode: 2)
                }
                day = parsed
            } else {
                day = CivilDate(Date(), in: .bangkok)
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("cannot read \(file)")
            }
            guard data.count <= 16 * 1024 * 1024 else {
                throw CLIError("\(file) is larger than 16 MiB; a roster is a few hundred rows")
            }
            let roster: Roster
            do {
                roster = try Roster.parse([UInt8](data))
            } catch {
                error.problems.forEach { warn("\(file):\($0.line > 0 ? "\($0.line):" : "") \($0.message)") }
                throw CLIError("\(error.problems.count) problem(s) in \(file); nothing was imported")
            }
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let plan: RosterPlan
            do {
                plan = try db.importRoster(roster, agencyID: agency.id ?? 0, effective: day, dryRun: dryRun,
                                           deactivateMissing: deactivateMissing)
            } catch StoreError.roster(let failure) {
                failure.problems.forEach { warn("\(file):\($0.line): \($0.message)") }
                throw CLIError("\(failure.problems.count) problem(s) in \(file); nothing was imported")
            }
            let verb = dryRun ? "would import" : "imported"
            say("\(verb) \(roster.entries.count) row(s) from \(file) (\(roster.encoding.rawValue)): \(plan.added) added, \(plan.updated) updated (\(plan.moved) moved division), \(plan.unchanged) unchanged")
            for change in plan.changes where change.kind != .unchanged {
                let mark = change.kind == .add ? "+" : "~"
                say("  \(mark) \(change.entry.employeeCode) \(change.entry.name.formal) — \(change.entry.division)")
            }
            if !plan.missing.isEmpty {
                let action = deactivateMissing ? (dryRun ? "would be marked inactive" : "marked inactive") : "not in the file (kept; --deactivate-missing marks them inactive)"
                say("\(plan.missing.count) officer(s) \(action): \(plan.missing.joined(separator: ", "))")
            }
            if dryRun { say("dry run: nothing was written") }
        }
    }
}
