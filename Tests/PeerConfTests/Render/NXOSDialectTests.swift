import Testing
@testable import PeerConf

@Suite("Cisco NX-OS dialect")
struct NXOSDialectTests {
    let dialect = NXOSDialect()

    @Test("a description loses every character NX-OS's CLI gives a meaning to")
    func description() {
        let quoted = dialect.quoted(description: "a;b|c>d$(e)?\"f\\g !h #i Zürich")
        #expect(quoted == "a_b_c_d_(e)__f_g !h #i Z_rich")
        #expect(dialect.quoted(description: String(repeating: "x", count: 128)).count == 80)
    }

    @Test("keys with characters NX-OS gives a meaning to fail, naming the vendor and the field",
          arguments: [";", "|", "$", "?", "\"", "\\"])
    func forbiddenKeyCharacter(_ character: String) {
        let problems = DialectFixture.render(.nxOS, v4: .init(key: "Abcd\(character)efg1")).problems
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("nx-os: virtual_interface.peers[0].bgp_md5_key: the MD5 key contains a character Cisco NX-OS cannot take") == true,
                "\(problems)")
    }

    @Test("a key may start with a digit: 'password 0' already says clear text")
    func digitFirst() {
        let rendered = DialectFixture.render(.nxOS, v4: .init(key: "1Abcdefg~!#"))
        #expect(rendered.lines.contains("    password 0 1Abcdefg~!#"), "\(rendered.problems)")
    }

    @Test("BFD: feature, redirects off, intervals above 999 ms written as 999 with a comment")
    func bfd() {
        let lines = DialectFixture.render(.nxOS, v4: .init(bfd: "{interval_ms: 1000, multiplier: 5}"), v6: .init()).lines
        #expect(lines.contains("feature bfd"))
        #expect(lines.contains("  no ip redirects"))
        #expect(lines.contains("  no ipv6 redirects"))
        #expect(lines.contains("  bfd interval 999 min_rx 999 multiplier 5"))
        #expect(lines.contains { $0.hasPrefix("! Cisco NX-OS takes a BFD interval of at most 999 ms; peer peer-v4 asks for 1000 ms") })
        // Only the peer that asked for BFD gets it.
        #expect(lines.filter { $0 == "    bfd" }.count == 1)
    }

    @Test("without BFD there is no feature bfd and no interval")
    func noBFD() {
        let lines = DialectFixture.render(.nxOS).lines
        #expect(!lines.contains("feature bfd"))
        #expect(!lines.contains { $0.contains("bfd interval") || $0.contains("redirects") })
        #expect(lines.contains("feature bgp"))
    }

    @Test("VLAN 0 is a routed port carrying the addresses; its rollback restores redirects")
    func untagged() {
        let lines = DialectFixture.render(.nxOS, vlan: 0, v4: .init(bfd: "{interval_ms: 300, multiplier: 3}")).lines
        let port = lines.firstIndex(of: "interface Ethernet1/1")
        #expect(port != nil)
        #expect(lines.filter { $0.hasPrefix("interface ") } == ["interface Ethernet1/1"])
        if let port { #expect(lines[port + 1] == "  no switchport") }
        #expect(!lines.contains { $0.contains("encapsulation") })

        let rollback = DialectFixture.render(.nxOS, vlan: 0, v4: .init(bfd: "{interval_ms: 300, multiplier: 3}"), rollback: true).lines
        #expect(rollback.contains("  ip redirects"))
        #expect(rollback.contains("  no ip address 192.168.0.2/30"))
        #expect(!rollback.contains { $0.hasPrefix("no interface") })
    }
}
