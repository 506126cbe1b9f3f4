import Foundation
import PeerConfFuzzing
import PropertyBased
import Testing
@testable import PeerConf

/// No text in a definition can add a line, a comment or a command to any vendor's
/// output: hostile descriptions and names stay inside their one line and their quoting.
@Suite("Injection: hostile text stays data")
struct InjectionPropertyTests {
    /// Characters that mean something to some platform's CLI, plus non-ASCII, and a
    /// combining mark: after `"` or `!` it makes one `Character` of them, which no longer
    /// equals `"` or `!`, while a router still reads the byte.
    static let hostileAlphabet: [Character] = Array(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~aZ09") + ["é", "ü", "中", "🙂", "\u{00A0}", "ß", "\u{301}"]

    static let hostileText = Gen<Character?>.element(of: hostileAlphabet).compactMap { $0 }.string(of: 1...128)

    static func render(_ description: String, vendor: VendorID) throws -> [String]? {
        var definition = try Scenarios.definition("bgp-ipv4", vendor: vendor)
        definition.virtualInterfaces[0].peers[0].description = description
        switch ConfigRenderer.render(definition, vendor: vendor) {
        case .success(let configs): return configs[0].text.components(separatedBy: "\n")
        case .failure: return nil
        }
    }

    /// The definition of the cleaning, one `Character` at a time; `printableASCII` takes
    /// a byte path for text that is printable ASCII already, which must agree with it.
    static func printableASCIIByCharacter(_ text: String, forbidden: Set<Character>) -> String {
        String(text.map { character in
            guard let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F, !forbidden.contains(character) else { return "_" }
            return character
        })
    }

    @Test("cleaning a text to printable ASCII gives the same text whether it was ASCII or not")
    func printableASCII() async throws {
        let forbiddenSets: [Set<Character>] = [[], ["?"], ["'", "\"", "\\", "?"], NXOSDialect.descriptionSpecials]
        for text in ["", "plain", "a\r\nb", "tab\there", "caf\u{E9}", "e\u{301}", "\u{7F}", "? \"quoted\" \\ '"] {
            for forbidden in forbiddenSets {
                #expect(TextRules.printableASCII(text, forbidden: forbidden) == Self.printableASCIIByCharacter(text, forbidden: forbidden))
            }
        }
        await propertyCheck(count: 300, input: Self.hostileText) { text in
            for forbidden in forbiddenSets {
                #expect(TextRules.printableASCII(text, forbidden: forbidden) == Self.printableASCIIByCharacter(text, forbidden: forbidden))
            }
        }
    }

    @Test("a hostile description changes only its own line, for every vendor")
    func descriptions() async throws {
        let baselines = try renderedVendors.map { try Self.render("BASELINE", vendor: $0) }
        await propertyCheck(count: 200, input: Self.hostileText) { text in
            // Only text that passes validation reaches rendering: one line, <= 128 characters.
            guard text.count <= 128 else { return }
            for (vendor, baseline) in zip(renderedVendors, baselines) {
                guard let baseline, let lines = try? Self.render(text, vendor: vendor) else {
                    Issue.record("\(vendor.rawValue) failed to render a description")
                    continue
                }
                #expect(lines.count == baseline.count, "\(vendor.rawValue): the description added or removed lines")
                let changed = zip(baseline, lines).filter { $0 != $1 }
                #expect(changed.allSatisfy { $0.0.contains("BASELINE") },
                        "\(vendor.rawValue): a line without the description changed: \(changed.map(\.1))")
                for (before, after) in changed {
                    // The text before the description (the command) is untouched, byte
                    // for byte (a combining mark joins the space before it into one
                    // character).
                    let prefix = String(before[..<before.range(of: "BASELINE")!.lowerBound])
                    #expect(after.utf8.starts(with: prefix.utf8), "\(vendor.rawValue): \(after)")
                }
            }
        }
    }

    @Test("FRR: no word of a description starts a comment")
    func frrComments() async {
        let dialect = FRRDialect()
        await propertyCheck(count: 300, input: Self.hostileText) { text in
            // As FRR reads it: bytes, words split at spaces.
            let quoted = dialect.quoted(description: text)
            for word in quoted.utf8.split(separator: UInt8(ascii: " ")) {
                #expect(word.first != UInt8(ascii: "!") && word.first != UInt8(ascii: "#"), "\(quoted)")
            }
        }
    }

    @Test("BIRD: a description never closes its string early")
    func birdStrings() async {
        let dialect = BIRDDialect()
        await propertyCheck(count: 300, input: Self.hostileText) { text in
            let quoted = dialect.quoted(description: text)
            #expect(quoted.utf8.first == UInt8(ascii: "\"") && quoted.utf8.last == UInt8(ascii: "\""))
            // As BIRD reads it: no `"` byte inside, whatever follows it.
            #expect(!quoted.utf8.dropFirst().dropLast().contains(UInt8(ascii: "\"")), "\(quoted)")
        }
    }

    static let nameAlphabet: [Character] = Array("abcXYZ019_-.")
    static let names = Gen<Character?>.element(of: nameAlphabet).compactMap { $0 }.string(of: 1...64)

    @Test("names the configuration introduces are distinct for distinct inputs, and safe, on every vendor")
    func identifiers() async {
        await propertyCheck(count: 300, input: Self.names, Self.names) { first, second in
            for dialect in renderedVendors.map(Dialects.dialect(for:)) {
                let a = dialect.identifier(first), b = dialect.identifier(second)
                if first != second {
                    #expect(a != b, "\(dialect.id.rawValue): '\(first)' and '\(second)' both became '\(a)'")
                }
                for name in [a, b] {
                    #expect(name.count <= 64 && !name.isEmpty)
                    #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }, "\(dialect.id.rawValue): \(name)")
                }
            }
        }
    }

    static let asciiNames = Gen<Character?>.element(of: Array("abcXYZ019_-. !\"\r\n\t") + ["\r\n"]).compactMap { $0 }.string(of: 0...90)

    /// BIRD symbols are made from bytes for ASCII names; the definition is by `Character`.
    @Test("BIRD symbols: the byte path for ASCII names gives what the Character definition gives; other names take the definition")
    func birdSymbolsByBytes() async {
        let bird = BIRDDialect()
        await propertyCheck(count: 500, input: Self.asciiNames) { name in
            let byBytes = BIRDDialect.asciiIdentifier(name)
            #expect(byBytes == (name.utf8.contains(0x0D) ? nil : bird.generalIdentifier(name)), "'\(name)'")
        }
        for name in ["vif-\u{301}a", "ü-1", "a\r\nb", "-\u{301}"] {
            #expect(BIRDDialect.asciiIdentifier(name) == nil)
            #expect(bird.identifier(name) == bird.generalIdentifier(name))
        }
    }

    // MARK: Random valid definitions, every free-text field random

    /// The characters each free-text field allows (the validation rules), so every
    /// generated value is valid and reaches rendering.
    static let nameCharacters: [Character] = Array("abcxyzABCXYZ0189_-.")
    static let interfaceCharacters: [Character] = Array("abcxyzABCXYZ0189_-./:")
    static let keyCharacters: [Character] = Array("abcXYZ019~`!,.:;-_?\"(){}[]/@#$%^&*+|\\=")

    static let randomNames = Gen<Character?>.element(of: nameCharacters).compactMap { $0 }.string(of: 1...64)
    static let randomInterfaces = Gen<Character?>.element(of: interfaceCharacters).compactMap { $0 }.string(of: 1...63)
    static let randomKeys = Gen<Character?>.element(of: keyCharacters).compactMap { $0 }.string(of: 5...77)
    static let randomDescriptions = Gen<Character?>.element(of: hostileAlphabet).compactMap { $0 }.string(of: 0...128)

    /// One generated virtual interface, as written and as it must load.
    struct GeneratedInterface {
        var name: String?
        var vlan: Int
        var interface: String?
        var vendor: String?
        var peers: [GeneratedPeer]
        var cloudASN: UInt32?
    }

    struct GeneratedPeer {
        var name: String
        var family: String
        var localGateway: String
        var remoteGateway: String
        var remoteSubnets: [String]
        var bgp: (asn: UInt32, key: String)?
        var description: String?
        var anchorRoutes: Bool
        var bfd: (interval: Int, multiplier: Int)?
    }

    /// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
    static func quotedYAML(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Valid definitions shaped by `choices`, with the names, interface names, keys and
    /// descriptions given: 1-3 interfaces on one connection, IPv4 and optionally IPv6
    /// peers, static or BGP (one ASN per interface), BFD, anchors, VLAN 0 when alone.
    static func generated(choices: [Int], names: [String], interfaces: [String], keys: [String], descriptions: [String]) -> [GeneratedInterface] {
        var choices = choices.makeIterator()
        func next(_ range: ClosedRange<Int>) -> Int { range.lowerBound + (choices.next() ?? 0) % (range.count) }
        let vendors = [nil] + VendorID.allCases.map(\.rawValue)
        let count = next(1...3)
        let firstVLAN = count == 1 && next(0...3) == 0 ? 0 : next(1...3990)
        return (0..<count).map { index in
            // Distinct names: the interface's name names its configuration and files.
            let name = next(0...4) == 0 ? nil : String(names[index % names.count].prefix(60)) + "-\(index)"
            let interface = next(0...3) == 0 ? nil : String(interfaces[index % interfaces.count].drop { !$0.isLetter && !$0.isNumber }.prefix(60)) + "\(index)"
            let asn: UInt32 = [65010, 4_200_000_000, 1, 23456, 65535, 4_294_967_295, 64513][next(0...6)]
            let cloudASN: UInt32? = next(0...2) == 0 ? 64600 : nil
            let bgp = next(0...2) != 0
            func peer(_ family: String, _ peerIndex: Int) -> GeneratedPeer {
                let subnets = (0..<next(1...4)).map { family == "ipv4" ? "10.\(index * 16 + $0).0.0/16" : "2001:db8:\(index + 1)\($0)::/48" }
                let key = keys[(index * 2 + peerIndex) % keys.count] + "Aa1"
                let description = next(0...3) == 0 ? nil : descriptions[(index * 2 + peerIndex) % descriptions.count]
                return GeneratedPeer(
                    name: String(names[(index + peerIndex + 1) % names.count].prefix(60)) + "p\(peerIndex)",
                    family: family,
                    localGateway: family == "ipv4" ? "192.168.\(index).1/30" : "2001:db8:ff\(index)::1/64",
                    remoteGateway: family == "ipv4" ? "192.168.\(index).2/30" : "2001:db8:ff\(index)::2/64",
                    remoteSubnets: subnets,
                    bgp: bgp ? (asn, key) : nil,
                    description: description,
                    anchorRoutes: next(0...1) == 0,
                    bfd: bgp && next(0...1) == 0 ? (next(200...5000), next(3...20)) : nil
                )
            }
            var peers = [peer("ipv4", 0)]
            if next(0...1) == 0 { peers.append(peer("ipv6", 1)) }
            return GeneratedInterface(name: name, vlan: firstVLAN == 0 ? 0 : firstVLAN + index, interface: interface,
                                      vendor: vendors[next(0...vendors.count - 1)], peers: peers, cloudASN: cloudASN)
        }
    }

    static func yaml(_ interfaces: [GeneratedInterface]) -> String {
        var text = "version: 1\nvirtual_interfaces:\n"
        for vif in interfaces {
            text += "  - vlan: \(vif.vlan)\n    connection: dc-1\n"
            if let name = vif.name { text += "    name: \(quotedYAML(name))\n" }
            if let asn = vif.cloudASN { text += "    cloud_asn: \(asn)\n" }
            text += "    local_subnets: [172.16.0.0/16, \"2001:db8:ffff::/48\"]\n"
            if vif.interface != nil || vif.vendor != nil {
                text += "    router:\n"
                if let vendor = vif.vendor { text += "      vendor: \(vendor)\n" }
                if let interface = vif.interface { text += "      interface: \(quotedYAML(interface))\n" }
            }
            text += "    peers:\n"
            for peer in vif.peers {
                text += "      - name: \(quotedYAML(peer.name))\n"
                text += "        address_family: \(peer.family)\n"
                text += "        local_gateway: \"\(peer.localGateway)\"\n"
                text += "        remote_gateway: \"\(peer.remoteGateway)\"\n"
                text += "        remote_subnets: [\(peer.remoteSubnets.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
                if let bgp = peer.bgp {
                    text += "        routing_mode: bgp\n        bgp_asn: \(bgp.asn)\n        bgp_md5_key: \(quotedYAML(bgp.key))\n"
                    text += "        anchor_routes: \(peer.anchorRoutes)\n"
                    if let bfd = peer.bfd { text += "        bfd: {interval_ms: \(bfd.interval), multiplier: \(bfd.multiplier)}\n" }
                } else {
                    text += "        routing_mode: static\n"
                }
                if let description = peer.description { text += "        description: \(quotedYAML(description))\n" }
            }
        }
        return text
    }

    // Shrinking re-renders every vendor per step; the failing input is printed whole.
    @Test("random valid definitions load back with their values, and render for every vendor or fail for its limits", .shrinking(false))
    func randomDefinitions() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000).array(of: 60), Self.randomNames.array(of: 4),
                            Self.randomInterfaces.array(of: 3), Self.randomKeys.array(of: 6), Self.randomDescriptions.array(of: 6)) { choices, names, interfaces, keys, descriptions in
            let generated = Self.generated(choices: choices, names: names, interfaces: interfaces, keys: keys, descriptions: descriptions)
            let text = Self.yaml(generated)
            let result = DefinitionLoader.load(text: text, source: "generated.yaml", options: LoadOptions(environment: [:]))
            guard let definition = result.definition else {
                Issue.record("a generated definition does not validate:\n\(result.dump)\n\(text)")
                return
            }
            // Re-validation: every value comes back as it was written.
            #expect(result.errors.isEmpty)
            #expect(definition.virtualInterfaces.count == generated.count)
            for (vif, expected) in zip(definition.virtualInterfaces, generated) {
                #expect(vif.name == expected.name && vif.vlan == expected.vlan && vif.router?.interface == expected.interface)
                #expect(vif.router?.vendor?.rawValue == expected.vendor)
                #expect(vif.cloudASN.value == expected.cloudASN ?? 64512)
                #expect(vif.peers.count == expected.peers.count)
                for (peer, expectedPeer) in zip(vif.peers, expected.peers) {
                    #expect(peer.name == expectedPeer.name)
                    #expect(peer.description == (expectedPeer.description?.isEmpty == true ? nil : expectedPeer.description))
                    #expect(peer.remoteSubnets.map(\.description) == expectedPeer.remoteSubnets)
                    #expect(peer.localGateway.description == expectedPeer.localGateway && peer.remoteGateway.description == expectedPeer.remoteGateway)
                    #expect(peer.routing.bgp?.asn.value == expectedPeer.bgp?.asn)
                    #expect(peer.routing.bgp?.md5Key.revealed == expectedPeer.bgp?.key)
                    #expect(peer.bfd?.intervalMilliseconds == expectedPeer.bfd?.interval && peer.bfd?.multiplier == expectedPeer.bfd?.multiplier)
                }
            }
            // Every vendor, configuration and rollback: renders with exactly the model's
            // lines (every free-text field against a neutral placeholder), or fails for
            // that vendor's limits.
            let outcome = FuzzOracle.check(Data(text.utf8))
            #expect(outcome.validated)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)\n\(text)")
            #expect(outcome.rendered > 0)
        }
    }

    @Test("random text in every free-text field stays in its line and quoting, for every vendor", .shrinking(false))
    func randomFreeText() async throws {
        let base = try Scenarios.definition("dual-stack", vendor: .frr)
        await propertyCheck(count: 100, input: Self.randomNames, Self.randomNames, Self.randomInterfaces, Self.randomKeys, Self.randomDescriptions) { vifName, peerName, interface, key, description in
            var definition = base
            definition.virtualInterfaces[0].name = vifName
            definition.virtualInterfaces[0].router?.interface = String(interface.drop { !$0.isLetter && !$0.isNumber }) + "0"
            for index in definition.virtualInterfaces[0].peers.indices {
                definition.virtualInterfaces[0].peers[index].name = peerName + "\(index)"
                definition.virtualInterfaces[0].peers[index].description = description + "\(index)"
                if case .bgp(var session) = definition.virtualInterfaces[0].peers[index].routing {
                    session.md5Key = MD5Key(key + "Aa\(index)", source: .environment("K"))
                    definition.virtualInterfaces[0].peers[index].routing = .bgp(session)
                }
            }
            let neutral = FuzzOracle.neutralized(definition)
            for vendor in VendorID.allCases {
                for rollback in [false, true] {
                    let options = RenderOptions(rollback: rollback)
                    guard case .success(let configs) = ConfigRenderer.render(definition, vendor: vendor, options: options) else {
                        // A key the platform cannot take: a vendor-limit error, checked in
                        // `randomDefinitions` and the dialect tests.
                        continue
                    }
                    let neutralResult = ConfigRenderer.render(neutral, vendor: vendor, options: options)
                    guard case .success(let skeletons) = neutralResult else {
                        Issue.record("\(vendor.rawValue): the neutral definition does not render: \(neutralResult)")
                        continue
                    }
                    let problems = FuzzOracle.compare(configs[0].text, neutral: skeletons[0].text, vendor: vendor)
                    #expect(problems.isEmpty, "\(vendor.rawValue)\(rollback ? " rollback" : ""): \(problems)")
                }
            }
        }
    }
}
