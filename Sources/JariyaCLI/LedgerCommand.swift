import ArgumentParser
import Foundation
import JariyaCore
import JariyaStore

/// `jariya ledger …`: the tamper-evident record of attendance, tests, completions and certificates.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Verify the ledger, take signed checkpoints, show recent entries.",
        subcommands: [Verify.self, Checkpoint.self, Show.self]
    )

    /// `jariya ledger verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the whole hash chain; exit 0 and print the head when intact, exit 1 naming the first bad entry.",
            discussion: "Give checkpoint files kept outside the database (from `jariya ledger checkpoint --out`) to also catch a chain rewritten from scratch or cut short."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("checkpoint"), help: "A checkpoint file kept outside the database (may be repeated).")
        var checkpointFiles: [String] = []

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let registered = try db.signingKey(agencyID: agency.id ?? 0)
            var anchors: [LedgerVerifier.Anchor] = []
            for file in checkpointFiles {
                guard let data = FileManager.default.contents(atPath: file),
                      let checkpoint = try? JSONDecoder().decode(JariyaCore.Checkpoint.self, from: data) else {
                    throw CLIError("\(file) is not a Jariya checkpoint file")
                }
                guard checkpoint.agency == agency.code, let registered, checkpoint.isSigned(by: registered) else {
                    throw CLIError("\(file): the signature is not the agency's; the checkpoint cannot be trusted")
                }
                anchors.append(checkpoint.anchor)
            }
            let report = try db.verifyLedger(agencyID: agency.id ?? 0, anchors: anchors)
            if let problem = report.problem {
                warn("ledger BROKEN at \(problem)")
                throw ExitCode(1)
            }
            say("ledger intact: \(report.size) entries, head \(report.head ?? "")" + (anchors.isEmpty ? "" : " (matches \(anchors.count) checkpoint(s))"))
        }
    }

    /// `jariya ledger checkpoint`.
    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the ledger's size and head with the agency's key; keep the file somewhere the database is not.",
            discussion: "Print it, file it with the quarter's papers, or publish it with the report: later, `jariya ledger verify --checkpoint FILE` proves the chain was not rewritten."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Write the checkpoint to this file (default: print it).") var out: String?

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let key = try SigningKeyFile.load(from: database.keyPath)
            let checkpoint = try db.checkpoint(agency: agency, key: key, keyPath: database.keyPath, now: Date())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let json = String(decoding: try encoder.encode(checkpoint), as: UTF8.self)
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data((json + "\n").utf8)) else { throw CLIError("cannot write \(out)") }
                say("checkpoint of \(checkpoint.size) entries, head \(checkpoint.head), written to \(out)")
            } else {
                say(json)
            }
        }
    }

    /// `jariya ledger show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the latest entries.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "How many.") var last = 20

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let head = try db.ledgerHead(agencyID: agency.id ?? 0)
            var table = TextTable(header: ["#", "เวลา", "โดย", "ชนิด", "รายละเอียด"])
            for entry in try db.ledgerEntries(agencyID: agency.id ?? 0, after: max(0, head.size - Int64(last)), limit: last) {
                let details = entry.payload.keys.sorted().map { "\($0)=\(entry.payload[$0] ?? "")" }.joined(separator: " ")
                table.rows.append([String(entry.seq), ThaiDate.short(CivilDate(entry.recordedAt, in: .bangkok)) + " " + ThaiTime.short(entry.recordedAt),
                                   entry.actor, entry.kind, details + (entry.reason.isEmpty ? "" : " — \(entry.reason)")])
            }
            table.lines().forEach(say)
        }
    }
}
