import CLibXML2
import JariyaCore

/// Gathers libxml2's errors for one document as diagnostics. libxml2 calls
/// back through C function pointers, which reach this object through the
/// parser's `_private` slot or the validator's context argument.
final class ErrorCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var stopped = false
    /// The document's bytes, for finding columns libxml2 does not report.
    var source: [UInt8] = []
    private var text: SourceText?

    init(file: String) { self.file = file }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ErrorCollector? {
        pointer.map { Unmanaged<ErrorCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Stops the document with a message of our own.
    func refuse(line: Int, message: String) {
        stopped = true
        diagnostics.append(Diagnostic(file: file, line: line, column: 1, message: message))
    }

    /// An error from the parser, which knows its column.
    func parserError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !stopped else { return }
        diagnostics.append(Diagnostic(file: file, line: Int(error.line), column: Int(error.int2),
                                      message: Self.plain(error.message)))
    }

    /// An error from the schema validator, which knows the element but not the column.
    func validationError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let node = error.node?.assumingMemoryBound(to: xmlNode.self)
        let line = node.map { Int(xmlGetLineNo($0)) } ?? Int(error.line)
        let message = Self.plain(error.message)
        let place = node.map { column(line: line, near: $0, attribute: Self.attributeNamed(in: message)) } ?? 1
        diagnostics.append(Diagnostic(file: file, line: line, column: place, message: message))
    }

    /// The column of an element's start tag (or of one of its attributes) on a line.
    func column(line: Int, near node: xmlNodePtr, attribute: String? = nil) -> Int {
        if text == nil { text = SourceText(source) }
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        return text?.column(line: line, element: name, attribute: attribute) ?? 1
    }

    /// libxml2's message without its trailing newline, with `{urn:…}` namespace
    /// prefixes taken off names, and with advice that would weaken the parser removed.
    static func plain(_ message: UnsafeMutablePointer<CChar>?) -> String {
        var text = message.map { String(cString: $0) } ?? "unknown XML error"
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for namespace in ContentSchema.allCases.map(\.namespace) {
            text = text.replacingOccurrences(of: "{\(namespace)}", with: "")
        }
        // One problem is one line: libxml2 sometimes adds a second line of detail.
        text = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        if text.hasPrefix("Input is not proper UTF-8") {
            let bytes = text.components(separatedBy: "Bytes: ").dropFirst().first.map { " (bytes \($0))" } ?? ""
            text = "the file is not valid UTF-8\(bytes); save it as UTF-8"
        }
        if text.hasPrefix("Excessive depth in document") {
            text = "elements are nested too deeply (more than 256 levels)"
        }
        if text.contains("XML_PARSE_HUGE") {
            text = text.replacingOccurrences(of: ", use XML_PARSE_HUGE option", with: "")
                .replacingOccurrences(of: " use XML_PARSE_HUGE option", with: "")
        }
        return text
    }

    private static func attributeNamed(in message: String) -> String? {
        guard let range = message.range(of: "attribute '") else { return nil }
        let rest = message[range.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }
}

import Foundation
