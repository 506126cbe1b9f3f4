import Testing
@testable import PeerConf

/// The libxml2 wrapper's additions for NETCONF: identities, comments, parse-back.
@Suite("libxml2 wrapper: NETCONF helpers")
struct XMLTreeNetconfTests {
    @Test("an identity leaf declares its prefix on itself, so it stays bound wherever it is copied")
    func identity() throws {
        let tree = XMLTree()
        let root = tree.makeRoot("protocol", namespace: "http://openconfig.net/yang/network-instance")
        tree.addIdentity("identifier", to: root, prefix: "oc-pol-types", namespace: "http://openconfig.net/yang/policy-types", identity: "BGP")
        let xml = tree.serialized()
        #expect(xml.contains(#"<identifier xmlns:oc-pol-types="http://openconfig.net/yang/policy-types">oc-pol-types:BGP</identifier>"#))
        let parsed = try #require(XMLReader.parse(xml))
        #expect(parsed.child("identifier")?.namespace == "http://openconfig.net/yang/network-instance")
    }

    @Test("comments cannot be closed or made invalid by their text")
    func comments() throws {
        let tree = XMLTree()
        let root = tree.makeRoot("config", namespace: nil)
        tree.addComment("vif--a--> <evil/> ends with -", to: root)
        tree.addPrologComment("prolog -- comment-")
        let xml = tree.serialized()
        let parsed = try #require(XMLReader.parse(xml), "not well-formed:\n\(xml)")
        #expect(parsed.children.isEmpty)
        #expect(parsed.comments.count == 1 && parsed.comments[0].contains("<evil/>"))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- prolog - - comment- -->\n<config>"))
    }

    @Test("the children of <config> come out standalone, with the namespaces they use")
    func configChildren() throws {
        let rpc = """
        <rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1"><edit-config><config xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
        <a xmlns="urn:a"><b nc:operation="remove"><k>1</k></b></a>
        <configuration><interfaces><interface><name>x</name></interface></interfaces></configuration>
        </config></edit-config></rpc>
        """
        let plain = try #require(XMLReader.configChildren(in: rpc))
        #expect(plain.count == 2)
        #expect(plain[0] == "<a xmlns=\"urn:a\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  <b nc:operation=\"remove\">\n    <k>1</k>\n  </b>\n</a>")
        let qualified = try #require(XMLReader.configChildren(in: rpc) { depth, name in
            depth == 0 ? "urn:root" : depth == 1 ? "urn:module:\(name)" : nil
        })
        let configuration = try #require(XMLReader.parse(qualified[1]))
        #expect(configuration.namespace == "urn:root")
        #expect(configuration.child("interfaces")?.namespace == "urn:module:interfaces")
        #expect(configuration.allElements.filter { $0.name == "name" }.map(\.namespace) == ["urn:module:interfaces"])
        // An element qualified on the wire keeps its namespace.
        #expect(XMLReader.parse(qualified[0])?.namespace == "urn:a")
        #expect(XMLReader.configChildren(in: "<rpc/>") == nil)
        #expect(XMLReader.configChildren(in: "<rpc><config>") == nil)
    }
}
