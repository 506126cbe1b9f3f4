import Foundation
import Testing
@testable import PeerConf

/// The changes the cloud allows (a peer's name, description and remote subnets; adding or
/// removing the second peer) plus a key change, on every platform: applying the change to
/// a router configured from the old definition gives the new configuration, and applying
/// the rollback gives the old one back.
@Suite("Deltas: only the change, and its exact rollback")
struct DeltaTests {
    struct Change: CustomTestStringConvertible, Sendable {
        var name: String
        var base: String
        var edit: @Sendable (inout Definition) -> Void
        var testDescription: String { name }
    }

    static let key = MD5Key("Other-Key.99", source: .environment("NEW_KEY"))

    static let changes: [Change] = [
        Change(name: "remote subnet added", base: "dual-stack") { $0.virtualInterfaces[0].peers[0].remoteSubnets.append(try! IPPrefix.parse("192.168.53.0/24")) },
        Change(name: "remote subnet removed", base: "dual-stack") { $0.virtualInterfaces[0].peers[0].remoteSubnets.removeLast() },
        Change(name: "MD5 key changed", base: "dual-stack") { definition in
            guard case .bgp(var session) = definition.virtualInterfaces[0].peers[0].routing else { return }
            session.md5Key = key
            definition.virtualInterfaces[0].peers[0].routing = .bgp(session)
        },
        Change(name: "description changed", base: "dual-stack") { $0.virtualInterfaces[0].peers[0].description = "New text" },
        Change(name: "description removed", base: "dual-stack") { $0.virtualInterfaces[0].peers[1].description = nil },
        Change(name: "peer renamed", base: "dual-stack") { $0.virtualInterfaces[0].peers[1].name = "peer-v6-new" },
        Change(name: "IPv6 peer removed", base: "dual-stack") { $0.virtualInterfaces[0].peers.removeLast() },
        Change(name: "IPv6 peer added", base: "bgp-ipv4") { definition in
            var peer = definition.virtualInterfaces[0].peers[0]
            peer.name = "peer-v6"
            peer.addressFamily = .ipv6
            peer.localGateway = try! IPInterfaceAddress.parse("2001:db8:ffff::1/64")
            peer.remoteGateway = try! IPInterfaceAddress.parse("2001:db8:ffff::2/64")
            peer.remoteSubnets = [try! IPPrefix.parse("2001:db8:52::/48")]
            definition.virtualInterfaces[0].peers.append(peer)
        },
        Change(name: "BFD added", base: "bgp-ipv4") { $0.virtualInterfaces[0].peers[0].bfd = BFDSettings(intervalMilliseconds: 300, multiplier: 3) },
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var vendor: VendorID
        var change: Change
        var testDescription: String { "\(vendor.rawValue): \(change.name)" }
    }

    static let cases = VendorID.allCases.flatMap { vendor in changes.map { Case(vendor: vendor, change: $0) } }

    static func render(_ definition: Definition, vendor: VendorID) throws -> String {
        try ConfigRenderer.render(definition, vendor: vendor).get().map(\.text).joined()
    }

    @Test(arguments: cases)
    func roundTrip(_ testCase: Case) throws {
        let old = try Scenarios.definition(testCase.change.base, vendor: testCase.vendor)
        var new = old
        testCase.change.edit(&new)
        let change = try #require(try ConfigDelta.changes(from: old, to: new, vendor: testCase.vendor).get().first)
        #expect(!change.isEmpty)
        let syntax = Dialects.dialect(for: testCase.vendor).changeSyntax
        let (oldText, newText) = (try Self.render(old, vendor: testCase.vendor), try Self.render(new, vendor: testCase.vendor))

        var device = DeviceModel(oldText, syntax: syntax)
        try device.apply(change.forward)
        // Statements shared with the rest of the router (`ipv6 unicast-routing`, the BGP
        // process) stay when a change no longer needs them, as with a full rollback.
        let shared = { (statements: Set<ConfigStatement>) in statements.filter { !syntax.isShared($0.text) } }
        let expected = DeviceModel(newText, syntax: syntax).lines
        #expect(shared(device.lines) == shared(expected),
                "forward: missing \(shared(expected).subtracting(device.lines).map(\.text)), extra \(shared(device.lines).subtracting(expected).map(\.text))\n\(change.forward)")
        try device.apply(change.reverse)
        let original = DeviceModel(oldText, syntax: syntax).lines
        #expect(shared(device.lines) == shared(original),
                "reverse: missing \(shared(original).subtracting(device.lines).map(\.text)), extra \(shared(device.lines).subtracting(original).map(\.text))\n\(change.reverse)")
        // Nothing outside the shared statements is left over, and nothing shared was lost.
        #expect(original.filter { syntax.isShared($0.text) }.isSubset(of: device.lines))
    }

    /// Statements of a change that do something (not modes entered to reach them).
    static func actions(_ text: String, syntax: ChangeSyntax) -> [ConfigStatement] {
        let statements = syntax.statements(of: text)
        let modes = Set(statements.flatMap { statement in statement.context.indices.map { Array(statement.context.prefix($0 + 1)) } })
        return statements.filter { !modes.contains($0.context + [$0.text]) }
    }

    @Test("a subnet added gives its entries and nothing else", arguments: VendorID.allCases.filter { $0 != .bird })
    func subnetAddedOnly(_ vendor: VendorID) throws {
        let old = try Scenarios.definition("dual-stack", vendor: vendor)
        var new = old
        new.virtualInterfaces[0].peers[0].remoteSubnets.append(try IPPrefix.parse("192.168.60.0/24"))
        let change = try ConfigDelta.changes(from: old, to: new, vendor: vendor).get()[0]
        let syntax = Dialects.dialect(for: vendor).changeSyntax
        let actions = Self.actions(change.forward, syntax: syntax)
        #expect(!actions.isEmpty)
        let about = actions.filter { $0.text.contains("192.168.60.0") }
        for action in actions {
            // A numbered entry's other lines (VyOS `rule 30 action 'permit'`) belong to it too.
            let entry = action.text.split(separator: " ").dropLast(2).joined(separator: " ")
            let belongs = action.text.contains("192.168.60.0") || about.contains { $0.text.hasPrefix(entry + " ") }
            #expect(belongs, "\(vendor.rawValue): '\(action.text)' is not about the new subnet\n\(change.forward)")
            #expect(!action.text.hasPrefix(syntax.negation) && !action.text.hasPrefix("delete") && !action.text.contains("/remove"))
        }
        #expect(change.summary == ["peer peer-v4: remote subnet 192.168.60.0/24 added"])
    }

    @Test("a new key gives the key and nothing else, shown as a placeholder unless secrets are included",
          arguments: VendorID.allCases.filter { $0 != .bird })
    func keyOnly(_ vendor: VendorID) throws {
        let old = try Scenarios.definition("dual-stack", vendor: vendor)
        var new = old
        guard case .bgp(var session) = new.virtualInterfaces[0].peers[0].routing else { return }
        session.md5Key = Self.key
        new.virtualInterfaces[0].peers[0].routing = .bgp(session)
        let syntax = Dialects.dialect(for: vendor).changeSyntax
        let shown = try ConfigDelta.changes(from: old, to: new, vendor: vendor, options: RenderOptions(secrets: .include)).get()[0]
        let actions = Self.actions(shown.forward, syntax: syntax)
        #expect(actions.count == 1 && actions[0].text.contains("Other-Key.99"), "\(vendor.rawValue):\n\(shown.forward)")
        #expect(shown.risks.contains { $0.contains("resets the BGP session") })
        let redacted = try ConfigDelta.changes(from: old, to: new, vendor: vendor, options: RenderOptions(secrets: .redact)).get()[0]
        for text in [redacted.forward, redacted.reverse] {
            #expect(!text.contains("Other-Key.99") && !text.contains(Scenarios.environment["PEERCONF_TEST_KEY"]!))
            #expect(text.contains("<BGP-MD5-KEY:vif-dual/peer-v4>"))
        }
    }

    @Test("no change: the delta says so and applies nothing")
    func noChange() throws {
        let definition = try Scenarios.definition("dual-stack", vendor: .frr)
        let change = try ConfigDelta.changes(from: definition, to: definition, vendor: .frr).get()[0]
        #expect(change.isEmpty)
        #expect(change.forward.split(separator: "\n").allSatisfy { $0.hasPrefix("!") })
    }

    @Test("an interface only in the new file is its configuration; only in the old, its rollback")
    func wholeInterfaces() throws {
        let a = try Scenarios.definition("dual-stack", vendor: .frr)
        var b = try Scenarios.definition("static-ipv4", vendor: .frr)
        b.source = a.source   // the header names the file the interface comes from
        var both = a
        both.virtualInterfaces += b.virtualInterfaces
        let changes = try ConfigDelta.changes(from: a, to: both, vendor: .frr).get()
        #expect(changes.map(\.virtualInterface) == ["vif-dual", "vif-static-v4"])
        #expect(changes[0].isEmpty)
        #expect(changes[1].forward == (try Self.render(b, vendor: .frr)))
        let removal = try ConfigDelta.changes(from: both, to: a, vendor: .frr).get()
        #expect(removal[1].forward == (try ConfigRenderer.render(b, vendor: .frr, options: RenderOptions(rollback: true)).get()[0].text))
    }
}
