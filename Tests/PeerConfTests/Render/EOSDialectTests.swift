import Testing
@testable import PeerConf

@Suite("Arista EOS dialect")
struct EOSDialectTests {
    let dialect = EOSDialect()

    @Test("a description loses '?', '|', quotes, backslashes and non-ASCII, and stops at 80")
    func description() {
        #expect(dialect.quoted(description: "a?b|c\"d\\e ;f $g !h Zürich") == "a_b_c_d_e ;f $g !h Z_rich")
        #expect(dialect.quoted(description: String(repeating: "y", count: 100)).count == 80)
    }

    @Test("keys EOS cannot take fail, naming the vendor and the field", arguments: ["?", "|", "\"", "\\"])
    func forbiddenKeyCharacter(_ character: String) {
        let problems = DialectFixture.render(.eos, v4: .init(key: "Abcd\(character)efg1")).problems
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("eos: virtual_interface.peers[0].bgp_md5_key: the MD5 key contains a character Arista EOS cannot take") == true,
                "\(problems)")
    }

    @Test("the Linux kernel limit: 80 characters pass, 81 fail")
    func keyLength() {
        let eighty = "A" + String(repeating: "b", count: 78) + "1"
        let rendered = DialectFixture.render(.eos, v4: .init(key: eighty))
        #expect(rendered.lines.contains("   neighbor 192.168.0.1 password 0 \(eighty)"), "\(rendered.problems)")
        let problems = DialectFixture.render(.eos, v4: .init(key: eighty + "c")).problems
        #expect(problems.count == 1)
        #expect(problems.first?.contains("at most 80") == true, "\(problems)")
    }

    @Test("IPv6 prefix lists use EOS's sub-mode form; IPv6 routing is switched on")
    func ipv6() {
        let lines = DialectFixture.render(.eos, v6: .init()).lines
        #expect(lines.contains("ipv6 unicast-routing"))
        guard let list = lines.firstIndex(of: "ipv6 prefix-list vif-test-peer-v6-CUSTOMER") else {
            Issue.record("no IPv6 prefix list in \(lines)")
            return
        }
        #expect(lines[list + 1] == "   seq 10 permit 2001:db8:52::/48")
        #expect(!lines.contains { $0.hasPrefix("ipv6 prefix-list") && $0.contains(" seq ") })
    }

    @Test("the parent becomes a routed port; BFD is on the interface and the neighbor")
    func tagged() {
        let lines = DialectFixture.render(.eos, v4: .init(bfd: "{interval_ms: 250, multiplier: 4}")).lines
        #expect(lines.contains("ip routing"))
        let parent = lines.firstIndex(of: "interface Ethernet1")
        #expect(parent.map { lines[$0 + 1] } == "   no switchport")
        #expect(lines.contains("   encapsulation dot1q vlan 100"))
        #expect(lines.contains("   bfd interval 250 min_rx 250 multiplier 4"))
        #expect(lines.contains("   neighbor 192.168.0.1 bfd"))
    }

    @Test("rollback deletes the subinterface after the neighbor and keeps the parent routed")
    func rollback() {
        let lines = DialectFixture.render(.eos, rollback: true).lines
        let neighbor = lines.firstIndex(of: "   no neighbor 192.168.0.1")
        let interface = lines.firstIndex(of: "no interface Ethernet1.100")
        #expect(neighbor != nil && interface != nil)
        if let neighbor, let interface { #expect(neighbor < interface) }
        #expect(!lines.contains("interface Ethernet1"))
    }
}
