/// An element of a parsed document, copied out of libxml2 into plain values so
/// that no libxml2 type leaves this module.
public struct XMLElement: Hashable, Sendable {
    /// The local name, e.g. "module".
    public var name: String
    /// The namespace URI, or nil for none.
    public var namespace: String?
    /// Attributes in document order; `xml:lang` appears as "xml:lang".
    public var attributes: [Attribute]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// The element's own text (text and CDATA children joined), untrimmed.
    public var text: String
    /// The 1-based line the start tag is on.
    public var line: Int

    /// An attribute's name and value.
    public struct Attribute: Hashable, Sendable {
        /// The name, with "xml:" for the XML namespace.
        public var name: String
        /// The value as written, entities resolved.
        public var value: String
    }

    /// The value of an attribute, or nil when absent.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements with a local name.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with a local name.
    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }
}
