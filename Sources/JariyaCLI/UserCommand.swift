import ArgumentParser
import Foundation
import JariyaCore
import JariyaStore

/// `jariya user …`: the people who log in.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add and list users (officer, trainer, hr, admin).",
        subcommands: [Add.self, List.self]
    )

    /// `jariya user add USERNAME --role ROLE`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The password is asked for twice without echo, or read from standard input with --password-stdin.",
            discussion: "Passwords are at least 8 characters and stored only as argon2id hashes."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Login name (2 or more characters).")
        var username: String

        @Option(help: "officer, trainer, hr or admin.")
        var role: Role

        @Option(help: "The officer's employee code (required for the officer role; optional for others).")
        var officer: String?

        @Option(help: "Name shown in the interface (default: the officer's name, else the username).")
        var name: String?

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func run() throws {
            let password: String
            if passwordStdin {
                guard let line = Console.current.readLine() else { throw CLIError("no password on standard input") }
                password = line
            } else {
                guard let first = Console.current.readSecret("Password for \(username): "),
                      let second = Console.current.readSecret("Again: ") else { throw CLIError("no password given") }
                guard first == second else { throw CLIError("the two passwords differ; nothing was saved") }
                password = first
            }
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let user = try db.addUser(agencyID: agency.id ?? 0, username: username, displayName: name ?? "", role: role,
                                      officerCode: officer, password: password, now: Date())
            say("added \(user.role.rawValue) \(user.username) (\(user.displayName))")
        }
    }

    /// `jariya user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users by role.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            var table = TextTable(header: ["ผู้ใช้", "บทบาท", "ชื่อ", "สถานะ"])
            for user in try db.users(agencyID: agency.id ?? 0) {
                table.rows.append([user.username, user.role.thai, user.displayName, user.active ? "ใช้งาน" : "ปิด"])
            }
            table.lines().forEach(say)
        }
    }
}

extension Role: ExpressibleByArgument {}
