import JariyaCore

/// Collects the problems found in one document, placing each at the element
/// (and attribute) it is about.
struct DiagnosticSink {
    let file: String
    private let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []

    init(document: SafeXML.Document) {
        file = document.file
        source = SourceText(document.bytes)
    }

    mutating func report(_ element: XMLElement, attribute: String? = nil, _ message: String) {
        let column = source.column(line: element.line, element: element.name, attribute: attribute)
        diagnostics.append(Diagnostic(file: file, line: element.line, column: column, message: message))
    }

    /// The element's text, trimmed; reports it when nothing is left.
    mutating func text(of element: XMLElement) -> String {
        let text = ThaiText.clean(element.text)
        if text.isEmpty { report(element, "<\(element.name)> is empty; write its text or remove it") }
        return text
    }

    /// An integer attribute the schema has already checked to be one.
    func integer(_ element: XMLElement, _ attribute: String) -> Int? {
        element[attribute: attribute].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Reports every id that appears more than once, at each repeat.
    mutating func reportDuplicates(_ elements: [XMLElement], kind: String) {
        var firstLine: [String: Int] = [:]
        for element in elements {
            guard let id = element[attribute: "id"] else { continue }
            if let first = firstLine[id] {
                report(element, attribute: "id", "duplicate \(kind) id \"\(id)\" (first used on line \(first))")
            } else {
                firstLine[id] = element.line
            }
        }
    }
}

import Foundation
