import Testing
@testable import PeerConf

@Suite("Huawei VRP dialect")
struct VRPDialectTests {
    let dialect = VRPDialect()

    @Test("descriptions: '?', quotes and non-ASCII are replaced, the rest is kept")
    func descriptionQuoting() {
        #expect(dialect.quoted(description: "a?b \"c\" #d !e {f} Zürich") == "a_b _c_ #d !e {f} Z_rich")
    }

    @Test("keys are one unquoted word; '?', '\"' and a leading '%' are refused naming the vendor")
    func keys() throws {
        #expect(dialect.quoted(key: "Ab1~$!#{}|;x") == "Ab1~$!#{}|;x")
        for key in ["Abc?defgh1", "Abc\"defgh1", "%^%#Abcdefgh1"] {
            let problems = try VRPRender.problems(key: key)
            #expect(problems.count == 1)
            #expect(problems.first?.vendor == .vrp)
            #expect(problems.first?.path == "virtual_interface.peers[0].bgp_md5_key")
        }
        #expect(try VRPRender.problems(key: "Ab1~$!#{}|;x%").isEmpty)
    }

    @Test("keys up to 255 characters are taken (VRP plaintext limit)")
    func keyLength() throws {
        #expect(try VRPRender.problems(key: "Ab1" + String(repeating: "k", count: 252)).isEmpty)
    }

    @Test("names keep letters, digits, '-' and '_' and stay distinct")
    func identifiers() {
        #expect(dialect.identifier("vif-a-peer-v4-CUSTOMER") == "vif-a-peer-v4-CUSTOMER")
        #expect(dialect.identifier("vif.a-peer-v4-CUSTOMER") != dialect.identifier("vif_a-peer-v4-CUSTOMER"))
        #expect(!dialect.identifier("vif.a-peer").contains("."))
    }

    @Test("BFD is enabled globally before the peer uses it; the configuration is committed")
    func rendering() throws {
        let text = try VRPRender.text(bfd: true)
        let global = try #require(text.range(of: "\nbfd\nquit\n"))
        let peer = try #require(text.range(of: " peer 192.168.0.1 bfd enable\n"))
        #expect(global.lowerBound < peer.lowerBound)
        #expect(text.contains(" peer 192.168.0.1 password cipher Str0ng-Key.2026\n"))
        #expect(text.contains(" vlan-type dot1q 100\n"))
        #expect(text.hasSuffix("commit\n"))
        #expect(!(try VRPRender.text(bfd: false)).contains("bfd"))
    }
}

/// Renders a one-peer BGP definition for VRP.
private enum VRPRender {
    static func problems(key: String) throws -> [RenderProblem] {
        DialectFixture.render(.vrp, v4: .init(key: key)).renderProblems
    }

    static func text(bfd: Bool) throws -> String {
        try #require(DialectFixture.render(.vrp, v4: .init(bfd: bfd ? "{interval_ms: 300, multiplier: 3}" : nil)).text)
    }
}
