import Testing
@testable import PeerConf

private let doc = DefinitionDocument.valid
private let staticDoc = DefinitionDocument.validStatic
private let vif = "virtual_interface"
private let p0 = "virtual_interface.peers[0]"
private let p1 = "virtual_interface.peers[1]"
private let variable = DefinitionDocument.keyVariable

private func withKey(_ key: String) -> [String: String] { [variable: key] }

@Suite("Rules: routing, ASNs, MD5 keys, quotas")
struct RoutingRuleTests {
    static let cases: [RuleCase] = [
        .failing("routing mode ospf", .routingMode, doc.setting("\(p0).routing_mode", "ospf"), at: "\(p0).routing_mode"),
        .passing("routing mode in capitals", .routingMode, doc.setting("\(p0).routing_mode", "BGP")),

        .failing("BGP without an ASN", .bgpASNRequired, doc.removing("\(p0).bgp_asn"), at: "\(p0).bgp_asn", pointingAt: .key("\(p0).name")),
        .passing("BGP with an ASN", .bgpASNRequired, doc),
        .failing("ASN 0", .asnRange, doc.setting("\(p0).bgp_asn", "0"), at: "\(p0).bgp_asn"),
        .failing("ASN 4294967296", .asnRange, doc.setting("\(p0).bgp_asn", "4294967296"), at: "\(p0).bgp_asn"),
        .failing("asdot with a part over 65535", .asnRange, doc.setting("\(p0).bgp_asn", "\"65536.1\""), at: "\(p0).bgp_asn"),
        .failing("cloud ASN out of range", .asnRange, doc.setting("\(vif).cloud_asn", "99999999999"), at: "\(vif).cloud_asn"),
        .passing("ASN 4294967294", .asnRange, doc.setting("\(p0).bgp_asn", "4294967294")),
        .passing("asdot 1.10", .asnRange, doc.setting("\(p0).bgp_asn", "\"1.10\"")),
        .failing("unquoted asdot", .type, doc.setting("\(p0).bgp_asn", "1.10"), at: "\(p0).bgp_asn"),
        .failing("ASN as a word", .type, doc.setting("\(p0).bgp_asn", "banana"), at: "\(p0).bgp_asn"),
        .failing("ASN 64512", .bgpASNUsedByCloud, doc.setting("\(vif).cloud_asn", "65146").setting("\(p0).bgp_asn", "64512"), at: "\(p0).bgp_asn"),
        .passing("ASN 64513", .bgpASNUsedByCloud, doc.setting("\(p0).bgp_asn", "64513")),
        .failing("ASN equal to the cloud's", .bgpASNEqualsCloudASN, doc.setting("\(vif).cloud_asn", "65146").setting("\(p0).bgp_asn", "65146"), at: "\(p0).bgp_asn"),
        .passing("ASN different from the cloud's", .bgpASNEqualsCloudASN, doc.setting("\(vif).cloud_asn", "65146")),
        .failing("AS_TRANS", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "23456"), at: "\(p0).bgp_asn"),
        .failing("documentation ASN 64496", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "64496"), at: "\(p0).bgp_asn"),
        .failing("ASN 65535", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "65535"), at: "\(p0).bgp_asn"),
        .failing("documentation ASN 65551", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "65551"), at: "\(p0).bgp_asn"),
        .failing("ASN 4294967295", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "4294967295"), at: "\(p0).bgp_asn"),
        .passing("private 4-byte ASN", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "4200000001")),
        .passing("ASN 65534", .bgpASNReserved, doc.setting("\(p0).bgp_asn", "65534")),

        .failing("BGP without a key", .md5KeyRequired, doc.removing("\(p0).bgp_md5_key_env"), at: "\(p0).bgp_md5_key", pointingAt: .key("\(p0).name")),
        .failing("key of 7 characters", .md5KeyLength, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Ab1-xyz")),
        .failing("key of 256 characters", .md5KeyLength, doc, at: "\(p0).bgp_md5_key_env", environment: withKey(String(repeating: "aB3", count: 85) + "x")),
        .passing("key of 8 characters", .md5KeyLength, doc, environment: withKey("Ab1-xyzw")),
        .passing("key of 255 characters", .md5KeyLength, doc, environment: withKey(String(repeating: "aB3", count: 85))),
        .failing("key with a space", .md5KeyCharacters, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Abc 12345")),
        .failing("key with an apostrophe", .md5KeyCharacters, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Abc'12345")),
        .failing("key with <", .md5KeyCharacters, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Abc<12345")),
        .failing("key with >", .md5KeyCharacters, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Abc>12345")),
        .failing("key with a non-ASCII letter", .md5KeyCharacters, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("Abcé12345")),
        .passing("key with every special character", .md5KeyCharacters, doc, environment: withKey("Ab1~`!,.:;-_?\"(){}[]/@#$%^&*+|\\=")),
        .failing("key of lowercase letters only", .md5KeyClasses, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("abcdefghij")),
        .failing("key of digits only", .md5KeyClasses, doc, at: "\(p0).bgp_md5_key_env", environment: withKey("1234567890")),
        .passing("key of lowercase and digits", .md5KeyClasses, doc, environment: withKey("abcdefg1")),
        .passing("key of uppercase and specials", .md5KeyClasses, doc, environment: withKey("ABCDEFG!")),
        .failing("key variable not set", .md5KeySource, doc, at: "\(p0).bgp_md5_key_env", environment: [:]),
        .failing("key file missing", .md5KeySource, doc.removing("\(p0).bgp_md5_key_env").adding("bgp_md5_key_file", "/nonexistent/peerconf.key", after: "\(p0).bgp_asn"),
                 at: "\(p0).bgp_md5_key_file"),
        .failing("two key sources", .conflictingFields, doc.adding("bgp_md5_key_file", "k.txt", after: "\(p0).bgp_md5_key_env"), at: "\(p0).bgp_md5_key_file"),
        .failing("literal key in the file", .plaintextSecret, doc.removing("\(p0).bgp_md5_key_env").adding("bgp_md5_key", "\"Str0ng-Key.2026\"", after: "\(p0).bgp_asn"),
                 at: "\(p0).bgp_md5_key"),
        .passing("key from the environment", .plaintextSecret, doc),

        .failing("static peer with an ASN", .staticIgnoresBGPFields, staticDoc.adding("bgp_asn", "65010", after: "\(p0).routing_mode"), at: "\(p0).bgp_asn"),
        .passing("static peer without BGP fields", .staticIgnoresBGPFields, staticDoc),
        .failing("static peer with BFD", .staticIgnoresBGPFields, staticDoc.adding("bfd", "{}", after: "\(p0).routing_mode"), at: "\(p0).bfd"),
        .failing("static peer with anchor_routes", .staticIgnoresBGPFields, staticDoc.adding("anchor_routes", "false", after: "\(p0).routing_mode"), at: "\(p0).anchor_routes"),

        bfdCase("BFD interval 199 ms", interval: "199", failing: "interval_ms"),
        bfdCase("BFD interval 5001 ms", interval: "5001", failing: "interval_ms"),
        bfdCase("BFD multiplier 2", multiplier: "2", failing: "multiplier"),
        bfdCase("BFD multiplier 21", multiplier: "21", failing: "multiplier"),
        bfdCase("BFD at the lower bounds", interval: "200", multiplier: "3"),
        bfdCase("BFD at the upper bounds", interval: "5000", multiplier: "20"),
        .passing("BFD with the cloud's defaults", .bfdRange, doc.adding("bfd", "{}", after: "\(p0).description")),
        .failing("anchor_routes as a word", .type, doc.adding("anchor_routes", "yes", after: "\(p0).description"), at: "\(p0).anchor_routes"),
    ]

    /// A BFD object on the IPv4 peer; `failing` names the field that must be reported.
    static func bfdCase(_ label: String, interval: String = "1000", multiplier: String = "5", failing field: String? = nil) -> RuleCase {
        let value = "{interval_ms: \(interval), multiplier: \(multiplier)}"
        let document = doc.adding("bfd", value, after: "\(p0).description")
        guard let field else { return .passing(label, .bfdRange, document) }
        let start = document.position(of: "\(p0).bfd")
        let needle = field == "interval_ms" ? "interval_ms: " : "multiplier: "
        let offset = value.distance(from: value.startIndex, to: value.range(of: needle)!.upperBound)
        return .failing(label, .bfdRange, text: document.text, at: "\(p0).bfd.\(field)", line: start.line, column: start.column + offset,
                        environment: [variable: DefinitionDocument.goodKey])
    }

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }
}
