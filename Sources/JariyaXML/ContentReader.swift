import JariyaCore

/// Reads one course or bank from bytes (an upload, or a version from the
/// store) through the same safe parser, schema and checks as `course check`.
public enum ContentReader {
    /// The course in the bytes, or every problem found.
    public static func course(bytes: [UInt8], name: String) throws(XMLFailure) -> Course {
        let document = try SafeXML.load(bytes: bytes, name: name, schemas: [.course])
        var sink = DiagnosticSink(document: document)
        let course = CourseReader.read(document.root, into: &sink)
        if !sink.diagnostics.isEmpty { throw XMLFailure(sink.diagnostics) }
        return course
    }

    /// The bank in the bytes, or every problem found.
    public static func bank(bytes: [UInt8], name: String) throws(XMLFailure) -> QuestionBank {
        let document = try SafeXML.load(bytes: bytes, name: name, schemas: [.quiz])
        var sink = DiagnosticSink(document: document)
        let bank = BankReader.read(document.root, into: &sink)
        if !sink.diagnostics.isEmpty { throw XMLFailure(sink.diagnostics) }
        return bank
    }
}
