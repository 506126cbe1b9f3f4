import Foundation
import Testing
@testable import PeerConf

/// The NETCONF scenarios: the rendering scenarios (Fixtures/scenarios) for every model,
/// as configuration and as rollback.
enum NetconfScenarios {
    static let names = Scenarios.names
    /// Every scenario's rollback is rendered and validated too.
    static let rollbackNames = Scenarios.names

    struct Case: CustomTestStringConvertible, Sendable, Hashable {
        var model: NetconfModel
        var scenario: String
        var rollback: Bool
        var testDescription: String { "\(model.rawValue) \(scenario)\(rollback ? " rollback" : "")" }
        var baseName: String { rollback ? "\(scenario).rollback" : scenario }
    }

    static func cases(for models: [NetconfModel] = NetconfModel.allCases) -> [Case] {
        models.flatMap { model in
            names.map { Case(model: model, scenario: $0, rollback: false) }
                + rollbackNames.map { Case(model: model, scenario: $0, rollback: true) }
        }
    }

    /// The scenario with the port name usual on a platform speaking the model.
    static func definition(_ scenario: String, model: NetconfModel) throws -> Definition {
        try Scenarios.definition(scenario, vendor: model.sampleVendor)
    }

    static func render(_ testCase: Case, options: NetconfOptions = NetconfOptions()) throws -> Result<[NetconfDocument], RenderFailure> {
        var options = options
        options.rollback = testCase.rollback
        return NetconfRenderer.render(try definition(testCase.scenario, model: testCase.model), model: testCase.model, options: options)
    }

    /// The document, or the failure as the CLI prints it.
    static func text(_ testCase: Case, options: NetconfOptions = NetconfOptions()) throws -> (text: String, isError: Bool) {
        switch try render(testCase, options: options) {
        case .success(let documents): return (documents.map(\.text).joined(separator: "\n"), false)
        case .failure(let failure): return (failure.problems.map { "error: \($0)" }.joined(separator: "\n") + "\n", true)
        }
    }

    static let goldenRoot = Scenarios.goldenRoot.appendingPathComponent("netconf")
}

/// yanglint (libyang2-tools) against the module sets in `../shared/yang`.
struct YangValidator {
    let yanglint: String
    let root: URL

    enum Kind: String {
        /// The children of `<config>` of an edit-config (structure, types, nc:operation).
        case edit
        /// A complete configuration datastore (leafrefs, mandatory nodes, `when`).
        case config
    }

    /// The validator, or nil after printing why the tests cannot validate here. Under
    /// PEERCONF_REQUIRE_TOOLS=1 (CI) a missing validator is a test failure.
    static func available(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YangValidator? {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["PEERCONF_YANG_DIR"].map { URL(fileURLWithPath: $0) }
            ?? CommandRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/yang")
        let which = try? CommandRunner.runTool("sh", ["-c", "command -v yanglint"])
        let path = which?.status == 0 ? which!.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        var missing: [String] = []
        if path == nil { missing.append("yanglint is not installed (apt-get install libyang2-tools)") }
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("ietf/ietf-netconf@2011-06-01.yang").path) {
            missing.append("the YANG modules are not at \(root.path) (set PEERCONF_YANG_DIR)")
        }
        guard let path, missing.isEmpty else {
            print("SKIPPED: NETCONF payloads NOT validated against YANG: \(missing.joined(separator: "; "))")
            #expect(!CommandRunner.toolsRequired, "yanglint and ../shared/yang are required in CI: \(missing.joined(separator: "; "))", sourceLocation: sourceLocation)
            return nil
        }
        return YangValidator(yanglint: path, root: root)
    }

    /// The modules a model's payloads are validated against (the main modules of
    /// `../shared/yang/README.md`; imports are found with `-p`).
    func modules(for model: NetconfModel) -> [String] {
        let names: [String]
        switch model {
        case .openconfig:
            // openconfig-local-routing is added so its DROP identity (discard anchors)
            // is implemented, as on any device that supports static routes.
            names = ["openconfig-interfaces", "openconfig-if-ip", "openconfig-vlan", "openconfig-network-instance",
                     "openconfig-routing-policy", "iana-if-type", "openconfig-policy-types", "openconfig-bgp-types",
                     "openconfig-network-instance-types", "openconfig-types", "openconfig-local-routing"]
        case .junos:
            names = ["junos-conf-root", "junos-conf-interfaces", "junos-conf-protocols", "junos-conf-routing-options", "junos-conf-policy-options"]
                .map { "\($0)@2024-01-01" }
        case .iosXE:
            names = ["Cisco-IOS-XE-native", "Cisco-IOS-XE-bgp"]
        case .iosXR:
            names = ["Cisco-IOS-XR-um-interface-cfg", "Cisco-IOS-XR-um-if-ip-address-cfg", "Cisco-IOS-XR-um-l2-ethernet-cfg",
                     "Cisco-IOS-XR-um-router-bgp-cfg", "Cisco-IOS-XR-um-router-static-cfg", "Cisco-IOS-XR-um-route-policy-cfg"]
        case .vrp:
            // huawei-bfd for the global `bfd` that peer BFD needs.
            names = ["huawei-ifm", "huawei-ifm-trunk", "huawei-ip", "huawei-ethernet", "huawei-bgp", "huawei-routing",
                     "huawei-network-instance", "huawei-routing-policy", "huawei-xpl", "huawei-l3vpn", "huawei-bfd"]
        }
        return names.map { root.appendingPathComponent("\(model.yangFolder)/\($0).yang").path }
    }

    var ietfNetconf: String { root.appendingPathComponent("ietf/ietf-netconf@2011-06-01.yang").path }

    /// `-t config` works where the set's README says so: every set but Huawei's, whose
    /// datastore check needs the device's own objects (main interface, NULL0, the
    /// public instance's address families and topology).
    static func supportsConfig(_ model: NetconfModel) -> Bool { model != .vrp }

    /// Validates payload files (each the children of one `<config>`); the result's
    /// status is 0 when every file is valid. ietf-netconf is loaded for `nc:operation`.
    func validate(_ files: [URL], model: NetconfModel, as kind: Kind) throws -> CommandRunner.Output {
        var arguments = ["-Q", "-i", "-p", root.appendingPathComponent(model.yangFolder).path, "-p", root.appendingPathComponent("ietf").path,
                         "-t", kind.rawValue]
        arguments += modules(for: model)
        if kind == .edit { arguments.append(ietfNetconf) }
        arguments += files.map(\.path)
        return try CommandRunner.runTool(yanglint, arguments)
    }

    /// Validates one `<rpc>` envelope against ietf-netconf (`<config>` is anydata there).
    func validateRPC(_ file: URL) throws -> CommandRunner.Output {
        try CommandRunner.runTool(yanglint, ["-Q", "-p", root.appendingPathComponent("ietf").path, "-t", "nc-rpc", ietfNetconf, file.path])
    }
}

extension YangValidator {
    /// Checks one edit-config document as the payload tests do: its payload with
    /// `-t edit` (and `-t config` for a configuration where the set supports it), its
    /// envelope with `-t nc-rpc`. For the tests that build documents of their own.
    static func expectValid(_ document: String, model: NetconfModel, rollback: Bool, _ label: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let validator = available(sourceLocation: sourceLocation) else { return }
        let directory = try TemporaryDirectory()
        let payload = try #require(NetconfPayload.validationText(of: document, model: model), "\(label): no <config>", sourceLocation: sourceLocation)
        let file = try directory.write("payload.xml", payload)
        let edit = try validator.validate([file], model: model, as: .edit)
        #expect(edit.status == 0, "\(label): yanglint -t edit:\n\(edit.stderr)", sourceLocation: sourceLocation)
        if !rollback && supportsConfig(model) {
            let config = try validator.validate([file], model: model, as: .config)
            #expect(config.status == 0, "\(label): yanglint -t config:\n\(config.stderr)", sourceLocation: sourceLocation)
        }
        let rpc = try validator.validateRPC(try directory.write("rpc.xml", document))
        #expect(rpc.status == 0, "\(label): yanglint -t nc-rpc:\n\(rpc.stderr)", sourceLocation: sourceLocation)
    }
}

enum NetconfPayload {
    /// The children of `<config>` as one file for yanglint; Junos's unqualified
    /// configuration is qualified with the junos-conf namespaces first.
    static func validationText(of document: String, model: NetconfModel) -> String? {
        let qualify: ((Int, String) -> String?)? = model == .junos ? { depth, name in
            switch depth {
            case 0: "http://yang.juniper.net/junos/conf/root"
            case 1: "http://yang.juniper.net/junos/conf/\(name)"
            default: nil
            }
        } : nil
        return XMLReader.configChildren(in: document, qualify: qualify)?.joined(separator: "\n")
    }

    /// The messages of a session (the text between end-of-message markers or chunks).
    static func messages(of session: String, framing: NetconfFraming) -> [String] {
        let parts = session.components(separatedBy: NetconfXML.endOfMessage)
        guard framing == .chunked else {
            return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        // Hello, then chunks: "\n#<length>\n<bytes>\n##\n".
        var messages = [parts[0].trimmingCharacters(in: .whitespacesAndNewlines)]
        // Chunks follow the hello's marker directly.
        var rest = Array(parts.dropFirst().joined(separator: NetconfXML.endOfMessage).utf8)
        while !rest.isEmpty {
            guard rest.starts(with: Array("\n#".utf8)), let end = rest.dropFirst(2).firstIndex(of: UInt8(ascii: "\n")),
                  let length = Int(String(decoding: rest[2..<end], as: UTF8.self)) else { return messages + ["<bad chunk header>"] }
            let start = end + 1
            guard rest.count >= start + length else { return messages + ["<short chunk>"] }
            messages.append(String(decoding: rest[start..<start + length], as: UTF8.self))
            rest = Array(rest[(start + length)...])
            guard rest.starts(with: Array("\n##\n".utf8)) else { return messages + ["<missing end of chunks>"] }
            rest.removeFirst(4)
        }
        return messages
    }
}
