/// Why a check-in or an attendance change was refused.
public enum AttendanceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such session in this agency.
    case unknownSession(Int64)
    /// The officer has checked in already.
    case alreadyCheckedIn
    /// The code is not the one shown now (or just before).
    case wrongCode
    /// Self check-in is open from 30 minutes before the start to the end.
    case outsideWindow
    /// Changing a recorded status needs a reason, for the ledger.
    case correctionNeedsReason
    /// The officer is not on the active roster.
    case unknownOfficer(String)
    /// A sign-in sheet had problems; nothing was recorded.
    case sheet([String])

    public var description: String {
        switch self {
        case .unknownSession(let id): "no session \(id)"
        case .alreadyCheckedIn: "you have already checked in to this session"
        case .wrongCode: "the code is not the one shown in the room now; scan the code again"
        case .outsideWindow: "check-in is open from 30 minutes before the session starts until it ends"
        case .correctionNeedsReason: "this officer already has a status for the session; changing it is a correction and needs --reason"
        case .unknownOfficer(let code): "no active officer has the employee code \"\(code)\""
        case .sheet(let problems): problems.joined(separator: "\n")
        }
    }
}
