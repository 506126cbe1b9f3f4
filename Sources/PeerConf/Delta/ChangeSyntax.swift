/// How a platform's configuration text is structured, as far as computing a change
/// between two renderings needs: which lines open modes, how a line is negated, which
/// settings hold a single value (a new value replaces the old one), which statements name
/// an object whose removal takes its parts along, and which modes are shared with the
/// rest of the router and never removed whole.
public struct ChangeSyntax: Sendable {
    public enum Style: Sendable {
        /// Indentation shows the mode a line belongs to (IOS family, FRR, IOS-XR, VRP).
        case indented
        /// Every line is a full path (`set a b c`); removal replaces the verb (Junos, VyOS).
        case pathCommands(add: String, remove: String)
        /// Every line is a full path without a verb (SR OS `/configure ...`); removal is a prefix.
        case flatPaths(remove: String)
        /// The platform applies a whole file (BIRD): a change is the new file.
        case wholeFile
        /// Every line adds an object (`/ip/route/add ...`, RouterOS): removal and update are
        /// written by the platform's rules.
        case objectCommands(ObjectCommandRules)
    }

    public var style: Style
    /// Lines starting with these are comments.
    public var commentPrefixes: [String]
    /// Lines that only move between modes or apply the configuration (`exit`, `commit`).
    public var structuralLines: Set<String>
    /// Lines that must open a change (entering configuration mode).
    public var prologue: [String]
    /// Lines that must close a change (`commit`, `end`).
    public var epilogue: [String]
    /// The negation of an indented statement: `no ` or `undo `.
    public var negation: String
    /// The line that leaves a mode, given the mode's line.
    public var exitLine: @Sendable (String) -> String
    /// Settings holding one value, as token patterns: `*` matches any token, `$` matches the
    /// value where it is not last (`neighbor * route-map $ in`); the tokens matched, values
    /// left out, are the setting's key.
    public var singleValued: [[String]]
    /// Statements naming an object (`neighbor *`): when every statement starting with
    /// the object's tokens goes, one removal of the object replaces them.
    public var objects: [[String]]
    /// Statements shared with the rest of the router (`router bgp *`, `ipv6 unicast-routing`):
    /// a change never removes them (the rollback leaves them too). A pattern matches the
    /// whole statement, token for token.
    public var shared: [[String]]
    /// Multi-line blocks handled as one statement (IOS-XR `prefix-set X` ... `end-set`).
    public var blocks: [(opener: String, terminator: String)]

    public init(style: Style, commentPrefixes: [String], structuralLines: Set<String> = [], prologue: [String] = [], epilogue: [String] = [],
                negation: String = "no ", exitLine: @escaping @Sendable (String) -> String = { _ in "exit" },
                singleValued: [[String]] = [], objects: [[String]] = [], shared: [[String]] = [],
                blocks: [(opener: String, terminator: String)] = []) {
        self.style = style
        self.commentPrefixes = commentPrefixes
        self.structuralLines = structuralLines
        self.prologue = prologue
        self.epilogue = epilogue
        self.negation = negation
        self.exitLine = exitLine
        self.singleValued = singleValued
        self.objects = objects
        self.shared = shared
        self.blocks = blocks
    }

    /// The single-valued setting a statement assigns: its key (values left out), and
    /// whether the key alone removes the setting (not when a value sits inside the key).
    public func settingKey(of text: String) -> (key: String, removable: Bool)? {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        let tokens = firstLine.split(separator: " ")
        for pattern in singleValued {
            guard let count = Self.match(pattern, tokens), count < tokens.count || text.contains("\n") else { continue }
            let key = zip(pattern, tokens).map { $0.0 == "$" ? "$" : String($0.1) }.joined(separator: " ")
            return (key, !pattern.contains("$"))
        }
        return nil
    }

    public func isShared(_ text: String) -> Bool {
        let tokens = text.split(separator: " ")
        return shared.contains { $0.count == tokens.count && Self.match($0, tokens) != nil }
    }

    /// The number of leading tokens of `tokens` that `pattern` matches, or nil.
    static func match(_ pattern: [String], _ tokens: [Substring]) -> Int? {
        guard tokens.count >= pattern.count else { return nil }
        for (expected, token) in zip(pattern, tokens) where expected != "*" && expected != "$" && expected != token {
            return nil
        }
        return pattern.count
    }
}

/// For platforms whose lines each add an object: how to find the object again.
public struct ObjectCommandRules: Sendable {
    /// The command that removes what an adding line added.
    public var removal: @Sendable (String) -> String
    /// A name for the object an adding line adds (two lines adding the same object with
    /// different attributes make an update, not a removal and an addition).
    public var identity: @Sendable (String) -> String
    /// The command that changes an object from one adding line's attributes to another's:
    /// what changed is read from the real lines, the values written from `newShown` (the
    /// new line as it may be shown, keys replaced by placeholders).
    public var update: @Sendable (_ old: String, _ new: String, _ newShown: String) -> String

    public init(removal: @escaping @Sendable (String) -> String, identity: @escaping @Sendable (String) -> String,
                update: @escaping @Sendable (String, String, String) -> String) {
        self.removal = removal
        self.identity = identity
        self.update = update
    }
}

/// One statement of a rendered configuration: its text and the modes it sits in.
public struct ConfigStatement: Hashable, Sendable {
    public var context: [String]
    public var text: String
    /// The line's leading spaces, to write it back the way the platform shows it.
    public var indentation: Int = 0

    public static func == (lhs: ConfigStatement, rhs: ConfigStatement) -> Bool {
        lhs.context == rhs.context && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(context)
        hasher.combine(text)
    }
}

extension ChangeSyntax {
    /// The statements of `text`, in order. Comments and structural lines are dropped.
    public func statements(of text: String) -> [ConfigStatement] {
        var statements: [ConfigStatement] = []
        var stack: [(indent: Int, text: String)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let raw = lines.popFirst() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || commentPrefixes.contains(where: trimmed.hasPrefix) || structuralLines.contains(trimmed)
                || prologue.contains(trimmed) || epilogue.contains(trimmed) {
                continue
            }
            switch style {
            case .pathCommands, .flatPaths, .wholeFile, .objectCommands:
                statements.append(ConfigStatement(context: [], text: trimmed))
            case .indented:
                var statementText = trimmed
                // Blocks open at the top level only (`route-policy X in` inside a neighbor is a line).
                if !line.hasPrefix(" "), let block = blocks.first(where: { trimmed.hasPrefix($0.opener) }) {
                    // The block's lines, up to its terminator, are one statement.
                    var body = [trimmed]
                    while let next = lines.popFirst() {
                        let nextTrimmed = next.trimmingCharacters(in: .whitespaces)
                        body.append(String(next))
                        if nextTrimmed == block.terminator { break }
                    }
                    statementText = body.joined(separator: "\n")
                }
                let indent = line.prefix { $0 == " " }.count
                while let last = stack.last, last.indent >= indent { stack.removeLast() }
                statements.append(ConfigStatement(context: stack.map(\.text), text: statementText, indentation: indent))
                stack.append((indent, statementText))
            }
        }
        return statements
    }
}

import Foundation

extension ChangeSyntax {
    /// The shape shared by Cisco-like CLIs (IOS, EOS, FRR): `!` comments, `no` negation,
    /// `exit`/`exit-address-family`, neighbors configured by `neighbor ADDRESS ...` lines.
    static func ciscoLike(extraSingleValued: [[String]] = [], extraShared: [[String]] = [], epilogue: [String] = []) -> ChangeSyntax {
        ChangeSyntax(
            style: .indented,
            commentPrefixes: ["!"],
            structuralLines: ["exit", "exit-address-family", "end"],
            epilogue: epilogue,
            exitLine: { $0.hasPrefix("address-family") ? "exit-address-family" : "exit" },
            singleValued: [
                ["description"], ["encapsulation", "*"], ["ip", "address"],
                ["neighbor", "*", "remote-as"], ["neighbor", "*", "description"], ["neighbor", "*", "password"],
                ["neighbor", "*", "route-map", "$", "in"], ["neighbor", "*", "route-map", "$", "out"],
                ["neighbor", "*", "prefix-list", "$", "in"], ["neighbor", "*", "prefix-list", "$", "out"],
                ["neighbor", "*", "bfd", "profile"], ["match", "ip", "address", "prefix-list"], ["match", "ipv6", "address", "prefix-list"],
                ["bfd", "interval"], ["detect-multiplier"], ["receive-interval"], ["transmit-interval"], ["seq", "*"],
            ] + extraSingleValued,
            objects: [["neighbor", "*"]],
            shared: [["router", "bgp", "*"], ["address-family", "*"], ["address-family", "*", "*"], ["bfd"], ["ipv6", "unicast-routing"],
                     ["ip", "routing"], ["no", "bgp", "default", "ipv4-unicast"], ["no", "switchport"], ["no", "shutdown"]] + extraShared
        )
    }
}
