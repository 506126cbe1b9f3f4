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

    @Test("malformed XML is reported, not crashed on")
    func malformed() {
        #expect(XMLReader.texts(of: "a", in: "<a><b></a>") == nil)
    }
}
