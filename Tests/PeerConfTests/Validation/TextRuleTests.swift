import Testing
@testable import PeerConf

private let doc = DefinitionDocument.valid
private let vif = "virtual_interface"
private let p0 = "virtual_interface.peers[0]"

@Suite("Rules: names, text, VLAN, router")
struct TextRuleTests {
    @Test("the valid document has no findings at all")
    func validDocumentIsClean() {
        let result = doc.load()
        #expect(result.diagnostics.isEmpty, "\(result.dump)")
        #expect(result.definition?.virtualInterfaces.first?.peers.count == 2)
    }

    static let cases: [RuleCase] = [
        .failing("peer name with a space", .name, doc.setting("\(p0).name", "\"peer v4\""), at: "\(p0).name"),
        .failing("peer name of 65 characters", .name, doc.setting("\(p0).name", String(repeating: "a", count: 65)), at: "\(p0).name"),
        .failing("empty peer name", .name, doc.setting("\(p0).name", "\"\""), at: "\(p0).name"),
        .failing("virtual interface name with a slash", .name, doc.setting("\(vif).name", "vif/1"), at: "\(vif).name"),
        .failing("connection with a colon", .name, doc.setting("\(vif).connection", "\"dc:1\""), at: "\(vif).connection"),
        .passing("name of 64 allowed characters", .name, doc.setting("\(p0).name", String(repeating: "A_b-9.", count: 10) + "abcd")),

        .failing("description of 129 characters", .description, doc.setting("\(p0).description", String(repeating: "x", count: 129)), at: "\(p0).description"),
        .failing("description with a line break", .description, doc.setting("\(p0).description", "\"first\\nsecond\""), at: "\(p0).description"),
        .failing("description with a tab", .description, doc.setting("\(p0).description", "\"a\\tb\""), at: "\(p0).description"),
        .failing("description with U+2028", .description, doc.setting("\(p0).description", "\"a\\u2028b\""), at: "\(p0).description"),
        .passing("description of 128 characters with punctuation", .description,
                 doc.setting("\(p0).description", "\"" + String(repeating: "Ä!#;'{}", count: 18) + "xx\"")),

        .failing("VLAN 4000", .vlanRange, doc.setting("\(vif).vlan", "4000"), at: "\(vif).vlan"),
        .passing("VLAN 3999", .vlanRange, doc.setting("\(vif).vlan", "3999")),
        .passing("VLAN 0", .vlanRange, doc.setting("\(vif).vlan", "0")),
        .failing("VLAN as a string", .type, doc.setting("\(vif).vlan", "\"100\""), at: "\(vif).vlan"),
        .failing("negative VLAN", .type, doc.setting("\(vif).vlan", "-1"), at: "\(vif).vlan"),
        .failing("VLAN with a leading zero", .type, doc.setting("\(vif).vlan", "0100"), at: "\(vif).vlan"),

        .failing("unknown vendor", .routerVendor, doc.setting("\(vif).router.vendor", "iosxe"), at: "\(vif).router.vendor"),
        .passing("vendor in capitals", .routerVendor, doc.setting("\(vif).router.vendor", "IOS-XE")),
        .failing("interface name with a semicolon", .routerInterface, doc.setting("\(vif).router.interface", "\"Gi0/1;reload\""), at: "\(vif).router.interface"),
        .failing("interface name with a space", .routerInterface, doc.setting("\(vif).router.interface", "\"Gi0/1 x\""), at: "\(vif).router.interface"),
        .passing("IOS-XR interface name", .routerInterface, doc.setting("\(vif).router.interface", "GigabitEthernet0/0/0/1")),
        .passing("SR OS port id starting with a digit", .routerInterface, doc.setting("\(vif).router.interface", "1/1/c1/1")),
        .failing("interface name starting with a dash", .routerInterface, doc.setting("\(vif).router.interface", "\"-x\""), at: "\(vif).router.interface"),

        .failing("misspelt key", .unknownKey, doc.adding("bgp_md5", "x", after: "\(p0).bgp_asn"), at: "\(p0).bgp_md5", pointingAt: .key("\(p0).bgp_md5")),
        .failing("missing local gateway", .missingField, doc.removing("\(p0).local_gateway"), at: "\(p0).local_gateway", pointingAt: .key("\(p0).name")),
        .failing("missing VLAN", .missingField, doc.removing("\(vif).vlan"), at: "\(vif).vlan", pointingAt: .key("\(vif).name")),
        .failing("remote subnets not a list", .type, doc.setting("\(p0).remote_subnets", "192.168.52.0/24"), at: "\(p0).remote_subnets"),
        .failing("router not an object", .structure, doc.setting("\(vif).router", "frr").removing("\(vif).router.vendor").removing("\(vif).router.interface"), at: "\(vif).router"),
    ]

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }

    @Test("unknown keys are reported with a suggestion")
    func suggestion() {
        let result = doc.adding("bgp_md5", "x", after: "\(p0).bgp_asn").load()
        #expect(result.findings(.unknownKey).map(\.message) == ["unknown key 'bgp_md5'; did you mean 'bgp_md5_key'?"])
    }
}
