@testable import PeerConf

/// A router's configuration as a set of statements, and what applying change text does to
/// it: the test's model of the device. It reads changes the way the platforms do (a
/// negated line removes the statement, the setting, the object or the mode it names; a
/// new value of a single-valued setting replaces the old one) and knows nothing of how
/// `ConfigDelta` computed them.
struct DeviceModel {
    let syntax: ChangeSyntax
    private(set) var statements: [ConfigStatement]

    init(_ configuration: String, syntax: ChangeSyntax) {
        self.syntax = syntax
        statements = syntax.statements(of: configuration)
    }

    /// The configuration as a set; objects with their attributes in a canonical order
    /// (RouterOS does not keep the order attributes were given in).
    var lines: Set<ConfigStatement> {
        guard case .objectCommands = syntax.style else { return Set(statements) }
        return Set(statements.map { statement in
            let command = RouterOSCommands.parse(statement.text)
            let attributes = command.attributes.map { $0.value.map { value in "=\(value)" } ?? "" }
            let text = zip(command.attributes, attributes).map { $0.0.name + $0.1 }.sorted().joined(separator: " ")
            return ConfigStatement(context: [], text: "\(command.menu) \(text)")
        })
    }

    struct ApplyError: Error, CustomStringConvertible {
        var description: String
    }

    mutating func apply(_ change: String) throws {
        switch syntax.style {
        case .indented: try applyIndented(change)
        case .pathCommands(let add, let remove): try applyPaths(change, add: add, remove: remove)
        case .flatPaths(let remove): try applyPaths(change, add: "", remove: remove)
        case .objectCommands: try applyObjects(change)
        case .wholeFile: statements = syntax.statements(of: change)
        }
    }

    private func key(_ statement: ConfigStatement) -> String? {
        Self.key(statement, syntax: syntax)
    }

    private static func key(_ statement: ConfigStatement, syntax: ChangeSyntax) -> String? {
        syntax.settingKey(of: statement.text)?.key
    }

    private mutating func add(_ statement: ConfigStatement) {
        guard !statements.contains(statement) else { return }
        // A setting and its negative form (`ip redirects` / `no ip redirects`) replace each other.
        let negation = syntax.negation
        let opposite = statement.text.hasPrefix(negation) ? String(statement.text.dropFirst(negation.count)) : negation + statement.text
        statements.removeAll { $0.context == statement.context && $0.text == opposite }
        if let key = key(statement) {
            let syntax = syntax
            statements.removeAll { $0.context == statement.context && Self.key($0, syntax: syntax) == key }
        }
        statements.append(statement)
    }

    private mutating func applyIndented(_ change: String) throws {
        for statement in syntax.statements(of: change) {
            guard statement.text.hasPrefix(syntax.negation) else {
                add(statement)
                continue
            }
            let target = String(statement.text.dropFirst(syntax.negation.count))
            let before = statements.count
            let path = statement.context + [target]
            let targetTokens = target.split(separator: " ")
            let isObject = syntax.objects.contains { ChangeSyntax.match($0, targetTokens) == $0.count && $0.count == targetTokens.count }
            let syntax = syntax
            statements.removeAll { existing in
                let firstLine = existing.text.split(separator: "\n").first.map(String.init) ?? existing.text
                if existing.context == statement.context && (firstLine == target || Self.key(existing, syntax: syntax) == target) { return true }
                // a mode and what is inside it
                if existing.context.starts(with: path) { return true }
                // an object: every statement about it, in any mode, and the modes it names
                return isObject && (existing.text.hasPrefix(target + " ") || existing.context.contains { $0 == target || $0.hasPrefix(target + " ") })
            }
            if statements.count == before {
                // Nothing to remove: the line sets a negative setting (`no ip redirects`).
                add(statement)
            }
        }
    }

    private mutating func applyPaths(_ change: String, add verb: String, remove: String) throws {
        for statement in syntax.statements(of: change) {
            if statement.text.hasPrefix(remove) {
                let target = verb + statement.text.dropFirst(remove.count)
                let before = statements.count
                statements.removeAll { $0.text == target || $0.text.hasPrefix(target + " ") }
                if statements.count == before { throw ApplyError(description: "'\(statement.text)' removes nothing") }
            } else {
                add(statement)
            }
        }
    }

    private mutating func applyObjects(_ change: String) throws {
        for statement in syntax.statements(of: change) {
            let text = statement.text
            if let range = text.range(of: "/remove [find where ") {
                let menu = String(text[..<range.lowerBound])
                let condition = String(text[range.upperBound...].dropLast())
                let before = statements.count
                statements.removeAll { RouterOSCommands.identity($0.text) == "\(menu) \(condition)" }
                if statements.count == before { throw ApplyError(description: "'\(text)' removes nothing") }
            } else if let range = text.range(of: "/set [find where ") {
                let menu = String(text[..<range.lowerBound])
                let rest = text[range.upperBound...]
                let close = rest.range(of: "] ")!
                let condition = String(rest[..<close.lowerBound])
                guard let index = statements.firstIndex(where: { RouterOSCommands.identity($0.text) == "\(menu) \(condition)" }) else {
                    throw ApplyError(description: "'\(text)' updates nothing")
                }
                var command = RouterOSCommands.parse(statements[index].text)
                for assignment in RouterOSCommands.parse("x " + rest[close.upperBound...]).attributes {
                    // `!name`, a flag set to `no` and an empty comment put the default back.
                    if assignment.name.hasPrefix("!") || assignment.value == "no" || (assignment.name == "comment" && assignment.value == "\"\"") {
                        let name = assignment.name.hasPrefix("!") ? String(assignment.name.dropFirst()) : assignment.name
                        command.attributes.removeAll { $0.name == name }
                    } else if let position = command.attributes.firstIndex(where: { $0.name == assignment.name }) {
                        command.attributes[position].value = assignment.value
                    } else {
                        command.attributes.append(assignment)
                    }
                }
                let rendered = "\(command.menu)/add " + command.attributes.map { attribute in
                    attribute.value.map { "\(attribute.name)=\($0)" } ?? attribute.name
                }.joined(separator: " ")
                statements[index] = ConfigStatement(context: [], text: rendered)
            } else {
                add(statement)
            }
        }
    }
}
