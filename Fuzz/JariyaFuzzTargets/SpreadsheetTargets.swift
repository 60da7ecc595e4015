import JariyaCore

/// `roster`: `Roster.parse`, as `jariya roster import` and the HR roster page call it.
enum RosterTarget {
    static func run(_ bytes: [UInt8], _ checks: inout Checks) -> Bool {
        let first = Result { () throws(RosterFailure) in try Roster.parse(bytes) }
        let second = Result { () throws(RosterFailure) in try Roster.parse(bytes) }
        checks.expect(first == second, "Roster.parse gave two different answers for the same bytes")
        let lineBound = InputFacts.lineBound(bytes)
        switch first {
        case .success(let roster):
            checkEncoding(roster.encoding, bytes, &checks)
            var previousLine = 1
            var codes: Set<String> = []
            for entry in roster.entries {
                let place = "roster entry on line \(entry.line)"
                checks.expect(entry.line > previousLine && entry.line <= lineBound,
                              "\(place): the line is not after the header and the rows before it, within the file's \(lineBound) lines")
                previousLine = entry.line
                checks.expect(!entry.employeeCode.isEmpty, "\(place): the employee code is empty")
                checks.expect(codes.insert(entry.employeeCode).inserted, "\(place): employee code \"\(InputFacts.excerpt(entry.employeeCode))\" is repeated")
                checks.expect(!entry.name.firstName.isEmpty && !entry.name.lastName.isEmpty, "\(place): the first or last name is empty")
                checks.expect(!entry.division.isEmpty, "\(place): the division is empty")
                let fields = [("code", entry.employeeCode), ("prefix", entry.name.prefix), ("first name", entry.name.firstName),
                              ("last name", entry.name.lastName), ("position", entry.position), ("division", entry.division)]
                for (label, value) in fields {
                    checks.expect(value == ThaiText.clean(value), "\(place): the \(label) \"\(InputFacts.excerpt(value))\" is not clean text")
                    checks.expect(!ThaiText.looksLikeMojibake(value), "\(place): the \(label) \"\(InputFacts.excerpt(value))\" is mojibake")
                    let control = InputFacts.controlCharacter(in: value)
                    checks.expect(control == nil,
                                         "\(place): the \(label) \"\(InputFacts.excerpt(value))\" holds \(control ?? "")")
                }
            }
            return true
        case .failure(let failure):
            checkProblems(failure, lineBound: lineBound, &checks)
            return false
        }
    }

    /// A file that is UTF-8 is read as UTF-8, with the BOM noticed.
    static func checkEncoding(_ encoding: TextDecoding.Encoding, _ bytes: [UInt8], _ checks: inout Checks) {
        guard InputFacts.isUTF8(bytes) else { return }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        checks.expect(encoding == (bom ? .utf8WithBOM : .utf8), "UTF-8 bytes were read as \(encoding.rawValue)")
    }

    /// A refusal names at least one problem, each on a line of the file (0 for the whole file).
    static func checkProblems(_ failure: RosterFailure, lineBound: Int, _ checks: inout Checks) {
        checks.expect(!failure.problems.isEmpty, "the file was refused without a reason")
        for problem in failure.problems {
            checks.expect((0...lineBound).contains(problem.line), "problem on line \(problem.line), outside the file's \(lineBound) lines: \(InputFacts.excerpt(problem.message))")
            checks.expect(!problem.message.isEmpty, "problem on line \(problem.line) has no message")
        }
    }
}

/// `signin-sheet`: `SignInSheet.rows`, as `jariya session import` calls it.
enum SignInSheetTarget {
    static func run(_ bytes: [UInt8], _ checks: inout Checks) -> Bool {
        let first = Result { () throws(RosterFailure) in try SignInSheet.rows(bytes) }
        let second = Result { () throws(RosterFailure) in try SignInSheet.rows(bytes) }
        checks.expect(first == second, "SignInSheet.rows gave two different answers for the same bytes")
        let lineBound = InputFacts.lineBound(bytes)
        switch first {
        case .success(let rows):
            var previousLine = 1
            var codes: Set<String> = []
            for row in rows {
                let place = "sign-in row on line \(row.line)"
                checks.expect(row.line > previousLine && row.line <= lineBound,
                              "\(place): the line is not after the header and the rows before it, within the file's \(lineBound) lines")
                previousLine = row.line
                checks.expect(!row.employeeCode.isEmpty, "\(place): the employee code is empty")
                checks.expect(row.employeeCode == ThaiText.clean(row.employeeCode), "\(place): the code \"\(InputFacts.excerpt(row.employeeCode))\" is not clean text")
                checks.expect(codes.insert(row.employeeCode).inserted, "\(place): employee code \"\(InputFacts.excerpt(row.employeeCode))\" is repeated")
                checks.expect(!ThaiText.looksLikeMojibake(row.employeeCode), "\(place): the code is mojibake")
                let control = InputFacts.controlCharacter(in: row.employeeCode)
                checks.expect(control == nil,
                                     "\(place): the code \"\(InputFacts.excerpt(row.employeeCode))\" holds \(control ?? "")")
            }
            return true
        case .failure(let failure):
            RosterTarget.checkProblems(failure, lineBound: lineBound, &checks)
            return false
        }
    }
}
