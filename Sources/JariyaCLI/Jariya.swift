import ArgumentParser
import Foundation

/// The `jariya` command: ethics training and its evidence for Thai public agencies.
public struct Jariya: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jariya",
        abstract: "จริยะ — อบรมมาตรฐานทางจริยธรรมและประมวลจริยธรรม พร้อมหลักฐานสำหรับ ITA (ethics training and its evidence).",
        discussion: """
            The database is --db PATH, else $JARIYA_DB, else ./jariya.sqlite.
            Start with `jariya init`, then `jariya course publish` and `jariya roster import`.
            """,
        subcommands: [
            InitCommand.self, CourseCommand.self, RosterCommand.self, OfficerCommand.self,
            UserCommand.self, SessionCommand.self, LedgerCommand.self, CertificateCommand.self, AgencyCommand.self, ReportCommand.self, QuizCommand.self,
            ServeCommand.self, DemoCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line and returns the process's exit code: 0 success,
    /// 1 a problem with the input, 2 a usage error. Messages go to the console.
    public static func run(_ arguments: [String]) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.current.out(fullMessage(for: error))
                return 0
            }
            Console.current.err(fullMessage(for: error))
            return 2
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
            return 0
        } catch let error as CLIError {
            Console.current.err("jariya: \(error.message)")
            return error.exitCode
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = exitCode(for: error)
            switch code {
            case .success:
                // Help asked for, or a command group run without a subcommand: print the help.
                Console.current.out(fullMessage(for: error))
                return 0
            case .validationFailure:
                Console.current.err(fullMessage(for: error))
                return 2
            default:
                Console.current.err("jariya: \(error)")
                return code.rawValue
            }
        }
    }
}
