/// A parsed template, rendered against `TemplateValue`s: sections and names resolved by a
/// switch over the value's case, the output appended to one byte buffer (appending bytes
/// is a copy; appending to a String also updates its UTF-8 and ASCII bookkeeping each time).
public struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    /// The template text, for the line and column of a render error.
    let source: String

    /// Parses `text`; errors say `line:column: problem`.
    public init(parsing text: String) throws(TemplateSyntaxError) {
        self = try TemplateParser.parse(text)
    }

    init(nodes: [TemplateNode], source: String) {
        self.nodes = nodes
        self.source = source
    }

    /// Renders with `root` as the outermost scope. A name that no scope has is an error
    /// (plain Mustache prints nothing for it), as is printing a list or an object.
    public func render(_ root: any TemplateObject) throws(TemplateRenderError) -> String {
        var output: [UInt8] = []
        // Lists make the output longer than the template: twice its size is rarely outgrown.
        output.reserveCapacity(source.utf8.count * 2)
        var scopes: [Scope] = [.value(.object(root))]
        try render(nodes, scopes: &scopes, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// A scope entered while rendering; the render keeps them innermost last.
    private enum Scope {
        /// The root, or an object or a text entered by a section.
        case value(TemplateValue)
        /// An element of a list, and where it is in the list (for `first()`, `last()`).
        case element(TemplateValue, index: Int, count: Int)
        case row(any TemplateRows, Int)

        /// Where the scope is in its list, when it is an element or a row.
        var position: (index: Int, count: Int)? {
            switch self {
            case .value: nil
            case .element(_, let index, let count): (index, count)
            case .row(let rows, let row): (row, rows.count)
            }
        }
    }

    private func render(_ nodes: [TemplateNode], scopes: inout [Scope], into output: inout [UInt8]) throws(TemplateRenderError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text)
            case .variable(let name, let offset):
                if case .known(let known) = name, printFromRows(known, scopes: scopes, into: &output) { continue }
                guard try lookup(name, offset: offset, in: scopes).print(into: &output) else {
                    throw failure(at: offset, "'\(name.text)' is a list or an object: use it as a section, {{#\(name.text)}}...{{/\(name.text)}}")
                }
            case .section(let name, let inverted, let body, let offset):
                let value = try lookup(name, offset: offset, in: scopes)
                if inverted {
                    if !value.isShown { try render(body, scopes: &scopes, into: &output) }
                    continue
                }
                switch value {
                case .flag(let shown):
                    if shown { try render(body, scopes: &scopes, into: &output) }
                case .list(let elements):
                    for (index, element) in elements.enumerated() {
                        scopes.append(.element(element, index: index, count: elements.count))
                        try render(body, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .rows(let rows):
                    for row in 0..<rows.count {
                        scopes.append(.row(rows, row))
                        try render(body, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .text, .object:
                    scopes.append(.value(value))
                    try render(body, scopes: &scopes, into: &output)
                    scopes.removeLast()
                }
            case .position(let position, let inverted, let body, let offset):
                guard let (index, count) = scopes.lazy.reversed().compactMap(\.position).first else {
                    throw failure(at: offset, "'\(position.rawValue)' is only known inside a list's section")
                }
                let isAt = position == .first ? index == 0 : index == count - 1
                if isAt != inverted { try render(body, scopes: &scopes, into: &output) }
            }
        }
    }

    /// Prints `name` from the innermost scope that has it when that scope is a row (rows
    /// print their texts without making a String); false when another scope has it first.
    private func printFromRows(_ name: TemplateName, scopes: [Scope], into output: inout [UInt8]) -> Bool {
        var index = scopes.count - 1
        while index >= 0 {
            switch scopes[index] {
            case .row(let rows, let row):
                if rows.print(name, row: row, into: &output) { return true }
            case .value(.object(let object)), .element(.object(let object), _, _):
                if object.value(for: name) != nil { return false }
            default:
                break
            }
            index -= 1
        }
        return false
    }

    /// The innermost scope's value for `name` (`.` is the innermost scope itself).
    private func lookup(_ name: TemplateNameReference, offset: Int, in scopes: [Scope]) throws(TemplateRenderError) -> TemplateValue {
        if case .current = name {
            switch scopes[scopes.count - 1] {
            case .value(let value), .element(let value, _, _): return value
            case .row: throw failure(at: offset, "{{.}} inside a list of named values: use the names")
            }
        }
        var index = scopes.count - 1
        while index >= 0 {
            switch (scopes[index], name) {
            case (.value(.object(let object)), .known(let known)), (.element(.object(let object), _, _), .known(let known)):
                if let value = object.value(for: known) { return value }
            case (.value(.object(let object)), .other(let text)), (.element(.object(let object), _, _), .other(let text)):
                if let value = object.value(named: text) { return value }
            case (.row(let rows, let row), .known(let known)):
                if let value = rows.value(for: known, row: row) { return value }
            default:
                break
            }
            index -= 1
        }
        throw failure(at: offset, "uses '\(name.text)', which peerconf does not provide")
    }

    private func failure(at offset: Int, _ message: String) -> TemplateRenderError {
        TemplateRenderError(location: SourceOffset(offset).lineAndColumn(in: source.utf8), message: message)
    }
}

indirect enum TemplateNode: Sendable {
    /// UTF-8, as it goes into the output.
    case text([UInt8])
    /// `{{name}}`; `offset` locates the tag for errors.
    case variable(name: TemplateNameReference, offset: Int)
    case section(name: TemplateNameReference, inverted: Bool, body: [TemplateNode], offset: Int)
    /// `{{#last()}}`, `{{^first()}}`...: where the innermost list's element is.
    case position(ListPosition, inverted: Bool, body: [TemplateNode], offset: Int)
}

/// A tag's name, resolved when the template is parsed.
enum TemplateNameReference: Sendable {
    /// `{{.}}`: the innermost scope itself.
    case current
    case known(TemplateName)
    /// A name of a dialect's own (or a misspelt one, an error when rendered).
    case other(String)

    init(_ text: String) {
        if text == "." {
            self = .current
        } else if let name = TemplateName(text: text) {
            self = .known(name)
        } else {
            self = .other(text)
        }
    }

    var text: String {
        switch self {
        case .current: "."
        case .known(let name): name.text
        case .other(let text): text
        }
    }
}

enum ListPosition: String, Sendable {
    case first = "first()"
    case last = "last()"
}

/// A template that cannot be rendered with the values given, at `line:column`.
public struct TemplateRenderError: Error {
    public var location: String
    public var message: String
}
