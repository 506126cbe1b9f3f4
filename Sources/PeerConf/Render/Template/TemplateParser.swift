/// Parses the Mustache subset peerconf's templates use into a `CompiledTemplate`, once per
/// template: text, `{{name}}` (also `{{{name}}}` and `{{&name}}`, the same here: output is
/// never HTML-escaped), `{{.}}`, sections `{{#name}}`/`{{^name}}` ... `{{/name}}`,
/// comments `{{! ... }}` and the `{{% CONTENT_TYPE: TEXT}}` pragma. A tag alone on its
/// line (sections, comments, the pragma) takes the whole line with it, as the Mustache
/// specification says, so templates lay out lines without blank ones.
///
/// Everything else (partials, set delimiters, blocks, dotted names) is an error naming
/// the line and column, rather than a feature half-supported.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    /// The offset where the current line starts.
    private var lineStart = 0
    /// The offset just after the last tag (a tag is alone on its line only if the line
    /// starts after it).
    private var lastTagEnd = 0
    /// Where the text not yet turned into a node starts.
    private var textStart = 0
    /// Open sections, innermost last, with the nodes collected inside each.
    private var open: [(name: String, inverted: Bool, offset: Int, nodes: [TemplateNode])] = []
    private var nodes: [TemplateNode] = []

    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    static func parse(_ text: String) throws(TemplateSyntaxError) -> CompiledTemplate {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.run(source: text)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func run(source: String) throws(TemplateSyntaxError) -> CompiledTemplate {
        while let tagStart = nextTagStart() {
            try tag(at: tagStart)
        }
        emitText(upTo: bytes.count)
        if let section = open.last {
            throw error(at: section.offset, "section '\(section.name)' is not closed: add {{/\(section.name)}}")
        }
        return CompiledTemplate(nodes: nodes, source: source)
    }

    /// The offset of the next `{{`, updating `lineStart` over the text before it.
    private mutating func nextTagStart() -> Int? {
        var index = position
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                lineStart = index + 1
            } else if byte == Self.openBrace && bytes[index + 1] == Self.openBrace {
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func tag(at tagStart: Int) throws(TemplateSyntaxError) {
        let contentStart = tagStart + 2
        guard contentStart < bytes.count else { throw error(at: tagStart, "unclosed tag: add }}") }
        let sigil = bytes[contentStart]
        let tripleBrace = sigil == Self.openBrace
        let closer: [UInt8] = tripleBrace ? [Self.closeBrace, Self.closeBrace, Self.closeBrace] : [Self.closeBrace, Self.closeBrace]
        guard let contentEnd = find(closer, from: contentStart) else {
            throw error(at: tagStart, "unclosed tag: add \(String(decoding: closer, as: UTF8.self))")
        }
        let tagEnd = contentEnd + closer.count
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        let body = String(content.dropFirst()).trimmingSpaces

        switch sigil {
        case UInt8(ascii: "!"):
            standaloneOrInline(tagStart: tagStart, tagEnd: tagEnd)
        case UInt8(ascii: "%"):
            guard body == "CONTENT_TYPE: TEXT" || body == "CONTENT_TYPE:TEXT" else {
                throw error(at: tagStart, "unsupported pragma '\(body)': only {{% CONTENT_TYPE: TEXT}} is known")
            }
            standaloneOrInline(tagStart: tagStart, tagEnd: tagEnd)
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = try self.name(body, at: tagStart, allowingPosition: true)
            standaloneOrInline(tagStart: tagStart, tagEnd: tagEnd)
            open.append((name, sigil == UInt8(ascii: "^"), tagStart, nodes))
            nodes = []
        case UInt8(ascii: "/"):
            let name = try self.name(body, at: tagStart, allowingPosition: true)
            guard let section = open.popLast() else {
                throw error(at: tagStart, "{{/\(name)}} closes no open section")
            }
            guard section.name == name else {
                throw error(at: tagStart, "{{/\(name)}} closes section '\(section.name)' (opened at \(lineAndColumn(section.offset))): close it with {{/\(section.name)}}")
            }
            standaloneOrInline(tagStart: tagStart, tagEnd: tagEnd)
            let inner = nodes
            nodes = section.nodes
            if let position = ListPosition(rawValue: name) {
                nodes.append(.position(position, inverted: section.inverted, body: inner, offset: section.offset))
            } else {
                nodes.append(.section(name: TemplateNameReference(name), inverted: section.inverted, body: inner, offset: section.offset))
            }
        case UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "$"), UInt8(ascii: "<"):
            throw error(at: tagStart, "{{\(Character(Unicode.Scalar(sigil)))...}} (partials, delimiters, blocks) is not supported: templates are single, self-contained files")
        default:
            let isUnescaped = tripleBrace || sigil == UInt8(ascii: "&")
            let name = try self.name(isUnescaped ? body : content.trimmingSpaces, at: tagStart)
            emitText(upTo: tagStart)
            nodes.append(.variable(name: TemplateNameReference(name), offset: tagStart))
            textStart = tagEnd
            position = tagEnd
            lastTagEnd = tagEnd
        }
    }

    /// A section, closing, comment or pragma tag: alone on its line (only spaces or tabs
    /// around it), it removes the line; otherwise only itself.
    private mutating func standaloneOrInline(tagStart: Int, tagEnd: Int) {
        let aloneBefore = lineStart >= lastTagEnd && bytes[lineStart..<tagStart].allSatisfy(Self.isBlank)
        var after = tagEnd
        while after < bytes.count, Self.isBlank(bytes[after]) { after += 1 }
        var lineEnd: Int?
        if after == bytes.count {
            lineEnd = after
        } else if bytes[after] == Self.newline {
            lineEnd = after + 1
        } else if bytes[after] == Self.carriageReturn, after + 1 < bytes.count, bytes[after + 1] == Self.newline {
            lineEnd = after + 2
        }
        if aloneBefore, let lineEnd {
            emitText(upTo: lineStart)
            textStart = lineEnd
            lineStart = lineEnd
            // The removed line's end counts as the tag's, so the next line starts clean.
            position = lineEnd
            lastTagEnd = lineEnd
        } else {
            emitText(upTo: tagStart)
            textStart = tagEnd
            position = tagEnd
            lastTagEnd = tagEnd
        }
    }

    private mutating func emitText(upTo end: Int) {
        guard end > textStart else { return }
        nodes.append(.text(Array(bytes[textStart..<end])))
        textStart = end
    }

    /// A name, `.`, or for sections also `first()`/`last()`.
    private func name(_ text: String, at offset: Int, allowingPosition: Bool = false) throws(TemplateSyntaxError) -> String {
        if text == "." { return text }
        if ListPosition(rawValue: text) != nil {
            guard allowingPosition else { throw error(at: offset, "'\(text)' is a section: {{#\(text)}}...{{/\(text)}}") }
            return text
        }
        guard !text.isEmpty else { throw error(at: offset, "a tag without a name") }
        if text.contains(".") {
            throw error(at: offset, "dotted name '\(text)' is not supported: enter the section ({{#a}}{{b}}{{/a}}) instead")
        }
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw error(at: offset, "'\(text)' is not a name (letters, digits, '_' and '-')")
        }
        return text
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private func lineAndColumn(_ offset: Int) -> String {
        SourceOffset(offset).lineAndColumn(in: bytes)
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        TemplateSyntaxError(location: lineAndColumn(offset), message: message)
    }
}

/// A problem in a template's text, at `line:column`.
public struct TemplateSyntaxError: Error {
    public var location: String
    public var message: String
}

/// A byte offset into a template, turned into `line:column` (1-based, columns in
/// characters) only when an error needs it.
struct SourceOffset {
    let offset: Int
    init(_ offset: Int) { self.offset = offset }

    func lineAndColumn(in bytes: some Collection<UInt8>) -> String {
        let before = bytes.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineText = before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? []
        return "\(line):\(String(decoding: lineText, as: UTF8.self).count + 1)"
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
