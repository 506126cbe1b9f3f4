import Foundation
import Testing
@testable import PeerConf

/// Every payload the tests produce is checked by yanglint against the vendors' YANG
/// modules (`../shared/yang`): every model x every scenario x configuration and
/// rollback. Skipped loudly (failed under PEERCONF_REQUIRE_TOOLS=1) without yanglint.
@Suite("NETCONF payloads validate against the YANG modules")
struct NetconfYangTests {
    /// The scenarios the issue names; each must render (not be refused) for every model.
    static let required = ["static-ipv4", "static-ipv6", "bgp-ipv4", "bgp-ipv6", "dual-stack", "asn-4byte"]

    @Test("payloads: -t edit (config and rollback), -t config, envelope -t nc-rpc", arguments: NetconfModel.allCases)
    func payloads(_ model: NetconfModel) throws {
        guard let validator = YangValidator.available() else { return }
        let directory = try TemporaryDirectory()
        var editFiles: [URL] = []
        var configFiles: [URL] = []
        var rendered: Set<String> = []
        for testCase in NetconfScenarios.cases(for: [model]) {
            guard case .success(let documents) = try NetconfScenarios.render(testCase) else { continue }
            rendered.insert(testCase.baseName)
            for document in documents {
                let payload = try #require(NetconfPayload.validationText(of: document.text, model: model), "\(testCase.testDescription): no <config>")
                #expect(!payload.isEmpty, "\(testCase.testDescription): empty payload")
                let file = try directory.write("\(testCase.baseName).payload.xml", payload)
                editFiles.append(file)
                if !testCase.rollback { configFiles.append(file) }
                let envelope = try directory.write("\(testCase.baseName).rpc.xml", document.text)
                let rpc = try validator.validateRPC(envelope)
                #expect(rpc.status == 0, "\(testCase.testDescription): the <rpc> envelope is not a valid ietf-netconf edit-config:\n\(rpc.stderr)")
            }
        }
        for scenario in Self.required {
            #expect(rendered.contains(scenario) && rendered.contains("\(scenario).rollback"), "\(model.rawValue) must render \(scenario) and its rollback")
        }
        let edit = try validator.validate(editFiles, model: model, as: .edit)
        #expect(edit.status == 0, "\(model.rawValue): yanglint -t edit rejected a payload:\n\(edit.stderr)")
        if YangValidator.supportsConfig(model) {
            let config = try validator.validate(configFiles, model: model, as: .config)
            #expect(config.status == 0, "\(model.rawValue): yanglint -t config rejected a payload:\n\(config.stderr)")
        }
        print("validated \(editFiles.count) \(model.rawValue) payloads with yanglint -t edit\(YangValidator.supportsConfig(model) ? ", \(configFiles.count) with -t config" : "")")
    }

    @Test("session messages are valid ietf-netconf RPCs", arguments: NetconfModel.allCases)
    func sessions(_ model: NetconfModel) throws {
        guard let validator = YangValidator.available() else { return }
        let directory = try TemporaryDirectory()
        let variants: [(String, NetconfOptions)] = [
            ("candidate", NetconfOptions(session: NetconfSessionOptions())),
            ("confirmed", NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 300))),
            ("running", NetconfOptions(target: .running, session: NetconfSessionOptions())),
            ("chunked", NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 120, framing: .chunked))),
        ]
        for (label, options) in variants {
            let testCase = NetconfScenarios.Case(model: model, scenario: "dual-stack", rollback: false)
            let text = try NetconfScenarios.text(testCase, options: options).text
            let messages = NetconfPayload.messages(of: text, framing: options.session!.framing)
            for (index, message) in messages.enumerated().dropFirst() {
                // Junos's own <commit-configuration> is not an ietf-netconf RPC; its shape
                // is checked in NetconfSessionTests.
                if message.contains("<commit-configuration>") { continue }
                let file = try directory.write("\(label)-\(index).xml", message)
                let result = try validator.validateRPC(file)
                #expect(result.status == 0, "\(model.rawValue) \(label) message \(index) is not a valid ietf-netconf RPC:\n\(message)\n\(result.stderr)")
            }
        }
    }

    @Test("the validation catches a broken payload (the check is not vacuous)", arguments: NetconfModel.allCases)
    func brokenPayloadIsRejected(_ model: NetconfModel) throws {
        guard let validator = YangValidator.available() else { return }
        let testCase = NetconfScenarios.Case(model: model, scenario: "bgp-ipv4", rollback: false)
        guard case .success(let documents) = try NetconfScenarios.render(testCase) else {
            Issue.record("bgp-ipv4 does not render for \(model.rawValue)")
            return
        }
        let payload = try #require(NetconfPayload.validationText(of: documents[0].text, model: model))
        // A value the leaf does not take (remote AS range; VLAN id or group type where the AS is a plain string).
        let remoteAS = ["openconfig": "peer-as", "junos": "type", "ios-xe": "vlan-id", "ios-xr": "remote-as", "vrp": "remote-as"][model.rawValue]!
        let broken = payload.replacingOccurrences(of: "<\(remoteAS)>", with: "<\(remoteAS)>99999999999")
        #expect(broken != payload)
        let directory = try TemporaryDirectory()
        let result = try validator.validate([try directory.write("broken.xml", broken)], model: model, as: .edit)
        #expect(result.status != 0, "\(model.rawValue): yanglint accepted an out-of-range <\(remoteAS)>")
        let wrongOperation = payload.replacingOccurrences(of: ">", with: " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"bogus\">", options: [], range: payload.range(of: ">"))
        let rejected = try validator.validate([try directory.write("operation.xml", wrongOperation)], model: model, as: .edit)
        #expect(rejected.status != 0, "\(model.rawValue): yanglint accepted nc:operation=\"bogus\"")
    }
}
