/// Why a document was refused before any of its content was used.
public struct XMLFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every problem found, each with its place.
    public var diagnostics: [JariyaCore.Diagnostic]

    /// A failure with these diagnostics.
    public init(_ diagnostics: [JariyaCore.Diagnostic]) { self.diagnostics = diagnostics }

    /// One `file:line:col: message` line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

import JariyaCore
