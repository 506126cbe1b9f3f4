/// RouterOS lines each add one object (`/ip/route/add dst-address=... blackhole`). A change
/// removes objects with `remove [find where ...]` on the attributes that identify them, and
/// updates one in place with `set [find where ...] attribute=value` (a changed key or
/// comment on a BGP connection must not recreate the connection).
enum RouterOSCommands {
    static let rules = ObjectCommandRules(removal: removal, identity: identity, update: update)

    /// The attributes (and flags) that identify an object of each menu.
    private static let identifying: [String: [String]] = [
        "/interface/vlan": ["name"],
        "/ip/address": ["address", "interface"],
        "/ipv6/address": ["address", "interface"],
        "/ip/route": ["dst-address", "gateway", "blackhole"],
        "/ipv6/route": ["dst-address", "gateway", "blackhole"],
        "/ip/firewall/address-list": ["list", "address"],
        "/ipv6/firewall/address-list": ["list", "address"],
        "/routing/filter/rule": ["chain", "rule"],
        "/routing/bgp/connection": ["name"],
        "/routing/bfd/configuration": ["addresses"],
    ]

    struct Command {
        var menu: String
        /// Attributes in order, `blackhole`-style flags with a nil value.
        var attributes: [(name: String, value: String?)]
    }

    /// `/ip/route/add dst-address=P blackhole` -> menu and attributes; quoted values keep
    /// their quotes and escapes.
    static func parse(_ line: String) -> Command {
        var words: [String] = []
        var current = ""
        var quoted = false, escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && quoted { current.append(character); escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let path = words.first ?? ""
        let menu = path.hasSuffix("/add") ? String(path.dropLast(4)) : path
        let attributes = words.dropFirst().map { word -> (String, String?) in
            guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
            return (String(word[..<equals]), String(word[word.index(after: equals)...]))
        }
        return Command(menu: menu, attributes: attributes)
    }

    private static func condition(_ command: Command) -> String {
        let names = identifying[command.menu] ?? command.attributes.map(\.name)
        return command.attributes.filter { names.contains($0.name) }
            .map { attribute in attribute.value.map { "\(attribute.name)=\($0)" } ?? attribute.name }
            .joined(separator: " and ")
    }

    static func identity(_ line: String) -> String {
        let command = parse(line)
        return "\(command.menu) \(condition(command))"
    }

    static func removal(_ line: String) -> String {
        let command = parse(line)
        return "\(command.menu)/remove [find where \(condition(command))]"
    }

    /// `set [find where ...]` with the attributes that differ; an attribute the new line
    /// lacks goes back to its default (`no` for a flag set to `yes`, an empty comment).
    static func update(old: String, new: String, newShown: String) -> String {
        let before = parse(old), after = parse(new), shown = parse(newShown)
        let previous = Dictionary(before.attributes.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        let changed = zip(after.attributes, shown.attributes).filter { previous[$0.0.name] != ($0.0.value ?? "") }
            .map { pair in pair.1.value.map { "\(pair.1.name)=\($0)" } ?? "\(pair.1.name)=yes" }
        let cleared = before.attributes.filter { attribute in !after.attributes.contains { $0.name == attribute.name } }
            .map { attribute -> String in
                switch attribute.value {
                case "yes": "\(attribute.name)=no"
                case _ where attribute.name == "comment": "comment=\"\""
                default: "!\(attribute.name)"
                }
            }
        return "\(after.menu)/set [find where \(condition(before))] " + (changed + cleared).joined(separator: " ")
    }
}
