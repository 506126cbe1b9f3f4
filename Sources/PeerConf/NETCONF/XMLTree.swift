import CLibXML2

/// The only code that touches libxml2's C API. An `XMLTree` owns its document; elements
/// are handles into it that live as long as the tree. Text always goes through
/// `xmlNewTextChild`/`xmlNodeAddContent`-style calls that escape it, never through
/// string concatenation, so no value can become markup.
public final class XMLTree {
    private let document: xmlDocPtr

    public init() {
        document = xmlNewDoc("1.0")
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// An element of this tree.
    public struct Element {
        fileprivate let node: xmlNodePtr
    }

    /// A namespace declared on an element, to qualify children and attributes.
    public struct Namespace {
        fileprivate let pointer: xmlNsPtr
    }

    /// Creates the root element with its default namespace.
    @discardableResult
    public func makeRoot(_ name: String, namespace uri: String?) -> Element {
        let node = xmlNewDocNode(document, nil, name, nil)!
        if let uri {
            let namespace = xmlNewNs(node, uri, nil)
            xmlSetNs(node, namespace)
        }
        xmlDocSetRootElement(document, node)
        return Element(node: node)
    }

    /// Adds a child element; `text` is escaped. Without `namespace` the child inherits
    /// the parent's namespace; with one, it declares it as the child's default.
    @discardableResult
    public func add(_ name: String, to parent: Element, text: String? = nil, namespace uri: String? = nil) -> Element {
        let node = xmlNewTextChild(parent.node, nil, name, text)!
        if let uri {
            let namespace = xmlNewNs(node, uri, nil)
            xmlSetNs(node, namespace)
        }
        return Element(node: node)
    }

    /// Declares a prefixed namespace on `element` (e.g. `nc` for operation attributes).
    public func declare(prefix: String, uri: String, on element: Element) -> Namespace {
        Namespace(pointer: xmlNewNs(element.node, uri, prefix))
    }

    /// Sets an attribute; the value is escaped.
    public func setAttribute(_ name: String, _ value: String, on element: Element, namespace: Namespace? = nil) {
        if let namespace {
            xmlSetNsProp(element.node, namespace.pointer, name, value)
        } else {
            xmlSetProp(element.node, name, value)
        }
    }

    /// The document as UTF-8 text with an XML declaration and 2-space indentation.
    public func serialized() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &length, "UTF-8", 1)
        guard let buffer else { return "" }
        defer { peerconf_xml_free(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(length)), as: UTF8.self)
    }
}

/// Parses XML back into text content, for checking that generated documents carry
/// values as data. Untrusted input: no network, no entity expansion.
public enum XMLReader {
    /// The text of every element named `name`, in document order; nil when not well-formed.
    public static func texts(of name: String, in xml: String) -> [String]? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let bytes = Array(xml.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReadMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        var result: [String] = []
        func walk(_ node: xmlNodePtr?) {
            var current = node
            while let element = current {
                if element.pointee.type == XML_ELEMENT_NODE, String(cString: element.pointee.name) == name,
                   let content = xmlNodeGetContent(element) {
                    result.append(String(cString: content))
                    peerconf_xml_free(content)
                }
                walk(element.pointee.children)
                current = element.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        return result
    }
}
