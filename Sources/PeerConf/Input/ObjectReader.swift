/// Reads one object (mapping) of the document: reports unknown keys and wrong shapes,
/// and hands out its values as located drafts.
struct ObjectReader {
    let entries: [(key: SyntaxNode.Scalar, value: SyntaxNode)]
    /// The entries' keys, in order: searched instead of `entries`, whose (key, value)
    /// pairs would each be copied to be compared.
    let keys: [String]
    /// The keys whose value is not null.
    let presentKeys: PresentKeys
    let path: FieldPath
    let location: SourceLocation

    /// Nil (with a finding) when `node` is not an object.
    init?(_ node: SyntaxNode, path: FieldPath, what: String, diagnostics: inout DiagnosticCollector) {
        guard case .mapping(let entries, let location) = node else {
            diagnostics.report(.structure, at: path, node.location, "\(what) must be an object, found \(node.kindDescription)")
            return nil
        }
        self.entries = entries
        var keys: [String] = []
        var present: [String] = []
        keys.reserveCapacity(entries.count)
        present.reserveCapacity(entries.count)
        for index in entries.indices {
            let key = entries[index].key.text
            keys.append(key)
            if !entries[index].value.isNull { present.append(key) }
        }
        self.keys = keys
        presentKeys = PresentKeys(present)
        self.path = path
        self.location = location
    }

    func value(_ key: String) -> SyntaxNode? {
        guard let index = keys.firstIndex(of: key), !entries[index].value.isNull else { return nil }
        return entries[index].value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// Reports every key outside `known`, with a suggestion when one is close.
    func checkKeys(known: [String], rule: Rule, diagnostics: inout DiagnosticCollector) {
        if keys.allSatisfy(known.contains) { return }
        for (key, _) in entries where !known.contains(key.text) {
            let keyPath = path.appending(key.text)
            var message = rule == .unknownKey ? "unknown key '\(key.text)'" : "key '\(key.text)' is not used by peerconf and is ignored"
            if let suggestion = KeySuggestion.suggest(for: key.text, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else if rule == .unknownKey {
                message += "; expected one of: \(known.joined(separator: ", "))"
            }
            diagnostics.report(rule, at: keyPath, key.location, message)
        }
    }

    func scalar(_ key: String, diagnostics: inout DiagnosticCollector) -> DraftScalar? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.report(.type, at: path.appending(key), node.location, "'\(key)' must be a single value, found \(node.kindDescription)")
            return nil
        }
        return DraftScalar(text: scalar.text, isQuoted: scalar.isQuoted, location: scalar.location, parentPath: path, key: key)
    }

    func list(_ key: String, diagnostics: inout DiagnosticCollector) -> DraftList? {
        guard let node = value(key) else { return nil }
        let keyPath = path.appending(key)
        guard case .sequence(let items, let location) = node else {
            diagnostics.report(.type, at: keyPath, node.location, "'\(key)' must be a list, found \(node.kindDescription)")
            return nil
        }
        var scalars: [DraftScalar] = []
        scalars.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .scalar(let scalar) = item, !scalar.isNull else {
                diagnostics.report(.type, at: keyPath.appending(index: index), item.location, "each entry of '\(key)' must be a single value, found \(item.kindDescription)")
                continue
            }
            scalars.append(DraftScalar(text: scalar.text, isQuoted: scalar.isQuoted, location: scalar.location, parentPath: keyPath, lastComponent: .index(index)))
        }
        return DraftList(items: scalars, location: location, path: keyPath)
    }

    func object(_ key: String, what: String, diagnostics: inout DiagnosticCollector) -> ObjectReader? {
        guard let node = value(key) else { return nil }
        return ObjectReader(node, path: path.appending(key), what: what, diagnostics: &diagnostics)
    }

    /// The objects of a list value; entries that are not objects are reported and skipped.
    func objects(_ key: String, what: String, diagnostics: inout DiagnosticCollector) -> (items: [ObjectReader], location: SourceLocation)? {
        guard let node = value(key) else { return nil }
        let keyPath = path.appending(key)
        guard case .sequence(let items, let location) = node else {
            diagnostics.report(.type, at: keyPath, node.location, "'\(key)' must be a list, found \(node.kindDescription)")
            return nil
        }
        let readers = items.enumerated().compactMap { index, item in
            ObjectReader(item, path: keyPath.appending(index: index), what: what, diagnostics: &diagnostics)
        }
        return (readers, location)
    }
}
