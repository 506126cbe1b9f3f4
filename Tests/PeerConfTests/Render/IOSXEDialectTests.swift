import Testing
@testable import PeerConf

/// A one-interface definition for dialect tests of the Cisco-style platforms (IOS-XE, NX-OS,
/// EOS): a BGP IPv4 peer whose key, ASN, description and BFD are set per test, optionally
/// with an IPv6 peer.
@Suite("Cisco IOS / IOS-XE dialect")
struct IOSXEDialectTests {
    let dialect = IOSXEDialect()

    @Test("a description cannot ask for help, leave ASCII or run past 80 characters")
    func description() {
        let quoted = dialect.quoted(description: "Why? \"Zürich\" !bang #x")
        #expect(quoted == "Why_ \"Z_rich\" !bang #x")
        let long = dialect.quoted(description: String(repeating: "ab ", count: 40))
        #expect(long.count <= 80)
        #expect(!long.hasSuffix(" "))
    }

    @Test("the key is written after 'password 0' exactly as given")
    func keyLine() {
        let key = "Ab1~$\"\\{}|;#!x"
        let lines = DialectFixture.render(.iosXE, v4: .init(key: key)).lines
        #expect(lines.contains(" neighbor 192.168.0.1 password 0 \(key)"))
    }

    @Test("keys IOS cannot take fail with the vendor, the field and the reason")
    func keyLimits() {
        let cases: [(String, String)] = [
            ("Abc?defgh1", "'?'"),
            ("1Abcdefgh", "first character is a digit"),
            ("A" + String(repeating: "b1", count: 40), "at most 80"),
        ]
        for (key, reason) in cases {
            let problems = DialectFixture.render(.iosXE, v4: .init(key: key)).problems
            #expect(problems.count == 1, "\(key): \(problems)")
            #expect(problems.first?.hasPrefix("ios-xe: virtual_interface.peers[0].bgp_md5_key: ") == true, "\(problems)")
            #expect(problems.first?.contains(reason) == true, "\(problems)")
            #expect(problems.first?.contains(key) == false, "a message must not show the key")
        }
        let eighty = "A" + String(repeating: "b", count: 78) + "1"
        #expect(DialectFixture.render(.iosXE, v4: .init(key: eighty)).problems.isEmpty)
    }

    @Test("AS_TRANS 23456 is refused, naming the field")
    func asTrans() {
        let problems = DialectFixture.render(.iosXE, v4: .init(asn: "23456")).problems
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("ios-xe: virtual_interface.peers[0].bgp_asn: ") == true, "\(problems)")
    }

    @Test("names start with a letter and stay distinct")
    func identifiers() {
        #expect(dialect.identifier("vif.a-peer_1-OUT") == "vif.a-peer_1-OUT")
        let digit = dialect.identifier("100-peer-OUT")
        #expect(digit.first?.isLetter == true)
        #expect(digit != dialect.identifier("p_100-peer-OUT"))
        #expect(dialect.identifier(String(repeating: "a", count: 70)).count == 63)
    }

    @Test("BFD goes on the interface; a second peer with other timers gets a comment")
    func bfdPerInterface() {
        let lines = DialectFixture.render(
            .iosXE, v4: .init(bfd: "{interval_ms: 300, multiplier: 3}"), v6: .init(bfd: "{interval_ms: 500, multiplier: 4}")).lines
        #expect(lines.filter { $0.hasPrefix(" bfd interval") } == [" bfd interval 300 min_rx 300 multiplier 3"])
        #expect(lines.contains(" neighbor 2001:db8:ffff::1 fall-over bfd"))
        #expect(lines.contains { $0.hasPrefix("! Peer peer-v6 asks for BFD every 500 ms x 4") })
    }

    @Test("VLAN 0 rollback keeps the port and removes its addresses")
    func untaggedRollback() {
        let lines = DialectFixture.render(.iosXE, vlan: 0, v4: .init(bfd: "{interval_ms: 300, multiplier: 3}"), rollback: true).lines
        #expect(!lines.contains { $0.hasPrefix("no interface") })
        #expect(lines.contains(" no ip address 192.168.0.2 255.255.255.252"))
        #expect(lines.contains(" no bfd interval 300 min_rx 300 multiplier 3"))
    }
}
