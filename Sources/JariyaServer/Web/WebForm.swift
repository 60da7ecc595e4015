import Foundation
import MultipartKit
import NIOCore

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`),
/// in order; a name may repeat, as checkboxes do.
public struct WebForm: Sendable {
    /// Name and value pairs as sent.
    public var fields: [(name: String, value: String)] = []
    /// Uploaded files by field name: the name the browser gave and the bytes.
    public var files: [String: (filename: String, bytes: [UInt8])] = [:]

    /// An empty form.
    public init() {}

    /// The first value of a field.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of a field.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Reads a `multipart/form-data` body (a form with a file): text parts
    /// become fields, parts with a file name become files.
    public static func parse(multipart body: ByteBuffer, boundary: String) throws -> WebForm {
        var form = WebForm()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            let bytes = content.readBytes(length: content.readableBytes) ?? []
            if let name = Self.parameter("name", in: disposition) {
                if let filename = Self.parameter("filename", in: disposition) {
                    form.files[name] = (filename, bytes)
                } else {
                    form.fields.append((name, String(decoding: bytes, as: UTF8.self)))
                }
            }
            headers = [:]
            content.clear()
        }
        try parser.execute(body)
        return form
    }

    /// An uploaded file's own name, for messages and the checker: no folders,
    /// only letters, digits, `-`, `_` and `.`, never hidden; `otherwise` when nothing is left.
    public static func safeFilename(_ filename: String, otherwise fallback: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(last.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) })
        return kept.hasPrefix(".") || kept.isEmpty ? fallback : kept
    }

    /// A quoted parameter of a Content-Disposition header.
    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == name else { continue }
            return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// Reads a form body; pairs that do not decode are dropped.
    public static func parse(_ body: String) -> WebForm {
        var form = WebForm()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else { continue }
            form.fields.append((name, value))
        }
        return form
    }
}
