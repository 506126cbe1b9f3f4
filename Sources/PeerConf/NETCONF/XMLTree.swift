import CLibXML2
import CXMLArena
import Foundation

/// The only code that touches libxml2's C API. An `XMLTree` owns its document; elements
/// are handles into it that live as long as the tree. Text always goes through
/// `xmlNewTextChild`/`xmlNodeAddContent`-style calls that escape it (text with nothing to
/// escape is marked as such, see `add`), never through string concatenation, so no value
/// can become markup.
///
/// Built for batches of hundreds of thousands of documents: names and values are handed
/// to libxml2 as pointers into the Swift strings (`withXMLString`, no temporary array per
/// call, which Swift's implicit `String` to `UnsafePointer<UInt8>` conversion makes),
/// element names are interned in the document's dictionary instead of copied per element,
/// and `serializedUTF8()` hands over the bytes libxml2 wrote, copied once.
public final class XMLTree {
    private let document: xmlDocPtr
    /// Set by `build` once it freed (or dropped) the document itself.
    private var isFreed = false

    public init() {
        Self.initializeLibrary()
        document = xmlNewDoc("1.0")
        // A document repeats a few dozen element names hundreds of times: with a
        // dictionary libxml2 stores each once (and frees it once) instead of copying it
        // for every element.
        document.pointee.dict = xmlDictCreate()
    }

    deinit {
        if !isFreed { xmlFreeDoc(document) }
    }

    /// Builds one document with libxml2's memory taken from this thread's arena
    /// (Sources/CXMLArena): `body` gets a new tree and returns what is kept of it (its
    /// serialized text), and the tree is gone when `build` returns, its memory ready for
    /// the thread's next document. Most of a document's cost was allocating and freeing
    /// its nodes one by one. The tree must not outlive `body`.
    ///
    /// When every block of the document came from the arena, the document is dropped
    /// with it rather than freed node by node: `xmlFreeDoc` would walk the whole tree
    /// to hand each block to a free that does nothing (3 % of a batch's CPU). A block of
    /// the document outside the arena (its registry full) makes it a normal free.
    static func build<Result>(_ body: (XMLTree) -> Result) -> Result {
        initializeLibrary()
        // libxml2 creates a thread's error state on first use and keeps it: not in the arena.
        _ = xmlGetLastError()
        peerconf_xml_arena_begin()
        defer { peerconf_xml_arena_end() }
        var tree = XMLTree()
        let result = body(tree)
        precondition(isKnownUniquelyReferenced(&tree), "an XMLTree escaped XMLTree.build, whose arena its memory belongs to")
        if peerconf_xml_arena_fell_back() != 0 { xmlFreeDoc(tree.document) }
        tree.isFreed = true
        return result
    }

    /// libxml2 2.9 sets its global state up lazily, and part of that is not thread-safe:
    /// two batch threads creating their first dictionaries at the same moment each made
    /// the dictionary mutex, one released the other's lock, and every later document
    /// waited on it for ever (seen once in a 10,000-interface `netconf` run). libxml2 asks
    /// for `xmlInitParser()` before it is used from several threads; Swift runs a static
    /// initializer exactly once, whichever thread gets there first.
    ///
    /// The allocation hooks go in first: outside `build` they are malloc and free, so
    /// nothing else changes (see Sources/CXMLArena/xml_arena.c).
    private static let libraryInitialized: Void = {
        xmlMemSetup(peerconf_xml_arena_free, peerconf_xml_arena_malloc, peerconf_xml_arena_realloc, peerconf_xml_arena_strdup)
        xmlInitParser()
    }()

    static func initializeLibrary() {
        _ = libraryInitialized
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
        let node = withXMLString(name) { xmlNewDocNode(document, nil, $0, nil) }!
        if let uri { declareDefault(uri, on: node) }
        xmlDocSetRootElement(document, node)
        return Element(node: node)
    }

    /// Adds a child element; `text` is escaped. Without `namespace` the child inherits
    /// the parent's namespace; with one, it declares it as the child's default.
    @discardableResult
    public func add(_ name: String, to parent: Element, text: String? = nil, namespace uri: String? = nil) -> Element {
        let node = withXMLString(name) { name in
            withOptionalXMLString(text) { text in
                let node = xmlNewTextChild(parent.node, nil, name, text)
                // Most values (addresses, numbers, names) contain nothing to escape: their
                // text node is marked so, which spares libxml2's saver its escaping loop
                // (3 % of an OpenConfig document's instructions) and writes the same bytes.
                if writesPlainTextVerbatim, let text, let child = node?.pointee.children, strpbrk(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), "<>&\r") == nil {
                    peerconf_xml_text_verbatim(child)
                }
                return node
            }
        }!
        if let uri { declareDefault(uri, on: node) }
        return Element(node: node)
    }

    /// Off only in tests, which compare the bytes of both ways of writing a text.
    var writesPlainTextVerbatim = true

    private func declareDefault(_ uri: String, on node: xmlNodePtr) {
        xmlSetNs(node, withXMLString(uri) { xmlNewNs(node, $0, nil) })
    }

    /// Adds a leaf whose value is a YANG identity (`prefix:NAME`), declaring
    /// `xmlns:prefix` on the leaf itself so the binding is in scope wherever the leaf is
    /// copied (RFC 7950 section 9.10.3).
    @discardableResult
    public func addIdentity(_ name: String, to parent: Element, prefix: String, namespace uri: String, identity: String) -> Element {
        let element = add(name, to: parent, text: "\(prefix):\(identity)")
        withXMLString(uri) { uri in
            withXMLString(prefix) { _ = xmlNewNs(element.node, uri, $0) }
        }
        return element
    }

    /// Adds a comment. XML comments cannot contain `--` or end with `-`, and libxml2 does
    /// not escape them, so both are broken up here.
    public func addComment(_ text: String, to parent: Element) {
        xmlAddChild(parent.node, comment(text))
    }

    /// Adds a comment before the root element (call after `makeRoot`).
    public func addPrologComment(_ text: String) {
        guard let root = xmlDocGetRootElement(document) else { return }
        xmlAddPrevSibling(root, comment(text))
    }

    /// Built as UTF-8 bytes, which is where XML forbids `--`: by `Character`, a combining
    /// mark after the second `-` hid it (one character, not equal to "-"), and building
    /// the header comment every document has that way was a twentieth of an OpenConfig
    /// document's cost.
    private func comment(_ text: String) -> xmlNodePtr {
        let hyphen = UInt8(ascii: "-"), space = UInt8(ascii: " ")
        var safe: [UInt8] = [space]
        safe.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if byte == hyphen && safe.last == hyphen { safe.append(space) }
            safe.append(byte)
        }
        safe += [space, 0]
        return safe.withUnsafeBufferPointer { xmlNewDocComment(document, $0.baseAddress) }!
    }

    /// Declares a prefixed namespace on `element` (e.g. `nc` for operation attributes).
    public func declare(prefix: String, uri: String, on element: Element) -> Namespace {
        Namespace(pointer: withXMLString(uri) { uri in withXMLString(prefix) { xmlNewNs(element.node, uri, $0) } })
    }

    /// Sets an attribute; the value is escaped.
    public func setAttribute(_ name: String, _ value: String, on element: Element, namespace: Namespace? = nil) {
        _ = withXMLString(name) { name in
            withXMLString(value) { value in
                if let namespace {
                    xmlSetNsProp(element.node, namespace.pointer, name, value)
                } else {
                    xmlSetProp(element.node, name, value)
                }
            }
        }
    }

    /// The document as UTF-8 text with an XML declaration and 2-space indentation.
    public func serialized() -> String {
        String(decoding: serializedUTF8(), as: UTF8.self)
    }

    /// `serialized()` as the bytes libxml2 wrote.
    public func serializedUTF8() -> [UInt8] {
        XMLOutput.serialize(document)
    }
}

/// Hands `text` to libxml2 as a NUL-terminated `xmlChar` pointer valid inside `body`.
/// `withCString` reads a native string in place (small ones from a stack copy).
@inline(__always)
func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}

/// `withXMLString` for an optional text: nil stays a null pointer.
@inline(__always)
func withOptionalXMLString<Result>(_ text: String?, _ body: (UnsafePointer<xmlChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return withXMLString(text) { body($0) }
}

/// An element parsed back from XML text, as plain Swift values (for checks and tests).
/// (Not `XMLNode`: Foundation has a class of that name on Apple platforms.)
public struct ParsedXMLElement: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public var name: String
        /// The attribute's namespace URI; nil when unqualified.
        public var namespace: String?
        public var value: String
    }

    public var name: String
    /// The element's namespace URI; nil when it has none.
    public var namespace: String?
    public var attributes: [Attribute]
    public var children: [ParsedXMLElement]
    /// The element's own text (its text and CDATA children, concatenated).
    public var text: String
    /// The text of its comment children, in order.
    public var comments: [String]

    /// Every element in document order, this one first.
    public var allElements: [ParsedXMLElement] { [self] + children.flatMap(\.allElements) }

    public func child(_ name: String) -> ParsedXMLElement? { children.first { $0.name == name } }

    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }
}

/// Parses XML back, for checking that generated documents carry values as data.
/// Untrusted input: no network, no entity expansion (`XML_PARSE_NOENT` is never set).
public enum XMLReader {
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static func withDocument<T>(_ xml: String, options: Int32 = options, _ body: (xmlDocPtr) -> T) -> T? {
        XMLTree.initializeLibrary()
        let bytes = Array(xml.utf8)
        guard !bytes.isEmpty, let document = bytes.withUnsafeBufferPointer({ pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReadMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        return body(document)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The text of every element named `name`, in document order; nil when not well-formed.
    public static func texts(of name: String, in xml: String) -> [String]? {
        parse(xml)?.allElements.filter { $0.name == name }.map(\.text)
    }

    /// The root element as a value tree; nil when the text is not well-formed XML.
    public static func parse(_ xml: String) -> ParsedXMLElement? {
        withDocument(xml) { document in
            xmlDocGetRootElement(document).map(node)
        } ?? nil
    }

    private static func node(_ element: xmlNodePtr) -> ParsedXMLElement {
        var attributes: [ParsedXMLElement.Attribute] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            var value = ""
            if let content = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: content)
                peerconf_xml_free(content)
            }
            attributes.append(ParsedXMLElement.Attribute(
                name: String(cString: current.pointee.name),
                namespace: current.pointee.ns.flatMap { string($0.pointee.href) },
                value: value
            ))
            attribute = current.pointee.next
        }
        var children: [ParsedXMLElement] = []
        var text = ""
        var comments: [String] = []
        var child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(node(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += string(current.pointee.content) ?? ""
            case XML_COMMENT_NODE: comments.append(string(current.pointee.content) ?? "")
            default: break
            }
            child = current.pointee.next
        }
        return ParsedXMLElement(
            name: String(cString: element.pointee.name),
            namespace: element.pointee.ns.flatMap { string($0.pointee.href) },
            attributes: attributes, children: children, text: text, comments: comments
        )
    }

    /// The element children of the first `<config>` element of the NETCONF base
    /// namespace, each serialized on its own (2-space indentation, no XML declaration)
    /// with every namespace it uses declared on it: the payload a YANG validator checks.
    ///
    /// `qualify(depth, name)` may give a default namespace to elements that are
    /// unqualified on the wire (no namespace, or the NETCONF namespace they inherit
    /// from the envelope); depth 0 is a child of `<config>`. Their unqualified
    /// descendants take the namespace of their parent. Junos's payload is unqualified on
    /// the wire but validated qualified.
    /// Nil when the text is not well-formed or has no `<config>`.
    public static func configChildren(in xml: String, qualify: ((_ depth: Int, _ name: String) -> String?)? = nil) -> [String]? {
        let blankless = options | Int32(XML_PARSE_NOBLANKS.rawValue)
        return withDocument(xml, options: blankless) { document -> [String]? in
            guard let config = find(xmlDocGetRootElement(document), name: "config", namespace: "urn:ietf:params:xml:ns:netconf:base:1.0") else {
                return nil
            }
            var fragments: [String] = []
            var child = config.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                guard let copyDocument = xmlNewDoc("1.0") else { return nil }
                defer { xmlFreeDoc(copyDocument) }
                guard let copy = xmlDocCopyNode(current, copyDocument, 1) else { return nil }
                xmlDocSetRootElement(copyDocument, copy)
                if let qualify {
                    let envelope = copy.pointee.ns.flatMap { string($0.pointee.href) } == netconfBase ? copy.pointee.ns : nil
                    applyDefaultNamespaces(copy, depth: 0, parent: nil, envelope: envelope, qualify)
                }
                guard let buffer = xmlBufferCreate() else { return nil }
                defer { xmlBufferFree(buffer) }
                xmlNodeDump(buffer, copyDocument, copy, 0, 1)
                fragments.append(String(cString: xmlBufferContent(buffer)))
            }
            return fragments
        } ?? nil
    }

    private static func find(_ start: xmlNodePtr?, name: String, namespace: String) -> xmlNodePtr? {
        var current = start
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == name,
               node.pointee.ns.flatMap({ string($0.pointee.href) }) == namespace {
                return node
            }
            if let found = find(node.pointee.children, name: name, namespace: namespace) { return found }
            current = node.pointee.next
        }
        return nil
    }

    private static let netconfBase = "urn:ietf:params:xml:ns:netconf:base:1.0"

    /// `envelope`: the copy's declaration of the NETCONF namespace its root inherited.
    private static func applyDefaultNamespaces(_ node: xmlNodePtr, depth: Int, parent: xmlNsPtr?, envelope: xmlNsPtr?, _ qualify: (Int, String) -> String?) {
        let unqualified = node.pointee.ns == nil || node.pointee.ns == envelope
        if unqualified {
            if let uri = qualify(depth, String(cString: node.pointee.name)) {
                if let declared = defaultDeclaration(on: node) {
                    // The copy re-declared the envelope's default namespace here: point
                    // that declaration at the new namespace.
                    peerconf_xml_free(UnsafeMutableRawPointer(mutating: declared.pointee.href))
                    declared.pointee.href = UnsafePointer(xmlStrdup(uri))
                    xmlSetNs(node, declared)
                } else {
                    xmlSetNs(node, xmlNewNs(node, uri, nil))
                }
            } else {
                xmlSetNs(node, parent)
            }
        }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { applyDefaultNamespaces(current, depth: depth + 1, parent: node.pointee.ns, envelope: envelope, qualify) }
            child = current.pointee.next
        }
    }

    private static func defaultDeclaration(on node: xmlNodePtr) -> xmlNsPtr? {
        var declaration = node.pointee.nsDef
        while let current = declaration {
            if current.pointee.prefix == nil { return current }
            declaration = current.pointee.next
        }
        return nil
    }
}
