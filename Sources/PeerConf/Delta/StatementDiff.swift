/// The statements to add and to remove to turn one rendering into another, with the
/// platform's rules applied: a new value of a single-valued setting replaces the old one
/// (no removal), and an object or mode that goes away entirely is removed in one
/// statement instead of part by part.
struct StatementDiff {
    let syntax: ChangeSyntax
    let old: [ConfigStatement]
    let new: [ConfigStatement]

    enum Operation: Equatable {
        /// Enter `statement.context`, then write the statement.
        case add(ConfigStatement)
        /// Enter `context`, then write the removal of `target`: a setting or object key, or
        /// (`statement` set) a whole statement.
        case remove(context: [String], target: String, statement: ConfigStatement?)
    }

    /// Additions first (new objects exist before anything refers to them), in the new
    /// rendering's order; then removals, in reverse of the old rendering's order (what
    /// refers to an object goes before the object).
    func operations() -> [Operation] {
        let oldSet = Set(old), newSet = Set(new)
        let added = new.filter { !oldSet.contains($0) }
        var removed = old.filter { !newSet.contains($0) && !isShared($0) }

        // A new value replaces an old one of the same single-valued setting.
        let addedKeys = Set(added.compactMap { statement in
            syntax.settingKey(of: statement.text).map { KeyInContext(context: statement.context, key: $0.key) }
        })
        removed.removeAll { statement in
            guard let key = syntax.settingKey(of: statement.text) else { return false }
            return addedKeys.contains(KeyInContext(context: statement.context, key: key.key))
        }

        var operations = added.map(Operation.add)
        var covered = Set<ConfigStatement>()
        for statement in removed.reversed() where !covered.contains(statement) {
            if let object = removableObject(for: statement, removed: Set(removed)) {
                covered.formUnion(object.parts)
                operations.append(.remove(context: object.context, target: object.key, statement: nil))
            } else if let parts = removableMode(statement, removed: Set(removed)) {
                covered.formUnion(parts)
                operations.append(.remove(context: statement.context, target: statement.text, statement: statement))
            } else {
                covered.insert(statement)
                if let key = syntax.settingKey(of: statement.text), key.removable {
                    operations.append(.remove(context: statement.context, target: key.key, statement: nil))
                } else {
                    operations.append(.remove(context: statement.context, target: statement.text, statement: statement))
                }
            }
        }
        return operations
    }

    private struct KeyInContext: Hashable {
        var context: [String]
        var key: String
    }

    private func isShared(_ statement: ConfigStatement) -> Bool {
        syntax.isShared(statement.text)
    }

    /// An object (e.g. `neighbor 192.168.0.1`) all of whose statements go, with nothing of
    /// it in the new rendering: it is removed by its key, in its outermost context.
    private func removableObject(for statement: ConfigStatement, removed: Set<ConfigStatement>) -> (key: String, context: [String], parts: Set<ConfigStatement>)? {
        let tokens = statement.text.split(separator: " ")
        for pattern in syntax.objects {
            guard let count = ChangeSyntax.match(pattern, tokens) else { continue }
            let key = tokens.prefix(count).joined(separator: " ")
            let belongs: (ConfigStatement) -> Bool = { $0.text == key || $0.text.hasPrefix(key + " ") || $0.context.contains { $0 == key || $0.hasPrefix(key + " ") } }
            let parts = old.filter(belongs)
            guard parts.allSatisfy(removed.contains), !new.contains(where: belongs) else { continue }
            let outermost = parts.min { $0.context.count < $1.context.count } ?? statement
            return (key, outermost.context, Set(parts))
        }
        return nil
    }

    /// A mode (a statement with statements inside) that goes with everything inside it,
    /// unless the router shares it with other configuration (`router bgp 65010`).
    private func removableMode(_ statement: ConfigStatement, removed: Set<ConfigStatement>) -> Set<ConfigStatement>? {
        let path = statement.context + [statement.text]
        let inside = old.filter { $0.context.starts(with: path) }
        guard !inside.isEmpty, inside.allSatisfy(removed.contains) else { return nil }
        guard !syntax.isShared(statement.text) else { return nil }
        return Set(inside + [statement])
    }
}
