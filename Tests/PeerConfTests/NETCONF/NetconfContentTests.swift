import Foundation
import Testing
@testable import PeerConf

/// What the payloads carry: hostile text as data, keys as each device needs them,
/// redaction, the CLI's names, refusals naming the model.
@Suite("NETCONF payload content")
struct NetconfContentTests {
    /// Markup, entities, the NETCONF end-of-message marker, a comment opener, a CDATA
    /// end: everything that would break the document if concatenated as text.
    static let hostile = #"A & B <c/> </description><evil attr="1"/> ]]>]]> &amp; &lt; <!-- x --> ]]> "q" 'a' Zürich"#

    private func hostileDefinition(model: NetconfModel) throws -> Definition {
        let escaped = Self.hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let text = """
        virtual_interface:
          name: vif-hostile
          vlan: 100
          local_subnets: [10.0.0.0/16]
          router:
            interface: \(Dialects.dialect(for: model.sampleVendor).sampleParentInterface)
          peers:
            - name: peer-v4
              address_family: ipv4
              local_gateway: 192.168.0.1/30
              remote_gateway: 192.168.0.2/30
              remote_subnets: [192.168.52.0/24]
              routing_mode: bgp
              bgp_asn: 65010
              bgp_md5_key_env: KEY
              description: "\(escaped)"
        """
        let result = DefinitionLoader.load(text: text, source: "hostile.yaml", options: LoadOptions(environment: ["KEY": "Str0ng-Key.2026"]))
        return try #require(result.definition, "the hostile definition must be valid:\n\(result.dump)")
    }

    @Test("hostile description text survives as data, parsed back with libxml2", arguments: NetconfModel.allCases)
    func hostileDescription(_ model: NetconfModel) throws {
        let definition = try hostileDefinition(model: model)
        for session in [false, true] {
            let options = NetconfOptions(session: session ? NetconfSessionOptions() : nil)
            let documents = try NetconfRenderer.render(definition, model: model, options: options).get()
            let text = documents[0].text
            let xml = session ? try #require(NetconfPayload.messages(of: text, framing: .endOfMessage).first { $0.contains("<edit-config>") }) : text
            if session {
                #expect(NetconfPayload.messages(of: text, framing: .endOfMessage).count == 7, "the marker inside the description must not split the session")
            }
            let root = try #require(XMLReader.parse(xml), "\(model.rawValue): not well-formed")
            let descriptions = root.allElements.filter { $0.name == "description" }.map(\.text)
            // VRP's peer description cannot contain "?" (none here), so every model keeps it.
            #expect(descriptions.contains(Self.hostile), "\(model.rawValue): the description did not survive: \(descriptions)")
            #expect(!root.allElements.contains { $0.name == "evil" }, "\(model.rawValue): text became markup")
            #expect(root.allElements.allSatisfy { $0.comments.isEmpty || !$0.comments.joined().contains("x -->") })
            #expect(XMLReader.texts(of: "description", in: xml)?.contains(Self.hostile) == true)
            try YangValidator.expectValid(xml, model: model, rollback: false, "\(model.rawValue) hostile description")
        }
    }

    @Test("the MD5 key appears exactly as each device needs it, escaped by libxml2")
    func keys() throws {
        let special = Scenarios.environment["PEERCONF_SPECIAL_KEY"]!
        let expected: [NetconfModel: (element: String, value: String)] = [
            .openconfig: ("auth-password", special),
            .junos: ("authentication-key", special),
            .iosXE: ("text", special),
            .iosXR: ("encrypted", "!" + special),
            .vrp: ("password-text", special),
        ]
        for model in NetconfModel.allCases {
            let text = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "special-key", rollback: false))
            if text.isError { continue }
            let (element, value) = expected[model]!
            #expect(XMLReader.texts(of: element, in: text.text) == [value], "\(model.rawValue)")
        }
        let xe = try NetconfScenarios.text(NetconfScenarios.Case(model: .iosXE, scenario: "bgp-ipv4", rollback: false)).text
        #expect(XMLReader.texts(of: "enctype", in: xe) == ["0"], "IOS-XE: type 0 is clear text")
        let vrp = try NetconfScenarios.text(NetconfScenarios.Case(model: .vrp, scenario: "bgp-ipv4", rollback: false)).text
        #expect(XMLReader.texts(of: "password-type", in: vrp) == ["cipher"])
    }

    @Test("redacted output carries the placeholder, never the key", arguments: NetconfModel.allCases)
    func redaction(_ model: NetconfModel) throws {
        let testCase = NetconfScenarios.Case(model: model, scenario: "dual-stack", rollback: false)
        let text = try NetconfScenarios.text(testCase, options: NetconfOptions(secrets: .redact)).text
        #expect(!text.contains("Str0ng-Key.2026"))
        let placeholder = SecretPolicy.placeholder(virtualInterface: "vif-dual", peer: "peer-v4")
        let values = XMLReader.parse(text)?.allElements.map(\.text) ?? []
        #expect(values.contains { $0.hasSuffix(placeholder) }, "\(model.rawValue): no placeholder")
        try YangValidator.expectValid(text, model: model, rollback: false, "\(model.rawValue) redacted")
    }

    @Test("OpenConfig instance and protocol names can be changed (they differ per platform)")
    func openConfigNames() throws {
        let settings = NetconfSettings(networkInstance: "default", staticProtocolName: "STATIC", bgpProtocolName: "bgp")
        for rollback in [false, true] {
            let testCase = NetconfScenarios.Case(model: .openconfig, scenario: "dual-stack", rollback: rollback)
            let text = try NetconfScenarios.text(testCase, options: NetconfOptions(settings: settings)).text
            let root = try #require(XMLReader.parse(text))
            let instance = try #require(root.allElements.first { $0.name == "network-instance" })
            #expect(instance.child("name")?.text == "default")
            let protocols = instance.child("protocols")?.children.compactMap { $0.child("name")?.text } ?? []
            #expect(protocols.contains("STATIC") && protocols.contains("bgp") && !protocols.contains("BGP") && !protocols.contains("DEFAULT"), "\(protocols)")
            try YangValidator.expectValid(text, model: .openconfig, rollback: rollback, "openconfig custom names")
        }
        let empty = NetconfOptions(settings: NetconfSettings(networkInstance: ""))
        guard case .failure(let failure) = try NetconfScenarios.render(NetconfScenarios.Case(model: .openconfig, scenario: "bgp-ipv4", rollback: false), options: empty) else {
            Issue.record("an empty network instance name rendered")
            return
        }
        #expect(failure.problems.first?.path == "--network-instance")
    }

    @Test("names are the CLI dialect's identifiers of the same vendor (FRR's for OpenConfig)", arguments: NetconfModel.allCases)
    func names(_ model: NetconfModel) throws {
        let definition = try NetconfScenarios.definition("dual-stack", model: model)
        let intent = try IntentBuilder.intents(for: definition).get()[0]
        let dialect = Dialects.dialect(for: model.namingVendor)
        let text = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "dual-stack", rollback: false)).text
        let values = Set(XMLReader.parse(text)?.allElements.map(\.text) ?? [])
        for peer in intent.bgpPeers {
            let names = peer.bgp!.names
            for name in [names.advertisedPrefixes, names.exportPolicy, names.acceptedPrefixes, names.importPolicy] {
                #expect(values.contains(dialect.identifier(name)), "\(model.rawValue): \(dialect.identifier(name)) missing")
            }
        }
    }

    @Test("4-byte ASNs are written asplain", arguments: NetconfModel.allCases)
    func fourByteASN(_ model: NetconfModel) throws {
        let text = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "asn-4byte", rollback: false)).text
        let values = XMLReader.parse(text)?.allElements.map(\.text) ?? []
        #expect(values.contains("4200000000"), "\(model.rawValue): remote AS")
        #expect(values.contains("4200000001"), "\(model.rawValue): local AS 64086.59905")
    }

    @Test("BFD: written where the model has it, refused naming the model where it does not")
    func bfd() throws {
        for model in NetconfModel.allCases {
            let output = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "bfd", rollback: false))
            if model == .iosXE {
                #expect(output.isError && output.text.contains("ios-xe") && output.text.contains("bfd"), "\(output.text)")
            } else {
                #expect(!output.isError, "\(model.rawValue): \(output.text)")
                let values = XMLReader.parse(output.text)?.allElements.map(\.text) ?? []
                #expect(values.contains("300") || values.contains("300000"), "\(model.rawValue): the interval")
            }
        }
    }

    @Test("VLAN 0 configures the port itself; no VLAN tag anywhere", arguments: NetconfModel.allCases)
    func untagged(_ model: NetconfModel) throws {
        let text = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "vlan0", rollback: false)).text
        let names = Set(XMLReader.parse(text)?.allElements.map(\.name) ?? [])
        for tag in ["vlan-id", "vlan-tagging", "single-tagged", "dot1Q", "dot1q", "vlan-type-vid"] {
            #expect(!names.contains(tag), "\(model.rawValue): \(tag) on an untagged port")
        }
        #expect(text.contains("192.168.0.2"))
    }

    @Test("a definition without router.interface gets the note instead of an interface", arguments: NetconfModel.allCases)
    func noInterface(_ model: NetconfModel) throws {
        let text = try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: "no-interface", rollback: false)).text
        #expect(text.contains("No interface configured"))
        #expect(XMLReader.parse(text) != nil)
    }

    @Test("ports the native models cannot name are refused, naming the model")
    func unknownPort() throws {
        for model in [NetconfModel.iosXE, .vrp] {
            let text = try String(contentsOf: Bundle.module.url(forResource: "Fixtures/scenarios/bgp-ipv4", withExtension: "yaml")!, encoding: .utf8)
                .replacingOccurrences(of: "PARENT", with: "Bundle-Ether7")
            let definition = try #require(DefinitionLoader.load(text: text, source: "x.yaml", options: LoadOptions(environment: Scenarios.environment)).definition)
            guard case .failure(let failure) = NetconfRenderer.render(definition, model: model) else {
                Issue.record("\(model.rawValue) rendered an unknown port type")
                continue
            }
            #expect(failure.problems.first?.vendor == model.namingVendor)
            #expect(failure.problems.first?.description.contains("Bundle-Ether7") == true)
        }
        #expect(IOSXEBuilder.split("TenGigabitEthernet1/0/1")! == ("TenGigabitEthernet", "1/0/1"))
        #expect(VRPBuilder.split("100GE1/0/1")! == ("100GE", "1/0/1"))
        #expect(VRPBuilder.split("10GE1/0/1")! == ("10GE", "1/0/1"))
    }

    /// Huawei payloads are validated with `-t edit`, which does not resolve leafrefs
    /// (yanglint's `-t config` crashes on huawei-bgp with device context): check that the
    /// policies and filters the peers use are the ones the payload defines.
    @Test("VRP: every policy and prefix filter referenced is defined in the payload")
    func vrpReferences() throws {
        for scenario in NetconfScenarios.names {
            let output = try NetconfScenarios.text(NetconfScenarios.Case(model: .vrp, scenario: scenario, rollback: false))
            if output.isError { continue }   // a key VRP cannot take: its golden .error file covers it
            let root = try #require(XMLReader.parse(output.text))
            let elements = root.allElements
            let policies = Set(elements.filter { $0.name == "policy-definition" }.compactMap { $0.child("name")?.text })
            let filters = Set(elements.filter { $0.name.hasSuffix("-prefix-filter") }.compactMap { $0.child("name")?.text })
            for used in elements.filter({ ["import-policy", "export-policy"].contains($0.name) }).map(\.text) {
                #expect(policies.contains(used), "vrp \(scenario): policy \(used) is not defined")
            }
            for used in elements.filter({ $0.name == "prefix-filter-ref" }).map(\.text) {
                #expect(filters.contains(used), "vrp \(scenario): prefix filter \(used) is not defined")
            }
        }
    }

    @Test("IOS-XR RPL blobs: commas between prefixes, one per line, closing keyword")
    func rpl() throws {
        let prefixes = [try IPPrefix.parse("10.0.0.0/16"), try IPPrefix.parse("10.1.0.0/16")]
        #expect(IOSXRBuilder.rplPrefixSet("S", prefixes) == "prefix-set S\n  10.0.0.0/16,\n  10.1.0.0/16\nend-set\n")
        #expect(IOSXRBuilder.rplRoutePolicy("P", matching: nil) == "route-policy P\n  pass\nend-policy\n")
        #expect(IOSXRBuilder.rplRoutePolicy("P", matching: "S").contains("if destination in S then\n    pass\n  else\n    drop\n  endif"))
    }
}
