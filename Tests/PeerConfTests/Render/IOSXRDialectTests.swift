import Testing
@testable import PeerConf

@Suite("Cisco IOS-XR dialect")
struct IOSXRDialectTests {
    let dialect = IOSXRDialect()

    @Test("descriptions: help requests, quotes, comment starts and non-ASCII are replaced")
    func descriptionQuoting() {
        #expect(dialect.quoted(description: "a?b \"c\" !d #e f!g Zürich") == "a_b _c_ _d _e f!g Z_rich")
        #expect(dialect.quoted(description: "!start") == "_start")
        #expect(dialect.quoted(description: "Production link to FRA (IPv6)") == "Production link to FRA (IPv6)")
    }

    @Test("RPL names keep letters, digits, '-' and '_', start with a letter, and stay distinct")
    func identifiers() {
        #expect(dialect.identifier("vif-a-peer-v4-OUT") == "vif-a-peer-v4-OUT")
        let dotted = dialect.identifier("vif.a-peer-v4-OUT")
        let underscored = dialect.identifier("vif_a-peer-v4-OUT")
        #expect(dotted != underscored)
        #expect(dotted.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(dialect.identifier("100-peer").first?.isLetter == true)
        #expect(dialect.identifier(String(repeating: "x", count: 100)).count <= 63)
    }

    @Test("a key with '?' or '\"' is refused, naming the vendor and the field")
    func refusedKeys() throws {
        for key in ["Abc?defgh1", "Abc\"defgh1"] {
            let problems = try XRRender.problems(key: key)
            #expect(problems.count == 1)
            #expect(problems.first?.vendor == .iosXR)
            #expect(problems.first?.path == "virtual_interface.peers[0].bgp_md5_key")
        }
        let first = try XRRender.problems(key: "#Abcdefgh1")
        #expect(first.first?.message.contains("starts with") == true)
        #expect(try XRRender.problems(key: "Ab1~$!#{}|;x\\").isEmpty)
    }

    @Test("a key longer than 80 characters is refused")
    func keyLength() throws {
        #expect(try XRRender.problems(key: "Ab1" + String(repeating: "k", count: 77)).isEmpty)
        let problems = try XRRender.problems(key: "Ab1" + String(repeating: "k", count: 78))
        #expect(problems.map(\.message).contains { $0.contains("81 characters") && $0.contains("at most 80") })
    }

    @Test("BFD multipliers above 16 are refused (IOS-XR accepts 2-16)")
    func bfdMultiplier() throws {
        #expect(try XRRender.problems(bfd: "{interval_ms: 300, multiplier: 16}").isEmpty)
        let problems = try XRRender.problems(bfd: "{interval_ms: 300, multiplier: 17}")
        #expect(problems.map(\.path) == ["virtual_interface.peers[0].bfd.multiplier"])
        #expect(problems.first?.message.contains("2-16") == true)
    }

    @Test("the key goes on one 'password clear' line, and the configuration is committed")
    func rendering() throws {
        let text = try XRRender.text(key: "Ab1~$!#{}|;x\\")
        #expect(text.contains("\n  password clear Ab1~$!#{}|;x\\\n"))
        #expect(text.hasSuffix("commit\n"))
    }
}

/// Renders a one-peer BGP definition for IOS-XR.
private enum XRRender {
    static func problems(key: String = "Str0ng-Key.2026", bfd: String? = nil) throws -> [RenderProblem] {
        DialectFixture.render(.iosXR, v4: .init(key: key, bfd: bfd)).renderProblems
    }

    static func text(key: String) throws -> String {
        try #require(DialectFixture.render(.iosXR, v4: .init(key: key)).text)
    }
}
