import Testing
@testable import PeerConf

@Suite("libxml2 wrapper")
struct XMLTreeTests {
    @Test("text is escaped by libxml2 and parses back unchanged")
    func hostileText() throws {
        let hostile = "A & B <c/> ]]>]]> \"quoted\" 'single' </description><evil/>"
        let tree = XMLTree()
        let root = tree.makeRoot("config", namespace: "urn:ietf:params:xml:ns:netconf:base:1.0")
        let interface = tree.add("interface", to: root, namespace: "http://openconfig.net/yang/interfaces")
        tree.add("description", to: interface, text: hostile)
        let nc = tree.declare(prefix: "nc", uri: "urn:ietf:params:xml:ns:netconf:base:1.0", on: root)
        tree.setAttribute("operation", "remove", on: interface, namespace: nc)
        let xml = tree.serialized()
        #expect(xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
          <interface xmlns="http://openconfig.net/yang/interfaces" nc:operation="remove">
            <description>A &amp; B &lt;c/&gt; ]]&gt;]]&gt; "quoted" 'single' &lt;/description&gt;&lt;evil/&gt;</description>
          </interface>
        </config>

        """)
        #expect(XMLReader.texts(of: "description", in: xml) == [hostile])
        #expect(XMLReader.texts(of: "evil", in: xml) == [])
    }

    /// Text without anything to escape skips libxml2's escaping loop (`add`): for every
    /// ASCII character and a few beyond, the document must be the same bytes as when
    /// libxml2 escapes every text.
    @Test("text written without libxml2's escaping loop is the same bytes")
    func verbatimTextMatchesEscaping() {
        func document(_ text: String, verbatim: Bool) -> String {
            let tree = XMLTree()
            tree.writesPlainTextVerbatim = verbatim
            let root = tree.makeRoot("config", namespace: "urn:example")
            tree.add("leaf", to: root, text: text)
            tree.add("empty", to: root, text: "")
            return tree.serialized()
        }
        let characters = (1...0x7F).map { String(UnicodeScalar(UInt8($0))) } + ["é", "€", "𝄞", "\u{301}", "\u{2028}"]
        for character in characters {
            for text in [character, "a\(character)b", "\(character)\(character)"] {
                let verbatim = document(text, verbatim: true), escaped = document(text, verbatim: false)
                // Bytes, not String equality (which is up to canonical equivalence).
                #expect(Array(verbatim.utf8) == Array(escaped.utf8), "\(Array(text.unicodeScalars)): \(verbatim) vs \(escaped)")
            }
        }
        #expect(document("a<b&c>d\re", verbatim: true).contains("<leaf>a&lt;b&amp;c&gt;d&#13;e</leaf>"))
    }

    @Test("malformed XML is reported, not crashed on")
    func malformed() {
        #expect(XMLReader.texts(of: "a", in: "<a><b></a>") == nil)
    }
}
