import Foundation

/// A small tokenizer for the SVG of a certificate template: just enough to
/// find elements, their attributes and their ranges in the source, so the
/// template's text can be laid out by Jariya while the drawing stays with
/// librsvg. Templates never hold a DTD (they are refused), so no entity but
/// the five predefined ones and character references can appear.
struct SVGTag {
    /// What kind of markup.
    enum Kind { case start, end, empty }
    /// Start, end or self-closing.
    var kind: Kind
    /// The element's name, e.g. "text".
    var name: String
    /// Attributes by name.
    var attributes: [String: String]
    /// Where the whole tag lies in the source.
    var range: Range<String.Index>

    /// Every tag of the source in order, outside comments, CDATA and
    /// processing instructions, and where the comments lie; nil when the
    /// markup is malformed (a tag or comment never closed, an attribute
    /// without quotes).
    static func scan(_ source: String) -> (tags: [SVGTag], comments: [Range<String.Index>])? {
        var tags: [SVGTag] = []
        var comments: [Range<String.Index>] = []
        var cursor = source.startIndex
        while let open = source[cursor...].firstIndex(of: "<") {
            let rest = source[open...]
            if rest.hasPrefix("<!--") {
                guard let close = rest.range(of: "-->") else { return nil }
                comments.append(open..<close.upperBound)
                cursor = close.upperBound
                continue
            }
            if rest.hasPrefix("<![CDATA[") || rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                guard let close = rest.firstIndex(of: ">") else { return nil }
                cursor = source.index(after: close)
                continue
            }
            guard let close = tagEnd(in: source, from: open) else { return nil }
            let inner = source[source.index(after: open)..<close]
            let range = open..<source.index(after: close)
            cursor = range.upperBound
            if inner.hasPrefix("/") {
                tags.append(SVGTag(kind: .end, name: String(inner.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines),
                                   attributes: [:], range: range))
                continue
            }
            let empty = inner.hasSuffix("/")
            let body = empty ? inner.dropLast() : inner
            let name = String(body.prefix { !$0.isWhitespace })
            guard let attributes = parseAttributes(body.dropFirst(name.count)) else { return nil }
            tags.append(SVGTag(kind: empty ? .empty : .start, name: name, attributes: attributes, range: range))
        }
        return (tags, comments)
    }

    /// The `>` that ends the tag opened at `open`, skipping quoted values.
    private static func tagEnd(in source: String, from open: String.Index) -> String.Index? {
        var quote: Character?
        var index = source.index(after: open)
        while index < source.endIndex {
            let character = source[index]
            if let current = quote {
                if character == current { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return index
            }
            index = source.index(after: index)
        }
        return nil
    }

    private static func parseAttributes(_ text: Substring) -> [String: String]? {
        var attributes: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { return attributes }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { return nil }
            attributes[name] = decodeEntities(rest[..<end])
            rest = rest[rest.index(after: end)...]
        }
    }

    /// Character data with its references decoded: the five predefined
    /// entities and numeric references.
    static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var output = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                output += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "amp": output += "&"
            case "lt": output += "<"
            case "gt": output += ">"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let number = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                    : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
                if let number, let scalar = Unicode.Scalar(number) { output.unicodeScalars.append(scalar) } else { output += "&\(name);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }
}
