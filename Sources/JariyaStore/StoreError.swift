import JariyaCore

/// What the store refuses, in words the person at the keyboard can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No agency has this code.
    case unknownAgency(String)
    /// The database holds no agency yet.
    case noAgency
    /// More than one agency; the command must say which.
    case ambiguousAgency([String])
    /// An agency with this code exists already.
    case agencyExists(String)
    /// No division has this code or name.
    case unknownDivision(String)
    /// No officer has this employee code.
    case unknownOfficer(String)
    /// The username is taken.
    case usernameTaken(String)
    /// No user has this username.
    case unknownUser(String)
    /// The password is too short.
    case weakPassword(minimum: Int)
    /// An officer account must be linked to the roster.
    case officerAccountNeedsOfficer
    /// The roster could not be imported; nothing was written.
    case roster(RosterFailure)
    /// A course names a bank that is neither being published nor published before.
    case bankNotPublished(course: String, bank: String)
    /// Password hashing failed (out of memory).
    case hashingFailed
    /// No assignment of the agency has this id.
    case unknownAssignment(Int64)
    /// The officer has a login already; one person, one account.
    case officerHasLogin(String)
    /// A value outside what Jariya keeps, with a sentence saying which and why.
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownAgency(let code): "no agency has the code \"\(code)\"; `jariya init` creates one"
        case .noAgency: "the database has no agency yet; run `jariya init` first"
        case .ambiguousAgency(let codes): "the database holds several agencies (\(codes.joined(separator: ", "))); say which with --agency"
        case .agencyExists(let code): "an agency with the code \"\(code)\" exists already"
        case .unknownDivision(let name): "no division is called \"\(name)\""
        case .unknownOfficer(let code): "no officer has the employee code \"\(code)\""
        case .usernameTaken(let name): "the username \"\(name)\" is taken"
        case .unknownUser(let name): "no user \"\(name)\""
        case .weakPassword(let minimum): "the password must be at least \(minimum) characters"
        case .officerAccountNeedsOfficer: "an officer account must name the officer's employee code (--officer)"
        case .roster(let failure): failure.problems.map(\.description).joined(separator: "\n")
        case .bankNotPublished(let course, let bank): "course \"\(course)\" draws from bank \"\(bank)\", which is not published; publish the bank with the course"
        case .hashingFailed: "the password could not be hashed (out of memory)"
        case .officerHasLogin(let code): "the officer \"\(code)\" has a login already"
        case .invalid(let sentence): sentence
        case .unknownAssignment(let id): "no course assignment \(id)"
        }
    }
}
