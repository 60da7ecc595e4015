import CLibXML2
import Foundation
import JariyaCore

/// Reads XML written by people we do not control, safely (design.md §7):
/// the network is never touched, entities are never substituted, no DTD is
/// loaded, a DOCTYPE is refused outright, the size is capped before parsing,
/// and the file is fed to the parser in chunks as it is read.
public enum SafeXML {
    /// Files larger than this are refused before parsing: 16 MiB.
    public static let defaultMaxBytes = 16 * 1024 * 1024

    /// The complete option set handed to libxml2: `XML_PARSE_NONET` and
    /// nothing else. Never NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE, which
    /// leaves libxml2's own depth and amplification limits in force.
    public static let parserOptions = Int32(XML_PARSE_NONET.rawValue)

    static let chunkSize = 64 * 1024

    /// A document that passed: its bytes (for hashing and storing) and its tree.
    public struct Document: Sendable {
        /// The name used in messages.
        public var file: String
        /// The bytes exactly as read.
        public var bytes: [UInt8]
        /// The root element.
        public var root: XMLElement
    }

    /// Reads and parses a file, then validates it against the schema its root
    /// namespace names. Every problem is a `file:line:col` diagnostic.
    public static func load(path: String, displayName: String? = nil, maxBytes: Int = defaultMaxBytes,
                            schemas: [ContentSchema] = ContentSchema.allCases) throws(XMLFailure) -> Document {
        let name = displayName ?? path
        let handle: FileHandle
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes {
                throw XMLFailure([tooLarge(name, size: size, limit: maxBytes)])
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw XMLFailure([Diagnostic(file: name, line: 1, message: "cannot open the file")])
            }
            handle = opened
        } catch let failure as XMLFailure {
            throw failure
        } catch {
            throw XMLFailure([Diagnostic(file: name, line: 1, message: "cannot read the file: no such file or no permission")])
        }
        defer { try? handle.close() }
        return try parse(name: name, maxBytes: maxBytes, schemas: schemas) {
            (try? handle.read(upToCount: chunkSize)).map { [UInt8]($0) } ?? []
        }
    }

    /// Parses bytes already in memory (an upload, a test), in chunks as a file would be.
    public static func load(bytes: [UInt8], name: String, maxBytes: Int = defaultMaxBytes,
                            schemas: [ContentSchema] = ContentSchema.allCases) throws(XMLFailure) -> Document {
        if bytes.count > maxBytes { throw XMLFailure([tooLarge(name, size: bytes.count, limit: maxBytes)]) }
        var offset = 0
        return try parse(name: name, maxBytes: maxBytes, schemas: schemas) {
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    private static func tooLarge(_ name: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(file: name, line: 1, message: "the file is \(mebibytes(size)) and the limit is \(mebibytes(limit)); split it into smaller files")
    }

    private static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// Feeds chunks from `next` (empty at the end) to a push parser, then
    /// validates. `next` may be called until the size limit is passed.
    private static func parse(name: String, maxBytes: Int, schemas: [ContentSchema],
                              next: () -> [UInt8]) throws(XMLFailure) -> Document {
        LibXML2.initialize()
        let collector = ErrorCollector(file: name)
        guard let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, name) else {
            throw XMLFailure([Diagnostic(file: name, line: 1, message: "the XML parser could not start (out of memory)")])
        }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, parserOptions)
        context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        context.pointee.sax.pointee.serror = { data, error in
            guard let data, let error else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let collector = ErrorCollector.from(context.pointee._private) else { return }
            collector.parserError(error.pointee)
        }
        context.pointee.sax.pointee.internalSubset = { data, _, _, _ in
            guard let data else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let collector = ErrorCollector.from(context.pointee._private) else { return }
            let line = context.pointee.input.map { Int($0.pointee.line) } ?? 1
            collector.refuse(line: line, message: "a DOCTYPE is not allowed in Jariya content (it can declare entities and external files); remove the <!DOCTYPE …> line")
            xmlStopParser(context)
        }

        var bytes: [UInt8] = []
        while !collector.stopped {
            let chunk = next()
            if chunk.isEmpty { break }
            if bytes.isEmpty, let problem = XMLEncodingCheck.problem(start: chunk[...]) {
                throw XMLFailure([Diagnostic(file: name, line: 1, message: problem)])
            }
            bytes += chunk
            if bytes.count > maxBytes {
                throw XMLFailure([tooLarge(name, size: bytes.count, limit: maxBytes)])
            }
            let status = chunk.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlParseChunk(context, $0, Int32(buffer.count), 0) }
                } ?? 0
            }
            if status != 0 || context.pointee.disableSAX != 0 { break }
        }
        if !collector.stopped && context.pointee.disableSAX == 0 {
            xmlParseChunk(context, nil, 0, 1)
        }
        collector.source = bytes
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        defer { if let document { xmlFreeDoc(document) } }

        if bytes.isEmpty {
            throw XMLFailure([Diagnostic(file: name, line: 1, message: "the file is empty")])
        }
        guard collector.diagnostics.isEmpty, context.pointee.wellFormed != 0,
              let document, let rootNode = xmlDocGetRootElement(document) else {
            if collector.diagnostics.isEmpty {
                collector.refuse(line: 1, message: "the file is not well-formed XML")
            }
            throw XMLFailure(collector.diagnostics)
        }

        if let control = XMLEncodingCheck.firstControl(in: bytes) {
            let hex = String(control.value, radix: 16, uppercase: true)
            throw XMLFailure([Diagnostic(file: name, line: control.line,
                                         message: "the control character U+00\(hex) is not allowed in Jariya content; delete it (it is invisible in most editors)")])
        }
        let namespace = rootNode.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
        guard let schema = schemas.first(where: { $0.namespace == namespace }) else {
            let expected = schemas.map { "<\($0.rootElement) xmlns=\"\($0.namespace)\">" }.joined(separator: " or ")
            let line = Int(xmlGetLineNo(rootNode))
            throw XMLFailure([Diagnostic(file: name, line: line, column: collector.column(line: line, near: rootNode),
                                         message: "the root element must be \(expected)")])
        }
        try schema.compiled().validate(document, collector: collector)
        if !collector.diagnostics.isEmpty { throw XMLFailure(collector.diagnostics) }
        return Document(file: name, bytes: bytes, root: XMLTree.element(rootNode))
    }
}

/// libxml2's process-wide set-up, done once before any parser runs.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() {
        _ = initialized
    }
}
