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
    /// Settings holding one value, as token patterns (`*` matches any token): the tokens
    /// matched are the setting's key, the rest is its value.
    public var singleValued: [[String]]
    /// Statements naming an object (`neighbor *`): when every statement starting with
    /// the object's tokens goes, one removal of the object replaces them.
    public var objects: [[String]]
    /// Modes shared with the rest of the router (`router bgp *`): never removed whole.
    public var sharedModes: [[String]]
    /// Multi-line blocks handled as one statement (IOS-XR `prefix-set X` ... `end-set`).
    public var blocks: [(opener: String, terminator: String)]

    public init(style: Style, commentPrefixes: [String], structuralLines: Set<String> = [], prologue: [String] = [], epilogue: [String] = [],
                negation: String = "no ", exitLine: @escaping @Sendable (String) -> String = { _ in "exit" },
                singleValued: [[String]] = [], objects: [[String]] = [], sharedModes: [[String]] = [],
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
        self.sharedModes = sharedModes
        self.blocks = blocks
    }

    /// The number of leading tokens of `tokens` that `pattern` matches, or nil.
    static func match(_ pattern: [String], _ tokens: [Substring]) -> Int? {
        guard tokens.count >= pattern.count else { return nil }
        for (expected, token) in zip(pattern, tokens) where expected != "*" && expected != token {
            return nil
        }
        return pattern.count
    }
}

/// One statement of a rendered configuration: its text and the modes it sits in.
public struct ConfigStatement: Hashable, Sendable {
    public var context: [String]
    public var text: String

    var tokens: [Substring] { text.split(separator: " ") }
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
            case .pathCommands, .flatPaths, .wholeFile:
                statements.append(ConfigStatement(context: [], text: trimmed))
            case .indented:
                var statementText = trimmed
                if let block = blocks.first(where: { trimmed.hasPrefix($0.opener) }) {
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
                statements.append(ConfigStatement(context: stack.map(\.text), text: statementText))
                stack.append((indent, statementText))
            }
        }
        return statements
    }
}

import Foundation
