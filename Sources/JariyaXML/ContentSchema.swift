import CLibXML2
import Foundation
import JariyaCore

/// The XSD schemas of Jariya's content files, shipped as package resources.
public enum ContentSchema: String, CaseIterable, Sendable {
    /// Courses, `Courses/*.xml`.
    case course
    /// Question banks, `Quizzes/*.xml`.
    case quiz

    /// The namespace a document's root element declares.
    public var namespace: String { "urn:jariya:\(rawValue):1" }

    /// The root element's local name.
    public var rootElement: String { self == .course ? "course" : "bank" }

    /// The schema's text, as shipped.
    public var source: String? {
        Bundle.module.url(forResource: rawValue, withExtension: "xsd", subdirectory: "Schemas")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    func compiled() throws(XMLFailure) -> CompiledSchema {
        let result = self == .course ? CompiledSchema.course : CompiledSchema.quiz
        return try result.get()
    }
}

/// A compiled XSD. libxml2 allows one compiled schema to be shared by many
/// validations at once, each with its own validation context, and it is never
/// changed after compiling: that is what makes the unchecked Sendable sound.
final class CompiledSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    static let course = compile(.course)
    static let quiz = compile(.quiz)

    private init(_ schema: xmlSchemaPtr) { self.schema = schema }

    deinit { xmlSchemaFree(schema) }

    private static func compile(_ kind: ContentSchema) -> Result<CompiledSchema, XMLFailure> {
        LibXML2.initialize()
        let file = "\(kind.rawValue).xsd"
        guard let text = kind.source else {
            return .failure(XMLFailure([Diagnostic(file: file, line: 1, message: "the schema is missing from the installation")]))
        }
        // libxml2's memory parser reads the buffer in place during xmlSchemaParse,
        // so the bytes must outlive the parse, not just the context's creation.
        let bytes = Array(text.utf8)
        let parsed: Result<xmlSchemaPtr, XMLFailure> = bytes.withUnsafeBufferPointer { buffer in
            guard let parser = buffer.baseAddress.flatMap({ base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlSchemaNewMemParserCtxt($0, Int32(buffer.count)) }
            }) else {
                return .failure(XMLFailure([Diagnostic(file: file, line: 1, message: "the schema could not be read")]))
            }
            defer { xmlSchemaFreeParserCtxt(parser) }
            guard let schema = xmlSchemaParse(parser) else {
                return .failure(XMLFailure([Diagnostic(file: file, line: 1, message: "the schema does not compile")]))
            }
            return .success(schema)
        }
        let schema: xmlSchemaPtr
        switch parsed {
        case .success(let compiled): schema = compiled
        case .failure(let failure): return .failure(failure)
        }
        return .success(CompiledSchema(schema))
    }

    /// Validates a parsed document; every non-zero result is a rejection, since
    /// libxml2 returns -1 rather than a count for some documents it cannot judge.
    func validate(_ document: xmlDocPtr, collector: ErrorCollector) throws(XMLFailure) {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw XMLFailure([Diagnostic(file: collector.file, line: 1, message: "the validator could not start (out of memory)")])
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, { data, error in
            guard let error, let collector = ErrorCollector.from(data) else { return }
            collector.validationError(error.pointee)
        }, Unmanaged.passUnretained(collector).toOpaque())
        let result = xmlSchemaValidateDoc(context, document)
        if result != 0 && collector.diagnostics.isEmpty {
            throw XMLFailure([Diagnostic(file: collector.file, line: 1, message: "the document could not be validated (libxml2 returned \(result))")])
        }
    }
}
