import ArgumentParser
import Foundation

/// `jariya quiz take`: the pre-test and post-test in a terminal.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take the pre-test or post-test in a terminal.",
        subcommands: [Take.self]
    )

    /// `jariya quiz take`.
    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "ทำแบบทดสอบ: log in, answer one question at a time, submit, and see the result.",
            discussion: """
                Each answer is saved on the server as you give it. If you stop (Ctrl-D, a lost
                connection, a flat battery), run the same command again: the attempt resumes where
                you left it, with the same questions. The server keeps the time limit.
                """
        )

        @Option(help: "The Jariya server (default: $JARIYA_SERVER, else http://127.0.0.1:8080).")
        var server: String?

        @Option(help: "The course id (asked when there are several).")
        var course: String?

        @Option(help: "pretest or posttest (default: whichever comes next).")
        var test: String?

        @Option(help: "Your username (asked when not given).")
        var username: String?

        func validate() throws {
            if let test, !["pretest", "posttest"].contains(test) {
                throw ValidationError("--test must be pretest or posttest")
            }
        }

        func run() async throws {
            let address = server ?? ProcessInfo.processInfo.environment["JARIYA_SERVER"] ?? "http://127.0.0.1:8080"
            guard let base = URL(string: address), base.scheme == "http" || base.scheme == "https" else {
                throw CLIError("--server \"\(address)\" is not an http(s) address", exitCode: 2)
            }
            var session = QuizSession(client: APIClient(base: base))
            do {
                try await session.run(username: username, course: course, test: test)
            } catch let failure as APIClient.Failure {
                throw CLIError(failure.message)
            }
        }
    }
}
