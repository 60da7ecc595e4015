import CLibXML2

/// Copies a libxml2 tree into `XMLElement` values.
enum XMLTree {
    static func element(_ node: xmlNodePtr) -> XMLElement {
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElement(
            name: string(node.pointee.name),
            namespace: node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
            attributes: attributes(node),
            children: children,
            text: text,
            line: Int(xmlGetLineNo(node))
        )
    }

    private static func attributes(_ node: xmlNodePtr) -> [XMLElement.Attribute] {
        var result: [XMLElement.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var name = string(current.pointee.name)
            if let prefix = current.pointee.ns?.pointee.prefix { name = "\(String(cString: prefix)):\(name)" }
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            result.append(XMLElement.Attribute(name: name, value: value))
            attribute = current.pointee.next
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
