import Testing
@testable import PeerConf

@Suite("Juniper Junos dialect")
struct JunosDialectTests {
    let dialect = JunosDialect()

    @Test("descriptions are one quoted string: quotes, backslashes, '?' and non-ASCII are replaced")
    func descriptionQuoting() {
        #expect(dialect.quoted(description: "a \"b\" c\\d e? #f ;g {h} Zürich") == "\"a _b_ c_d e_ #f ;g {h} Z_rich\"")
        // Whatever the text, exactly two quotes: the string cannot be closed early.
        let hostile = dialect.quoted(description: "x\" ; delete protocols \"")
        #expect(hostile.filter { $0 == "\"" }.count == 2)
        #expect(hostile.hasPrefix("\"") && hostile.hasSuffix("\""))
    }

    @Test("keys are quoted; keys with '\"', '\\' or '?' are refused naming the vendor")
    func keys() throws {
        #expect(dialect.quoted(key: "Ab1~$!#{}|;x") == "\"Ab1~$!#{}|;x\"")
        for key in ["Abc\"defgh1", "Abc\\defgh1", "Abc?defgh1"] {
            let problems = try JunosRender.problems(key: key)
            #expect(problems.count == 1)
            #expect(problems.first?.vendor == .junos)
            #expect(problems.first?.path == "virtual_interface.peers[0].bgp_md5_key")
        }
        #expect(try JunosRender.problems(key: "Ab1~$!#{}|;x").isEmpty)
    }

    @Test("keys up to 126 characters are taken, longer ones refused")
    func keyLength() throws {
        #expect(try JunosRender.problems(key: "Ab1" + String(repeating: "k", count: 123)).isEmpty)
        let problems = try JunosRender.problems(key: "Ab1" + String(repeating: "k", count: 124))
        #expect(problems.map(\.message).contains { $0.contains("127 characters") && $0.contains("at most 126") })
    }

    @Test("names keep letters, digits, '-' and '_', start with a letter, and stay distinct")
    func identifiers() {
        #expect(dialect.identifier("vif-a-peer-v4-IN") == "vif-a-peer-v4-IN")
        #expect(dialect.identifier("vif.a-peer-v4-IN") != dialect.identifier("vif_a-peer-v4-IN"))
        #expect(dialect.identifier("vif.a-peer-v4-IN").allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(dialect.identifier("1vif-peer").first?.isLetter == true)
    }

    @Test("the unit number is the VLAN id, 0 on an untagged port")
    func units() throws {
        let tagged = try JunosRender.text(vlan: 100)
        #expect(tagged.contains("set interfaces ge-0/0/1 unit 100 vlan-id 100\n"))
        #expect(tagged.contains("set interfaces ge-0/0/1 flexible-vlan-tagging\n"))
        let untagged = try JunosRender.text(vlan: 0)
        #expect(untagged.contains("set interfaces ge-0/0/1 unit 0 family inet address 192.168.0.2/30\n"))
        #expect(!untagged.contains("vlan-tagging"))
        #expect(!untagged.contains("vlan-id"))
        #expect(dialect.interfaceName(parent: "ge-0/0/1", vlan: 0) == "ge-0/0/1.0")
    }

    @Test("every line is a set statement or a '#' comment; no commit inside the set file")
    func lines() throws {
        let text = try JunosRender.text(vlan: 100)
        #expect(text.contains("neighbor 192.168.0.1 description \"x_ ; delete protocols\"\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("commit") })
        for line in text.split(separator: "\n") {
            #expect(line.hasPrefix("set ") || line.hasPrefix("#"), "unexpected line: \(line)")
        }
    }
}

/// Renders a one-peer BGP definition for Junos.
private enum JunosRender {
    /// The description tries to close its quotes and start a command.
    static let peer = DialectFixture.Peer(description: "x\" ; delete protocols")

    static func problems(key: String) throws -> [RenderProblem] {
        var peer = peer
        peer.key = key
        return DialectFixture.render(.junos, v4: peer).renderProblems
    }

    static func text(vlan: Int) throws -> String {
        try #require(DialectFixture.render(.junos, vlan: vlan, v4: peer).text)
    }
}
