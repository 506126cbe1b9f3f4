/// Writes the operations of a `StatementDiff` in the platform's syntax: modes entered and
/// left, removals in the platform's form, keys written as the secret policy says.
struct DeltaWriter {
    let syntax: ChangeSyntax
    var commentPrefix: String { syntax.commentPrefixes.first ?? "#" }

    /// `from`/`to`: each rendering with the real keys (to find differences) and as it may be
    /// shown (keys replaced by placeholders unless secrets are included).
    func write(from old: (real: String, shown: String), to new: (real: String, shown: String), header: [String], empty: Bool) -> String {
        var lines = header.map { "\(commentPrefix) \($0)" }
        lines.append(commentPrefix)
        if empty { return lines.joined(separator: "\n") + "\n" }
        if case .wholeFile = syntax.style {
            lines.append("\(commentPrefix) This platform applies whole files: replace the virtual interface's file with the one below and reload.")
            lines.append(commentPrefix)
            return lines.joined(separator: "\n") + "\n" + new.shown
        }
        let oldStatements = syntax.statements(of: old.real), newStatements = syntax.statements(of: new.real)
        let shown = Self.shownText(real: oldStatements, shown: syntax.statements(of: old.shown))
            .merging(Self.shownText(real: newStatements, shown: syntax.statements(of: new.shown))) { first, _ in first }
        let operations = StatementDiff(syntax: syntax, old: oldStatements, new: newStatements).operations()
        guard !operations.isEmpty else {
            lines.append("\(commentPrefix) The rendered configuration is the same: nothing to apply on this platform.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines += syntax.prologue
        switch syntax.style {
        case .indented:
            var layout = Layout()
            for statement in oldStatements + newStatements {
                layout.modes[statement.context + [statement.text]] = statement.indentation
                layout.children[statement.context] = statement.indentation
            }
            lines += indented(operations, shown: shown, layout: layout)
        case .pathCommands(_, let remove):
            lines += operations.map { operation in
                switch operation {
                case .add(let statement): return shown[statement] ?? statement.text
                case .remove(_, let target, _): return remove + target.split(separator: " ", maxSplits: 1).dropFirst().joined()
                }
            }
        case .flatPaths(let remove):
            lines += operations.map { operation in
                switch operation {
                case .add(let statement): return shown[statement] ?? statement.text
                case .remove(_, let target, _): return remove + target
                }
            }
        case .objectCommands(let rules):
            lines += objectCommands(operations, rules: rules, shown: shown)
        case .wholeFile:
            break
        }
        lines += syntax.epilogue
        return lines.joined(separator: "\n") + "\n"
    }

    /// Real statement -> the same statement as shown; both renderings differ only in keys.
    private static func shownText(real: [ConfigStatement], shown: [ConfigStatement]) -> [ConfigStatement: String] {
        var map: [ConfigStatement: String] = [:]
        for (statement, display) in zip(real, shown) where map[statement] == nil {
            map[statement] = display.text
        }
        return map
    }

    /// Where the renderings indent each mode and the statements inside each context.
    struct Layout {
        var modes: [[String]: Int] = [:]
        var children: [[String]: Int] = [:]
    }

    private func indented(_ operations: [StatementDiff.Operation], shown: [ConfigStatement: String], layout: Layout) -> [String] {
        var lines: [String] = []
        var open: [(text: String, indentation: Int)] = []
        func enter(_ context: [String]) {
            var common = 0
            while common < open.count, common < context.count, open[common].text == context[common] { common += 1 }
            while open.count > common {
                let mode = open.removeLast()
                lines.append(String(repeating: " ", count: mode.indentation) + syntax.exitLine(mode.text))
            }
            for index in common..<context.count {
                let indentation = layout.modes[Array(context.prefix(index + 1))] ?? index
                lines.append(String(repeating: " ", count: indentation) + context[index])
                open.append((context[index], indentation))
            }
        }
        for operation in operations {
            switch operation {
            case .add(let statement):
                enter(statement.context)
                let text = shown[statement] ?? statement.text
                lines.append(String(repeating: " ", count: statement.indentation) + text)
            case .remove(let context, let target, let statement):
                enter(context)
                let indentation = statement?.indentation ?? layout.children[context] ?? context.count
                let firstLine = target.split(separator: "\n").first.map(String.init) ?? target
                lines.append(String(repeating: " ", count: indentation) + negated(firstLine))
            }
        }
        enter([])
        return lines
    }

    private func negated(_ text: String) -> String {
        text.hasPrefix(syntax.negation) ? String(text.dropFirst(syntax.negation.count)) : syntax.negation + text
    }

    private func objectCommands(_ operations: [StatementDiff.Operation], rules: ObjectCommandRules, shown: [ConfigStatement: String]) -> [String] {
        // An object both removed and added (same identity) is updated in place.
        var removedByIdentity: [String: ConfigStatement] = [:]
        for case .remove(_, _, let statement?) in operations {
            removedByIdentity[rules.identity(statement.text)] = statement
        }
        var updated = Set<String>()
        var lines: [String] = []
        for operation in operations {
            switch operation {
            case .add(let statement):
                let identity = rules.identity(statement.text)
                if let old = removedByIdentity[identity] {
                    updated.insert(identity)
                    lines.append(rules.update(old.text, statement.text, shown[statement] ?? statement.text))
                } else {
                    lines.append(shown[statement] ?? statement.text)
                }
            case .remove(_, let target, let statement):
                if let statement, updated.contains(rules.identity(statement.text)) { continue }
                lines.append(rules.removal(target))
            }
        }
        return lines
    }
}
