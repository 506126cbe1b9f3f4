@testable import PeerConf

/// A definition file built line by line, so a test can change one field and know the
/// exact line and column a finding about it must point at.
struct DefinitionDocument {
    struct Line {
        var indent: String
        var key: String
        var value: String?
        /// The field path in diagnostics, e.g. `virtual_interface.peers[0].bgp_asn`.
        var path: String?
        var listItem = false
    }

    var lines: [Line]
    static let file = "test.yaml"
    static let keyVariable = "TEST_MD5_KEY"
    static let goodKey = "Str0ng-Key.2026"

    var text: String {
        lines.map { line in
            let dash = line.listItem ? "- " : ""
            guard let value = line.value else { return "\(line.indent)\(dash)\(line.key):" }
            return "\(line.indent)\(dash)\(line.key): \(value)"
        }.joined(separator: "\n") + "\n"
    }

    /// (line, column) of the value of `path`, 1-based.
    func position(of path: String) -> (line: Int, column: Int) {
        guard let index = lines.firstIndex(where: { $0.path == path }) else { fatalError("no field \(path) in the document") }
        let line = lines[index]
        let column = line.indent.count + (line.listItem ? 2 : 0) + line.key.count + 3
        return (index + 1, column)
    }

    /// (line, column) of the key of `path` (where findings about the whole field point).
    func keyPosition(of path: String) -> (line: Int, column: Int) {
        guard let index = lines.firstIndex(where: { $0.path == path }) else { fatalError("no field \(path) in the document") }
        return (index + 1, lines[index].indent.count + (lines[index].listItem ? 2 : 0) + 1)
    }

    func setting(_ path: String, _ value: String) -> DefinitionDocument {
        var copy = self
        guard let index = copy.lines.firstIndex(where: { $0.path == path }) else { fatalError("no field \(path)") }
        copy.lines[index].value = value
        return copy
    }

    func removing(_ path: String) -> DefinitionDocument {
        var copy = self
        guard let index = copy.lines.firstIndex(where: { $0.path == path }) else { fatalError("no field \(path)") }
        precondition(!copy.lines[index].listItem, "removing the first key of a list item would shift the item")
        copy.lines.remove(at: index)
        return copy
    }

    /// Adds `key: value` to the object that holds `sibling`, right after it.
    func adding(_ key: String, _ value: String, after sibling: String) -> DefinitionDocument {
        var copy = self
        guard let index = copy.lines.firstIndex(where: { $0.path == sibling }) else { fatalError("no field \(sibling)") }
        let base = copy.lines[index]
        let indent = base.indent + (base.listItem ? "  " : "")
        let parent = sibling.split(separator: ".").dropLast().joined(separator: ".")
        copy.lines.insert(Line(indent: indent, key: key, value: value, path: parent + "." + key), at: index + 1)
        return copy
    }

    /// A valid dual-stack BGP definition with no warnings: every rule passes on it.
    static let valid: DefinitionDocument = {
        let vif = "virtual_interface"
        var lines: [Line] = [
            Line(indent: "", key: vif, path: vif),
            Line(indent: "  ", key: "name", value: "vif-test", path: "\(vif).name"),
            Line(indent: "  ", key: "connection", value: "dc-1", path: "\(vif).connection"),
            Line(indent: "  ", key: "vlan", value: "100", path: "\(vif).vlan"),
            Line(indent: "  ", key: "cloud_asn", value: "64512", path: "\(vif).cloud_asn"),
            Line(indent: "  ", key: "local_subnets", value: "[10.0.0.0/16, \"2001:db8:100::/56\"]", path: "\(vif).local_subnets"),
            Line(indent: "  ", key: "router", path: "\(vif).router"),
            Line(indent: "    ", key: "vendor", value: "frr", path: "\(vif).router.vendor"),
            Line(indent: "    ", key: "interface", value: "eth1", path: "\(vif).router.interface"),
            Line(indent: "  ", key: "peers", path: "\(vif).peers"),
        ]
        let peers: [[(String, String)]] = [
            [("name", "peer-v4"), ("address_family", "ipv4"), ("local_gateway", "192.168.0.1/30"),
             ("remote_gateway", "192.168.0.2/30"), ("remote_subnets", "[192.168.52.0/24, 192.168.54.0/24]"),
             ("routing_mode", "bgp"), ("bgp_asn", "65010"), ("bgp_md5_key_env", keyVariable), ("description", "Test link")],
            [("name", "peer-v6"), ("address_family", "ipv6"), ("local_gateway", "\"2001:db8:ffff::1/64\""),
             ("remote_gateway", "\"2001:db8:ffff::2/64\""), ("remote_subnets", "[\"2001:db8:52::/48\"]"),
             ("routing_mode", "bgp"), ("bgp_asn", "65010"), ("bgp_md5_key_env", keyVariable)],
        ]
        for (index, fields) in peers.enumerated() {
            for (offset, field) in fields.enumerated() {
                lines.append(Line(indent: "    ", key: field.0, value: field.1, path: "\(vif).peers[\(index)].\(field.0)", listItem: offset == 0))
            }
        }
        // Continuation lines of a list item are indented past the dash.
        for index in lines.indices where lines[index].path?.contains("].") == true && !lines[index].listItem {
            lines[index].indent = "      "
        }
        return DefinitionDocument(lines: lines)
    }()

    /// The IPv4 peer alone, with static routing.
    static let validStatic: DefinitionDocument = {
        var document = valid
        document.lines.removeAll { $0.path?.hasPrefix("virtual_interface.peers[1]") == true }
        return document.setting("virtual_interface.peers[0].routing_mode", "static")
            .removing("virtual_interface.peers[0].bgp_asn")
            .removing("virtual_interface.peers[0].bgp_md5_key_env")
    }()

    func load(environment: [String: String] = [keyVariable: goodKey], options: LoadOptions? = nil) -> LoadResult {
        var options = options ?? LoadOptions(environment: environment)
        options.environment = environment
        return DefinitionLoader.load(text: text, source: Self.file, options: options)
    }
}

extension LoadResult {
    func findings(_ rule: Rule) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule }
    }

    /// A readable dump for failure messages.
    var dump: String {
        diagnostics.map(DiagnosticFormatter.text).joined(separator: "\n")
    }
}
