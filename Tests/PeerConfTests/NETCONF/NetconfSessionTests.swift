import Foundation
import Testing
@testable import PeerConf

/// The RPC envelope and the `--session` exchange: message order, ids, framing,
/// confirmed commits.
@Suite("NETCONF envelope and session")
struct NetconfSessionTests {
    static let base = "urn:ietf:params:xml:ns:netconf:base:1.0"

    private func render(_ model: NetconfModel = .openconfig, scenario: String = "bgp-ipv4", _ options: NetconfOptions) throws -> String {
        try NetconfScenarios.text(NetconfScenarios.Case(model: model, scenario: scenario, rollback: options.rollback), options: options).text
    }

    private func render(_ options: NetconfOptions) throws -> String {
        try render(.openconfig, scenario: "bgp-ipv4", options)
    }

    private func rootNames(_ messages: [String]) -> [String] {
        messages.compactMap { XMLReader.parse($0) }.map { root in
            root.name == "rpc" ? root.children.first?.name ?? "" : root.name
        }
    }

    @Test("default: one edit-config merging into the candidate, message-id 1", arguments: NetconfModel.allCases)
    func defaultRPC(_ model: NetconfModel) throws {
        let text = try render(model, NetconfOptions())
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let rpc = try #require(XMLReader.parse(text))
        #expect(rpc.name == "rpc" && rpc.namespace == Self.base && rpc.attribute("message-id") == "1")
        let edit = try #require(rpc.child("edit-config"))
        #expect(edit.children.map(\.name) == ["target", "default-operation", "config"])
        #expect(edit.child("target")?.children.map(\.name) == ["candidate"])
        #expect(edit.child("default-operation")?.text == "merge")
        #expect(!text.contains("operation=\"remove\""))
        // 2-space indentation, no tabs.
        #expect(text.contains("\n  <edit-config>\n    <target>\n      <candidate/>"))
        #expect(!text.contains("\t"))
    }

    @Test("--target running edits the running datastore")
    func running() throws {
        let rpc = try #require(XMLReader.parse(try render(NetconfOptions(target: .running))))
        #expect(rpc.child("edit-config")?.child("target")?.children.map(\.name) == ["running"])
    }

    @Test("rollback: default-operation none, nc:operation=\"remove\" on the created entries only", arguments: NetconfModel.allCases)
    func rollback(_ model: NetconfModel) throws {
        let text = try render(model, scenario: "dual-stack", NetconfOptions(rollback: true))
        let rpc = try #require(XMLReader.parse(text))
        let edit = try #require(rpc.child("edit-config"))
        #expect(edit.child("default-operation")?.text == "none")
        let removed = rpc.allElements.filter { $0.attribute("operation", namespace: Self.base) != nil }
        #expect(!removed.isEmpty)
        #expect(removed.allSatisfy { $0.attribute("operation", namespace: Self.base) == "remove" })
        // Nothing is set by a removal: no key, no remote AS.
        #expect(!text.contains("Str0ng-Key.2026"))
        #expect(!text.contains("64512"))
    }

    @Test("the rollback removes each entry the configuration creates", arguments: NetconfModel.allCases)
    func rollbackMirrorsConfiguration(_ model: NetconfModel) throws {
        for scenario in NetconfScenarios.names {
            let testCase = NetconfScenarios.Case(model: model, scenario: scenario, rollback: false)
            guard case .success(let configuration) = try NetconfScenarios.render(testCase),
                  case .success(let removal) = try NetconfScenarios.render(NetconfScenarios.Case(model: model, scenario: scenario, rollback: true)) else { continue }
            let config = try #require(XMLReader.parse(configuration[0].text)?.child("edit-config")?.child("config"))
            let rollback = try #require(XMLReader.parse(removal[0].text)?.child("edit-config")?.child("config"))
            // Every removed element exists in the configuration at the same path with the
            // same keys (its children in the removal).
            for path in removedPaths(rollback) {
                #expect(exists(path, in: config), "\(model.rawValue) \(scenario): the rollback removes \(path.map(\.description).joined(separator: "/")), which the configuration does not create")
            }
        }
    }

    struct Step: CustomStringConvertible {
        var name: String
        var keys: [String: String]
        var description: String { name + (keys.isEmpty ? "" : "[" + keys.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ",") + "]") }
    }

    /// Paths to every element marked for removal: each step is the element's name and
    /// its identifying leaves (a leaf's own value for leaves).
    private func removedPaths(_ node: ParsedXMLElement, prefix: [Step] = []) -> [[Step]] {
        node.children.flatMap { child -> [[Step]] in
            let step = Step(name: child.name, keys: identity(child))
            if child.attribute("operation", namespace: Self.base) != nil { return [prefix + [step]] }
            return removedPaths(child, prefix: prefix + [step])
        }
    }

    private func identity(_ node: ParsedXMLElement) -> [String: String] {
        if node.children.isEmpty { return node.text.isEmpty ? [:] : ["": node.text] }
        let leaves = node.children.filter { $0.children.isEmpty && $0.attribute("operation", namespace: Self.base) == nil }
        return Dictionary(leaves.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    private func exists(_ path: [Step], in node: ParsedXMLElement) -> Bool {
        guard let step = path.first else { return true }
        return node.children.contains { child in
            guard child.name == step.name else { return false }
            let matches = step.keys.allSatisfy { key, value in
                key.isEmpty ? child.text == value : child.children.contains { $0.name == key && $0.text == value }
            }
            return matches && exists(Array(path.dropFirst()), in: child)
        }
    }

    @Test("session (eom): hello with base:1.0, then lock, edit-config, validate, commit, unlock, close-session, ids from 1")
    func session() throws {
        let text = try render(NetconfOptions(session: NetconfSessionOptions()))
        let messages = NetconfPayload.messages(of: text, framing: .endOfMessage)
        #expect(rootNames(messages) == ["hello", "lock", "edit-config", "validate", "commit", "unlock", "close-session"])
        #expect(text.components(separatedBy: "]]>]]>").count == 8, "every message, the hello included, ends with ]]>]]>")
        #expect(text.hasSuffix("]]>]]>\n"))
        let parsed = messages.compactMap { XMLReader.parse($0) }
        #expect(parsed.count == 7, "every message is well-formed XML")
        #expect(parsed.dropFirst().map { $0.attribute("message-id") } == ["1", "2", "3", "4", "5", "6"])
        #expect(parsed[0].attribute("message-id") == nil)
        let capabilities = parsed[0].child("capabilities")?.children.map(\.text)
        #expect(capabilities == ["urn:ietf:params:netconf:base:1.0"], "with end-of-message framing the hello must not offer base:1.1 (a 1.1 server would switch to chunks)")
        #expect(parsed[1].child("lock")?.child("target")?.children.map(\.name) == ["candidate"])
        #expect(parsed[3].child("validate")?.child("source")?.children.map(\.name) == ["candidate"])
        #expect(parsed[4].child("commit")?.children.isEmpty == true)
        #expect(parsed[5].child("unlock")?.child("target")?.children.map(\.name) == ["candidate"])
    }

    @Test("session (chunked): hello offers base:1.0 and base:1.1, then RFC 6242 chunks with exact byte counts")
    func chunked() throws {
        let text = try render(NetconfOptions(session: NetconfSessionOptions(framing: .chunked)))
        let messages = NetconfPayload.messages(of: text, framing: .chunked)
        #expect(rootNames(messages) == ["hello", "lock", "edit-config", "validate", "commit", "unlock", "close-session"])
        #expect(text.components(separatedBy: "]]>]]>").count == 2, "only the hello ends with ]]>]]>")
        let hello = try #require(XMLReader.parse(messages[0]))
        #expect(hello.child("capabilities")?.children.map(\.text) == ["urn:ietf:params:netconf:base:1.0", "urn:ietf:params:netconf:base:1.1"])
        #expect(text.hasSuffix("\n##\n"))
        #expect(text.contains("</hello>\n]]>]]>\n#"), "the first chunk follows the hello's marker directly")
    }

    @Test("session on the running datastore: no validate or commit")
    func runningSession() throws {
        let text = try render(NetconfOptions(target: .running, session: NetconfSessionOptions()))
        #expect(rootNames(NetconfPayload.messages(of: text, framing: .endOfMessage)) == ["hello", "lock", "edit-config", "unlock", "close-session"])
        #expect(!text.contains("<candidate/>"))
    }

    @Test("confirmed commit: confirm-timeout in seconds and a persist id; the follow-up is documented", arguments: [NetconfModel.openconfig, .iosXE, .iosXR, .vrp])
    func confirmedCommit(_ model: NetconfModel) throws {
        let testCase = NetconfScenarios.Case(model: model, scenario: "bgp-ipv4", rollback: false)
        let options = NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 300))
        guard case .success(let documents) = try NetconfScenarios.render(testCase, options: options) else {
            Issue.record("no document")
            return
        }
        let messages = NetconfPayload.messages(of: documents[0].text, framing: .endOfMessage)
        let commitMessage = try #require(messages.first { $0.contains("<commit>") })
        let commit = try #require(XMLReader.parse(commitMessage)?.child("commit"))
        #expect(commit.children.map(\.name) == ["confirmed", "confirm-timeout", "persist"])
        #expect(commit.child("confirm-timeout")?.text == "300")
        #expect(commit.child("persist")?.text == "peerconf-vif-bgp-v4")
        let followUp = try #require(documents[0].followUp)
        #expect(followUp.contains("<commit><persist-id>peerconf-vif-bgp-v4</persist-id></commit>"))
        #expect(followUp.contains("<cancel-commit><persist-id>peerconf-vif-bgp-v4</persist-id></cancel-commit>"))
        #expect(XMLReader.parse(commitMessage).map { _ in true } == true)
        #expect(commitMessage.contains("<!-- Confirmed commit:"), "the follow-up is written next to the commit")
        let custom = try NetconfScenarios.text(testCase, options: NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 60, persistID: "change-42"))).text
        #expect(custom.contains("<persist>change-42</persist>"))
    }

    @Test("Junos confirmed commit: <commit-configuration> with the timeout in minutes (rounded up)")
    func junosConfirmedCommit() throws {
        let testCase = NetconfScenarios.Case(model: .junos, scenario: "bgp-ipv4", rollback: false)
        for (seconds, minutes) in [(300, "5"), (90, "2"), (1, "1"), (600, "10")] {
            guard case .success(let documents) = try NetconfScenarios.render(testCase, options: NetconfOptions(session: NetconfSessionOptions(confirmTimeout: seconds))) else {
                Issue.record("no document")
                return
            }
            let messages = NetconfPayload.messages(of: documents[0].text, framing: .endOfMessage)
            let commits = messages.compactMap { XMLReader.parse($0)?.child("commit-configuration") }
            let commit = try #require(commits.first)
            #expect(commit.children.map(\.name) == ["confirmed", "confirm-timeout"])
            #expect(commit.child("confirm-timeout")?.text == minutes, "\(seconds) s")
            #expect(documents[0].followUp?.contains("\(minutes) minute") == true)
            #expect(documents[0].followUp?.contains("<commit-configuration/>") == true)
        }
    }

    @Test("inconsistent options are refused with the reason")
    func optionProblems() throws {
        let running = NetconfOptions(target: .running, session: NetconfSessionOptions(confirmTimeout: 60))
        #expect(running.problem(for: .openconfig)?.contains("candidate") == true)
        #expect(NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 0)).problem(for: .openconfig) != nil)
        #expect(NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 60, persistID: "a b")).problem(for: .openconfig) != nil)
        #expect(NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 65536 * 60)).problem(for: .junos) != nil)
        #expect(NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 65536 * 60)).problem(for: .iosXR) == nil)
        let definition = try NetconfScenarios.definition("bgp-ipv4", model: .openconfig)
        guard case .failure(let failure) = NetconfRenderer.render(definition, model: .openconfig, options: running) else {
            Issue.record("a confirmed commit on running rendered")
            return
        }
        #expect(failure.problems.first?.message.contains("candidate") == true)
    }

    @Test("output is deterministic")
    func deterministic() throws {
        for model in NetconfModel.allCases {
            let options = NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 300))
            #expect(try render(model, scenario: "dual-stack", options) == render(model, scenario: "dual-stack", options))
        }
    }
}
