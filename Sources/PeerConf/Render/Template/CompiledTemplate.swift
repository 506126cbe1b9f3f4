/// A parsed template, rendered against `TemplateValue`s: sections and names resolved by a
/// switch over the value's case, the output appended to one byte buffer (appending bytes
/// is a copy; appending to a String also updates its UTF-8 and ASCII bookkeeping each time).
public struct CompiledTemplate: Sendable {
    /// The template flattened (see `TemplateStep`), and the bytes its texts are ranges of.
    let steps: [TemplateStep]
    let bytes: [UInt8]
    /// The template text, for the line and column of a render error.
    let source: String

    /// Parses `text`; errors say `line:column: problem`.
    public init(parsing text: String) throws(TemplateSyntaxError) {
        self = try TemplateParser.parse(text)
    }

    init(nodes: [TemplateNode], source: String) {
        var steps: [TemplateStep] = [], bytes: [UInt8] = []
        Self.flatten(nodes, into: &steps, bytes: &bytes)
        self.steps = steps
        self.bytes = bytes
        self.source = source
    }

    private static func flatten(_ nodes: [TemplateNode], into steps: inout [TemplateStep], bytes: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = bytes.count
                bytes += text
                steps.append(.text(start..<bytes.count))
            case .variable(let name, let offset):
                steps.append(.variable(name: name, offset: offset))
            case .section(let name, let inverted, let body, let offset):
                let at = steps.count
                steps.append(.text(0..<0))
                flatten(body, into: &steps, bytes: &bytes)
                steps[at] = .section(name: name, inverted: inverted, end: steps.count, offset: offset)
            case .position(let position, let inverted, let body, let offset):
                let at = steps.count
                steps.append(.text(0..<0))
                flatten(body, into: &steps, bytes: &bytes)
                steps[at] = .position(position, inverted: inverted, end: steps.count, offset: offset)
            }
        }
    }

    /// Renders with `root` as the outermost scope. A name that no scope has is an error
    /// (plain Mustache prints nothing for it), as is printing a list or an object.
    public func render(_ root: any TemplateObject) throws(TemplateRenderError) -> String {
        var output: [UInt8] = []
        // Lists make the output longer than the template: twice its size is rarely outgrown.
        output.reserveCapacity(source.utf8.count * 2)
        var scopes: [Scope] = [.value(.object(root))]
        try steps.withUnsafeBufferPointer { steps throws(TemplateRenderError) in
            try bytes.withUnsafeBufferPointer { bytes throws(TemplateRenderError) in
                try render(0..<steps.count, of: steps, texts: bytes, scopes: &scopes, into: &output)
            }
        }
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

    private func render(_ range: Range<Int>, of steps: UnsafeBufferPointer<TemplateStep>, texts: UnsafeBufferPointer<UInt8>,
                        scopes: inout [Scope], into output: inout [UInt8]) throws(TemplateRenderError) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch steps[index] {
            case .text(let text):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: texts[text]))
                index += 1
            case .variable(let name, let offset):
                index += 1
                if case .known(let known) = name, printFromRows(known, scopes: scopes, into: &output) { continue }
                guard try lookup(name, offset: offset, in: scopes).print(into: &output) else {
                    throw failure(at: offset, "'\(name.text)' is a list or an object: use it as a section, {{#\(name.text)}}...{{/\(name.text)}}")
                }
            case .section(let name, let inverted, let end, let offset):
                let body = index + 1 ..< end
                index = end
                let value = try lookup(name, offset: offset, in: scopes)
                if inverted {
                    if !value.isShown { try render(body, of: steps, texts: texts, scopes: &scopes, into: &output) }
                    continue
                }
                switch value {
                case .flag(let shown):
                    if shown { try render(body, of: steps, texts: texts, scopes: &scopes, into: &output) }
                case .list(let elements):
                    for (position, element) in elements.enumerated() {
                        scopes.append(.element(element, index: position, count: elements.count))
                        try render(body, of: steps, texts: texts, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .rows(let rows):
                    for row in 0..<rows.count {
                        scopes.append(.row(rows, row))
                        try render(body, of: steps, texts: texts, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .text, .object:
                    scopes.append(.value(value))
                    try render(body, of: steps, texts: texts, scopes: &scopes, into: &output)
                    scopes.removeLast()
                }
            case .position(let position, let inverted, let end, let offset):
                let body = index + 1 ..< end
                index = end
                guard let (element, count) = scopes.lazy.reversed().compactMap(\.position).first else {
                    throw failure(at: offset, "'\(position.rawValue)' is only known inside a list's section")
                }
                let isAt = position == .first ? element == 0 : element == count - 1
                if isAt != inverted { try render(body, of: steps, texts: texts, scopes: &scopes, into: &output) }
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

/// The template as the renderer walks it: a section's body is the steps after it up to
/// `end`, and texts are ranges of the template's one byte buffer, so walking a template
/// copies no arrays and retains nothing per step.
enum TemplateStep: Sendable {
    case text(Range<Int>)
    case variable(name: TemplateNameReference, offset: Int)
    case section(name: TemplateNameReference, inverted: Bool, end: Int, offset: Int)
    case position(ListPosition, inverted: Bool, end: Int, offset: Int)
}

/// The parser's tree of a template, flattened into `TemplateStep`s.
enum TemplateNode: Sendable {
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
