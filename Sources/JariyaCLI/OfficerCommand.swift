import ArgumentParser
import JariyaCore
import JariyaStore

/// `jariya officer list`.
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer",
        abstract: "Show the roster.",
        subcommands: [List.self]
    )

    /// `jariya officer list [--division]`, in Thai dictionary order.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List officers in Thai dictionary order of first name (เกศินี before ขวัญ)."
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this division, by Thai name or code (e.g. กองคลัง or finance).")
        var division: String?

        @Flag(help: "Include officers marked inactive.")
        var all = false

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let listings = try db.officers(agencyID: agency.id ?? 0, division: division, includeInactive: all)
            switch format {
            case .json:
                try printJSON(listings.map { listing in
                    OfficerListItem(employeeCode: listing.officer.employeeCode, prefix: listing.officer.prefix,
                                    firstName: listing.officer.firstName, lastName: listing.officer.lastName,
                                    staffType: listing.officer.staffType.rawValue, position: listing.officer.position,
                                    division: listing.division.name, active: listing.officer.active)
                })
            case .text:
                var table = TextTable(header: ["รหัส", "ชื่อ-สกุล", "ประเภท", "สังกัด", "ตำแหน่ง"])
                for listing in listings {
                    table.rows.append([listing.officer.employeeCode, listing.officer.name.formal, listing.officer.staffType.thai,
                                       listing.division.name, listing.officer.position])
                }
                table.lines().forEach(say)
                say("\(listings.count) คน")
            }
        }
    }
}

/// One officer in `officer list --format json`.
struct OfficerListItem: Encodable {
    var employeeCode: String
    var prefix: String
    var firstName: String
    var lastName: String
    var staffType: String
    var position: String
    var division: String
    var active: Bool
}
