import Foundation

/// An SVG certificate template from `Certificates/`, split once into its
/// fixed text, its placeholders and the QR group, so filling it for each
/// certificate is a single pass over the parts.
public struct CertificateTemplate: Sendable {
    /// The placeholders a template may use (see `Certificates/README.md`).
    public static let placeholders: Set<String> = [
        "agency_name", "officer_name", "course_title", "fiscal_year", "fiscal_year_th", "date_line", "date_line_th",
        "signer_name", "signer_position", "serial", "verify_url", "verify_code",
    ]

    /// Templates are small drawings; anything bigger is a mistake or an attack.
    public static let maximumBytes = 4 << 20

    /// The template's name, its file name without ".svg".
    public let name: String
    /// The placeholders this template uses.
    public let used: Set<String>
    private let parts: [Part]
    /// The plain text lines Jariya lays out itself (see `TemplateText`).
    let texts: [TemplateText]
    /// The viewBox (x, y, width, height), which maps user units onto the page.
    let viewBox: (x: Double, y: Double, width: Double, height: Double)?

    private enum Part: Sendable {
        case text(String)
        case value(String)
        case qr
    }

    /// Reads `NAME.svg` from a folder.
    public static func load(named name: String, from folder: URL) throws(CertificateTemplateError) -> CertificateTemplate {
        let file = folder.appendingPathComponent(name + ".svg")
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        guard let size = attributes?[.size] as? Int else { throw .missing(file.path) }
        guard size <= maximumBytes else { throw .problem(file: file.path, line: 1, "the template is larger than 4 MiB") }
        guard let data = FileManager.default.contents(atPath: file.path),
              let text = String(data: data, encoding: .utf8) else { throw .problem(file: file.path, line: 1, "the template is not UTF-8 text") }
        return try CertificateTemplate(name: name, svg: text, file: file.path)
    }

    /// A template from its SVG text; `file` names it in messages.
    public init(name: String, svg: String, file: String? = nil) throws(CertificateTemplateError) {
        let file = file ?? name + ".svg"
        self.name = name
        // The text goes to an XML parser; a DTD could declare entities that
        // expand without bound or reach for files, so none is accepted.
        if let doctype = svg.range(of: "<!DOCTYPE", options: .caseInsensitive) ?? svg.range(of: "<!ENTITY", options: .caseInsensitive) {
            throw .problem(file: file, line: Self.line(of: doctype.lowerBound, in: svg), "a template may not declare a DOCTYPE or entities")
        }
        guard let (tags, comments) = SVGTag.scan(svg) else {
            throw .problem(file: file, line: 1, "the SVG is not well-formed: a tag or comment is never closed, or an attribute lacks its quotes")
        }
        // Comments are the designer's notes: braces or ids in them are not placeholders.
        guard let group = Self.qrGroup(in: tags) else {
            throw .problem(file: file, line: 1, #"no <g id="qr"> group with content for the QR code"#)
        }
        let texts = TemplateText.extract(from: svg, tags: tags, excluding: group)
        let root = tags.first { $0.name == "svg" }
        viewBox = root?.attributes["viewBox"].flatMap { text in
            let numbers = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).compactMap { Double($0) }
            return numbers.count == 4 && numbers[2] > 0 && numbers[3] > 0 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : nil
        }
        var parts: [Part] = []
        var used: Set<String> = []
        func scan(_ range: Range<String.Index>) throws(CertificateTemplateError) {
            var textStart = range.lowerBound
            var cursor = range.lowerBound
            while let open = svg[cursor..<range.upperBound].range(of: "{{") {
                if let comment = comments.first(where: { $0.contains(open.lowerBound) }) {
                    cursor = min(comment.upperBound, range.upperBound)
                    continue
                }
                guard let close = svg[open.upperBound..<range.upperBound].range(of: "}}") else {
                    throw .problem(file: file, line: Self.line(of: open.lowerBound, in: svg), "a placeholder opened with {{ is never closed")
                }
                let key = String(svg[open.upperBound..<close.lowerBound])
                guard Self.placeholders.contains(key) else {
                    throw .problem(file: file, line: Self.line(of: open.lowerBound, in: svg),
                                   "unknown placeholder {{\(key)}}; known: \(Self.placeholders.sorted().joined(separator: ", "))")
                }
                parts.append(.text(String(svg[textStart..<open.lowerBound])))
                parts.append(.value(key))
                used.insert(key)
                textStart = close.upperBound
                cursor = close.upperBound
            }
            parts.append(.text(String(svg[textStart..<range.upperBound])))
        }
        // The SVG for librsvg: everything but the QR group's content and the
        // lines Jariya lays out itself, whose placeholders are checked all the same.
        var cuts = texts.map(\.range)
        cuts.append(group)
        cuts.sort { $0.lowerBound < $1.lowerBound }
        for text in texts {
            let line = Self.line(of: text.range.lowerBound, in: svg)
            for piece in text.pieces {
                switch piece {
                case .value(let key):
                    guard Self.placeholders.contains(key) else {
                        throw .problem(file: file, line: line,
                                       "unknown placeholder {{\(key)}}; known: \(Self.placeholders.sorted().joined(separator: ", "))")
                    }
                    used.insert(key)
                case .literal(let text):
                    if text.contains("{{") { throw .problem(file: file, line: line, "a placeholder opened with {{ is never closed") }
                }
            }
        }
        var start = svg.startIndex
        for cut in cuts {
            try scan(start..<cut.lowerBound)
            if cut == group { parts.append(.qr) }
            start = cut.upperBound
        }
        try scan(start..<svg.endIndex)
        self.parts = parts
        self.used = used
        self.texts = texts
    }

    /// The lines Jariya draws itself, with their values.
    func lines(with values: [String: String]) -> [PlacedText] {
        texts.map { PlacedText(text: $0.line(with: values), layout: $0) }
    }

    /// The SVG with every placeholder replaced by its XML-escaped value (a
    /// missing value prints empty) and the QR group filled with `qr`.
    public func filled(with values: [String: String], qr: QRCode) -> String {
        var output = ""
        output.reserveCapacity(parts.reduce(0) { total, part in if case .text(let text) = part { total + text.utf8.count } else { total + 64 } })
        for part in parts {
            switch part {
            case .text(let text): output += text
            case .value(let key): output += Self.escaped(values[key] ?? "")
            case .qr: output += Self.svg(of: qr)
            }
        }
        return output
    }

    /// Text made safe inside an SVG element or attribute: markup characters
    /// become entities and control characters, which XML forbids, go.
    public static func escaped(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// The QR code as SVG drawn in a 300 × 300 box: a white square and one
    /// path of dark rectangles, with the four-module quiet zone scanners need.
    /// A run of dark modules repeated in the rows below joins them in one
    /// rectangle: fewer shapes for the PDF writer, the same picture.
    public static func svg(of qr: QRCode) -> String {
        var runs: [[(start: Int, end: Int)]] = (0..<qr.size).map { row in
            var found: [(start: Int, end: Int)] = []
            var column = 0
            while column < qr.size {
                guard qr.isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < qr.size && qr.isDark(row: row, column: column) { column += 1 }
                found.append((start, column))
            }
            return found
        }
        var path = ""
        for row in 0..<qr.size {
            for run in runs[row] {
                var height = 1
                while row + height < qr.size, let below = runs[row + height].firstIndex(where: { $0 == run }) {
                    runs[row + height].remove(at: below)
                    height += 1
                }
                path += "M\(run.start + 4) \(row + 4)h\(run.end - run.start)v\(height)h-\(run.end - run.start)z"
            }
        }
        let scale = String(format: "%.6f", 300.0 / Double(qr.size + 8))
        return ##"<rect x="0" y="0" width="300" height="300" fill="#ffffff"/>"##
            + ##"<path transform="scale(\##(scale))" fill="#000000" shape-rendering="crispEdges" d="\##(path)"/>"##
    }

    /// Where the content of `<g id="qr" …>` lies: after its start tag, up to
    /// its own closing tag (groups inside it are counted).
    private static func qrGroup(in tags: [SVGTag]) -> Range<String.Index>? {
        guard let open = tags.firstIndex(where: { $0.kind == .start && $0.name == "g" && $0.attributes["id"] == "qr" }) else { return nil }
        var depth = 0
        for tag in tags[(open + 1)...] where tag.name == "g" {
            switch tag.kind {
            case .start: depth += 1
            case .empty: continue
            case .end:
                if depth == 0 { return tags[open].range.upperBound..<tag.range.lowerBound }
                depth -= 1
            }
        }
        return nil
    }

    private static func line(of index: String.Index, in text: String) -> Int {
        text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}

/// Why a certificate template cannot be used.
public enum CertificateTemplateError: Error, Equatable, CustomStringConvertible {
    /// There is no such file.
    case missing(String)
    /// The file has a problem at a line.
    case problem(file: String, line: Int, String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such certificate template"
        case .problem(let file, let line, let message): "\(file):\(line): \(message)"
        }
    }
}
