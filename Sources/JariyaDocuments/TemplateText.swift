import Foundation

/// A `<text>` element of a certificate template that Jariya lays out itself
/// with Pango, so the per-certificate work is one layout per line rather than
/// librsvg's much slower text pass. Only plain text qualifies: a position, a
/// font, a solid fill and an anchor, set on the element or inherited from
/// groups that at most translate. Anything else (gradients, transforms,
/// letter-spacing, CSS classes…) is left to librsvg, which draws it as before.
struct TemplateText: Sendable {
    /// Literal text or a placeholder.
    enum Piece: Sendable, Equatable {
        case literal(String)
        case value(String)
    }

    /// How the line sits on its x.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// The baseline's start, anchor point, in user units (groups' translations included).
    var x: Double
    var y: Double
    var anchor: Anchor
    /// A CSS font-family list, e.g. "Norasi, Noto Serif Thai, serif".
    var family: String
    /// Font size in user units.
    var size: Double
    /// 100–900.
    var weight: Int
    var italic: Bool
    /// Fill, 0…1 each.
    var red: Double
    var green: Double
    var blue: Double
    /// Whether `xml:space="preserve"` is in force.
    var preserveSpace: Bool
    /// The content in order.
    var pieces: [Piece]
    /// Where the element lies in the template's source.
    var range: Range<String.Index>

    /// The line with its values filled in, white space handled as SVG 1.1 does.
    func line(with values: [String: String]) -> String {
        let raw = pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .value(let key): values[key] ?? ""
            }
        }.joined()
        if preserveSpace {
            return String(raw.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
        }
        var output = ""
        var lastWasSpace = true
        for character in raw where character != "\n" && character != "\r" {
            let space = character == " " || character == "\t"
            if space && lastWasSpace { continue }
            output.append(space ? " " : character)
            lastWasSpace = space
        }
        while output.hasSuffix(" ") { output.removeLast() }
        return output
    }

    /// The plain `<text>` elements of a template, outside `excluded` (the QR group).
    static func extract(from source: String, tags: [SVGTag], excluding excluded: Range<String.Index>) -> [TemplateText] {
        // A style sheet could restyle anything; then librsvg keeps all text.
        guard !tags.contains(where: { $0.name == "style" }) else { return [] }
        var found: [TemplateText] = []
        var ancestors: [SVGTag] = []
        var index = 0
        while index < tags.count {
            let tag = tags[index]
            index += 1
            switch tag.kind {
            case .end:
                if ancestors.last?.name == tag.name { ancestors.removeLast() }
            case .empty:
                continue
            case .start:
                guard tag.name == "text" else { ancestors.append(tag); continue }
                // Find the end of this text element; it may hold tspans.
                var inner: [SVGTag] = []
                while index < tags.count, !(tags[index].kind == .end && tags[index].name == "text") {
                    inner.append(tags[index])
                    index += 1
                }
                guard index < tags.count else { return found }
                let end = tags[index]
                index += 1
                let range = tag.range.lowerBound..<end.range.upperBound
                guard !excluded.overlaps(range),
                      let text = plain(tag, inner: inner, end: end, ancestors: ancestors, source: source, range: range) else { continue }
                found.append(text)
            }
        }
        return found
    }

    /// Properties that change how text draws and that this layout does not do.
    private static let unsupported: Set<String> = [
        "opacity", "fill-opacity", "filter", "clip-path", "mask", "letter-spacing", "word-spacing", "text-decoration",
        "baseline-shift", "dominant-baseline", "alignment-baseline", "writing-mode", "direction", "font-variant",
        "font-stretch", "class", "display", "visibility", "rotate", "dx", "dy", "textLength", "lengthAdjust",
        "paint-order", "unicode-bidi", "font", "systemLanguage", "requiredFeatures", "stroke-width",
    ]

    private static func plain(_ tag: SVGTag, inner: [SVGTag], end: SVGTag, ancestors: [SVGTag], source: String,
                              range: Range<String.Index>) -> TemplateText? {
        guard ancestors.allSatisfy({ $0.name == "svg" || $0.name == "g" }) else { return nil }
        // Inline tspans are fine when they only carry an id.
        guard inner.allSatisfy({ $0.name == "tspan" && $0.kind != .empty && Set($0.attributes.keys).isSubset(of: ["id"]) }) else { return nil }
        var translation = (x: 0.0, y: 0.0)
        var properties: [String: String] = [:]
        for element in ancestors + [tag] {
            var declared = element.attributes
            if let style = declared.removeValue(forKey: "style") {
                for declaration in style.split(separator: ";") {
                    let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if parts.count == 2 { declared[parts[0]] = parts[1] }
                }
            }
            if let transform = declared["transform"] {
                guard element.name != "text", let moved = Self.translation(transform) else { return nil }
                translation.x += moved.x
                translation.y += moved.y
            }
            if let stroke = declared["stroke"], stroke != "none" { return nil }
            guard unsupported.isDisjoint(with: declared.keys) else { return nil }
            for key in ["font-family", "font-size", "font-weight", "font-style", "fill", "text-anchor", "xml:space"] {
                if let value = declared[key] { properties[key] = value }
            }
        }
        guard let x = tag.attributes["x"].flatMap(Double.init), let y = tag.attributes["y"].flatMap(Double.init),
              let family = properties["font-family"], let size = properties["font-size"].flatMap(Self.length),
              let color = Self.color(properties["fill"] ?? "black"),
              let anchor = Anchor(rawValue: properties["text-anchor"] ?? "start") else { return nil }
        let weight: Int
        switch properties["font-weight"] ?? "normal" {
        case "normal": weight = 400
        case "bold": weight = 700
        case let number: guard let value = Int(number), (100...900).contains(value) else { return nil }; weight = value
        }
        let style = properties["font-style"] ?? "normal"
        guard style == "normal" || style == "italic" else { return nil }

        // The content: character data between the tags, placeholders split out.
        var pieces: [Piece] = []
        var cursor = tag.range.upperBound
        for boundary in inner + [end] {
            pieces += Self.pieces(SVGTag.decodeEntities(source[cursor..<boundary.range.lowerBound]))
            cursor = boundary.range.upperBound
        }
        return TemplateText(x: x + translation.x, y: y + translation.y, anchor: anchor,
                            family: family.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: ""),
                            size: size, weight: weight, italic: style == "italic",
                            red: color.0, green: color.1, blue: color.2, preserveSpace: properties["xml:space"] == "preserve",
                            pieces: pieces, range: range)
    }

    private static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            pieces.append(.value(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    /// "translate(10, 20)", "translate(10 20)" or "translate(10)"; nil for any other transform.
    static func translation(_ text: String) -> (x: Double, y: Double)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("translate("), trimmed.hasSuffix(")") else { return nil }
        let numbers = trimmed.dropFirst(10).dropLast().split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { Double($0) }
        guard numbers.allSatisfy({ $0 != nil }), (1...2).contains(numbers.count) else { return nil }
        return (numbers[0] ?? 0, numbers.count == 2 ? numbers[1] ?? 0 : 0)
    }

    /// A length in user units: a plain number or px.
    static func length(_ text: String) -> Double? {
        Double(text.hasSuffix("px") ? String(text.dropLast(2)) : text).flatMap { $0 > 0 ? $0 : nil }
    }

    /// A solid colour: #rgb, #rrggbb, rgb(r, g, b), black or white.
    static func color(_ text: String) -> (Double, Double, Double)? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "black": return (0, 0, 0)
        case "white": return (1, 1, 1)
        default: break
        }
        if value.hasPrefix("#") {
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let number = UInt32(hex, radix: 16) else { return nil }
            return (Double((number >> 16) & 0xFF) / 255, Double((number >> 8) & 0xFF) / 255, Double(number & 0xFF) / 255)
        }
        if value.hasPrefix("rgb("), value.hasSuffix(")") {
            let parts = value.dropFirst(4).dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, parts.allSatisfy({ (0...255).contains($0) }) else { return nil }
            return (parts[0] / 255, parts[1] / 255, parts[2] / 255)
        }
        return nil
    }
}
