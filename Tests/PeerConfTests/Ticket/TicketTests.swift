import Foundation
import Testing
@testable import PeerConf

/// Tickets built from the rendering scenarios.
enum TicketFixtures {
    static func load(_ scenario: String, vendor: VendorID, environment: [String: String] = Scenarios.environment) -> LoadResult {
        let url = Bundle.module.url(forResource: "Fixtures/scenarios/\(scenario)", withExtension: "yaml")!
        let text = try! String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: Dialects.dialect(for: vendor).sampleParentInterface)
        return DefinitionLoader.load(text: text, source: "\(scenario).yaml", options: LoadOptions(environment: environment))
    }

    static func content(_ scenario: String, vendor: VendorID) throws -> TicketContent {
        switch TicketBuilder.content(for: [load(scenario, vendor: vendor)], vendor: vendor) {
        case .success(let content): return content
        case .failure(let failure): throw Scenarios.ScenarioError(message: "\(failure)")
        }
    }

    static let goldenRoot = Scenarios.goldenRoot.appendingPathComponent("tickets")
}

@Suite("Change tickets")
struct TicketTests {
    struct GoldenCase: CustomTestStringConvertible, Sendable {
        var scenario: String
        var vendor: VendorID
        var format: TicketLayout.Format
        var fileName: String { "\(scenario).\(vendor.rawValue).\(format == .markdown ? "md" : "html")" }
        var testDescription: String { fileName }
    }

    static let goldenCases = [VendorID.frr, .iosXE].flatMap { vendor in
        TicketLayout.Format.allCases.map { GoldenCase(scenario: "dual-stack", vendor: vendor, format: $0) }
    } + [GoldenCase(scenario: "static-ipv4", vendor: .junos, format: .markdown)]

    @Test("golden tickets (record with PEERCONF_RECORD_GOLDEN=1 and read them as the engineer attaching them)", arguments: goldenCases)
    func golden(_ testCase: GoldenCase) throws {
        let text = TicketLayout.render(try TicketFixtures.content(testCase.scenario, vendor: testCase.vendor), format: testCase.format)
        let file = TicketFixtures.goldenRoot.appendingPathComponent(testCase.fileName)
        if ProcessInfo.processInfo.environment["PEERCONF_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: TicketFixtures.goldenRoot, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try? String(contentsOf: file, encoding: .utf8)
        #expect(golden != nil, "missing golden ticket \(file.path); record with PEERCONF_RECORD_GOLDEN=1 and review it")
        if let golden { #expect(text == golden, "\(testCase.fileName) differs from its golden file") }
    }

    @Test("every golden ticket belongs to a case")
    func noStaleGoldenTickets() throws {
        guard ProcessInfo.processInfo.environment["PEERCONF_RECORD_GOLDEN"] != "1" else { return }
        let expected = Set(Self.goldenCases.map(\.fileName))
        for file in try FileManager.default.contentsOfDirectory(atPath: TicketFixtures.goldenRoot.path) {
            #expect(expected.contains(file), "stale golden ticket \(file)")
        }
    }

    @Test("every vendor x scenario gives a complete ticket: both configurations, every operational command, no key", arguments: VendorID.allCases)
    func everyVendor(_ vendor: VendorID) throws {
        let key = Scenarios.environment["PEERCONF_TEST_KEY"]!
        for scenario in ["dual-stack", "static-ipv4", "static-ipv6", "bfd", "vlan0", "no-interface", "subnets-50"] {
            let content = try TicketFixtures.content(scenario, vendor: vendor)
            let part = try #require(content.parts.first)
            #expect(!part.implementation.contains(key) && !part.rollback.contains(key))
            #expect(!part.preChecks.isEmpty && !part.verification.isEmpty)
            for format in TicketLayout.Format.allCases {
                let text = TicketLayout.render(content, format: format)
                #expect(!text.contains(key), "\(vendor.rawValue) \(scenario) \(format): the key leaked")
                for check in part.preChecks + part.verification {
                    for command in check.commands {
                        #expect(!command.isEmpty && !command.contains("\n"))
                        let shown = format == .markdown ? command : HTMLWriter.escaped(command)
                        #expect(text.contains(shown), "\(vendor.rawValue) \(scenario): command \(command) missing from the \(format) ticket")
                    }
                }
            }
        }
    }

    @Test("the implementation is the rendered configuration with placeholders; the rollback is the rendered rollback")
    func implementationIsRendering() throws {
        for vendor in VendorID.allCases {
            let content = try TicketFixtures.content("dual-stack", vendor: vendor)
            let definition = try Scenarios.definition("dual-stack", vendor: vendor)
            let config = try ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(secrets: .redact)).get()
            let rollback = try ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(rollback: true, secrets: .redact)).get()
            #expect(content.parts[0].implementation == config[0].text)
            #expect(content.parts[0].rollback == rollback[0].text)
            #expect(content.parts[0].implementation.contains("<BGP-MD5-KEY:vif-dual/peer-v4>"))
        }
    }

    @Test("verification expects Established with the cloud ASN, exactly the remote subnets, the cloud subnets, a ping, BFD")
    func verificationContent() throws {
        let content = try TicketFixtures.content("bfd", vendor: .frr)
        let checks = content.parts[0].verification
        let text = checks.map { "\($0.title): \($0.commands.joined(separator: " ; ")) => \($0.expected)" }.joined(separator: "\n")
        #expect(text.contains("BGP session with the cloud (IPv4): vtysh -c 'show bgp neighbors 192.168.0.1' => State Established with 192.168.0.1, remote AS 64512 (the cloud ASN), local AS 65010."))
        #expect(text.contains("Routes advertised to the cloud (IPv4): vtysh -c 'show bgp ipv4 unicast neighbors 192.168.0.1 advertised-routes' => Exactly 192.168.52.0/24 and 192.168.54.0/24, nothing else."))
        #expect(text.contains("Ping the cloud gateway (IPv4): ping -c 5 -I eth1.102 192.168.0.1"))
        #expect(text.contains("BFD with the cloud (IPv4): vtysh -c 'show bfd peers' => Session with 192.168.0.1 Up, 300 ms x 3"))

        let staticChecks = try TicketFixtures.content("static-ipv4", vendor: .iosXE).parts[0].verification
        let staticRoutes = try #require(staticChecks.first { $0.title == "Static routes to the cloud subnets (IPv4)" })
        #expect(staticRoutes.commands == ["show ip route 10.0.0.0 255.255.0.0", "show ip route 10.1.0.0 255.255.0.0"])
        #expect(staticRoutes.expected.description.contains("via 192.168.0.1, static, active"))
        #expect(!staticChecks.contains { $0.title.hasPrefix("BGP") })
    }

    @Test("findings: warnings appear located; the key's source is named; a literal key is called a plaintext secret")
    func findingsAndKeySource() throws {
        let text = """
        virtual_interface:
          name: vif-w
          vlan: 10
          local_subnets: [10.0.0.0/16]
          router: {vendor: eos, interface: Ethernet1}
          peers:
            - name: p4
              address_family: ipv4
              local_gateway: 192.168.0.1/29
              remote_gateway: 192.168.0.2/29
              remote_subnets: [100.64.1.0/24]
              routing_mode: bgp
              bgp_asn: 65010
              bgp_md5_key: Literal-Key.99

        """
        let result = DefinitionLoader.load(text: text, source: "w.yaml", options: LoadOptions(environment: [:]))
        #expect(result.definition != nil, "\(result.dump)")
        let content = try TicketBuilder.content(for: [result], vendor: nil).get()
        #expect(content.parts[0].vendor == .eos)
        let codes = Set(result.warnings.map(\.rule))
        #expect(codes.isSuperset(of: [.plaintextSecret, .sharedAddressSpace, .gatewayPrefixLengthRecommended]))
        #expect(content.findings.count == result.diagnostics.count)
        let markdown = TicketLayout.render(content, format: .markdown)
        #expect(markdown.contains("| `w.yaml:14:20` | warning | `virtual_interface.peers[0].bgp_md5_key` | the MD5 key is written in the file in plaintext"))
        #expect(markdown.contains("redacted: `<BGP-MD5-KEY:vif-w/p4>`, written in the definition `w.yaml` (a plaintext secret, see the findings)"))
        #expect(!markdown.contains("Literal-Key.99"))
        #expect(TicketBuilder.keySource(.file("/etc/keys/k")).description == "from file /etc/keys/k")
    }

    @Test("several interfaces: one document with a section per interface; a change summary renames the sections")
    func severalInterfacesAndChange() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("two.yaml", RenderCommandTests.twoInterfaces)
        let result = DefinitionLoader.load(file: file.path, options: LoadOptions(environment: RenderCommandTests.environment))
        var content = try TicketBuilder.content(for: [result], vendor: nil).get()
        #expect(content.parts.map(\.heading) == ["vif-a (VLAN 100) on FRRouting", "vif-b (VLAN 200) on BIRD 2"])
        #expect(content.title == "Direct Connect vif-a, vif-b: customer router configuration for FRRouting and BIRD 2")
        var markdown = TicketLayout.render(content, format: .markdown)
        #expect(markdown.components(separatedBy: "### vif-b (VLAN 200) on BIRD 2").count == 6)
        #expect(!markdown.contains("## Change\n"))

        content.changeSummary = ["vif-a: remote subnet 192.168.53.0/24 added"]
        content.parts[0].implementation = "ip prefix-list X permit 192.168.53.0/24\n"
        content.parts[0].rollback = "no ip prefix-list X permit 192.168.53.0/24\n"
        markdown = TicketLayout.render(content, format: .markdown)
        #expect(markdown.contains("## Change\n\n- vif-a: remote subnet 192.168.53.0/24 added\n"))
        #expect(markdown.contains("## Implementation (the change)"))
        #expect(markdown.contains("It reverts exactly this change"))
        #expect(markdown.contains("```text\nno ip prefix-list X permit 192.168.53.0/24\n```"))
    }

    @Test("deterministic: the same input gives the same bytes")
    func deterministic() throws {
        let first = TicketLayout.render(try TicketFixtures.content("dual-stack", vendor: .vyos), format: .html)
        let second = TicketLayout.render(try TicketFixtures.content("dual-stack", vendor: .vyos), format: .html)
        #expect(first == second)
    }
}
