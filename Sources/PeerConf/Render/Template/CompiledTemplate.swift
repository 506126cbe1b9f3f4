/// A parsed template, rendered against `TemplateValue`s: sections and names resolved by a
/// switch over the value's case, the output appended to one byte buffer (`RenderOutput`:
/// appending bytes is a copy; appending to a String also updates its UTF-8 and ASCII
/// bookkeeping each time).
public struct CompiledTemplate: Sendable {
    /// The template flattened (see `TemplateStep`), and the bytes its texts are ranges of.
    let steps: [TemplateStep]
    let bytes: [UInt8]
    /// The names of a dialect's own values (`StepName.other` is an index here).
    let otherNames: [String]
    /// The template text, for the line and column of a render error.
    let source: String

    /// Parses `text`; errors say `line:column: problem`.
    public init(parsing text: String) throws(TemplateSyntaxError) {
        self = try TemplateParser.parse(text)
    }

    init(nodes: [TemplateNode], source: String) {
        var steps: [TemplateStep] = [], bytes: [UInt8] = [], otherNames: [String] = []
        func stepName(_ name: TemplateNameReference) -> StepName {
            switch name {
            case .current: return .current
            case .known(let known): return .known(known)
            case .other(let text):
                if let index = otherNames.firstIndex(of: text) { return .other(index) }
                otherNames.append(text)
                return .other(otherNames.count - 1)
            }
        }
        Self.flatten(nodes, into: &steps, bytes: &bytes, name: stepName)
        self.steps = steps
        self.bytes = bytes
        self.otherNames = otherNames
        self.source = source
    }

    private static func flatten(_ nodes: [TemplateNode], into steps: inout [TemplateStep], bytes: inout [UInt8],
                                name stepName: (TemplateNameReference) -> StepName) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = bytes.count
                bytes += text
                steps.append(.text(start..<bytes.count))
            case .variable(let name, let offset):
                steps.append(.variable(name: stepName(name), offset: offset))
            case .section(let name, let inverted, let body, let offset):
                let at = steps.count
                steps.append(.text(0..<0))
                flatten(body, into: &steps, bytes: &bytes, name: stepName)
                steps[at] = .section(name: stepName(name), inverted: inverted, end: steps.count, offset: offset)
            case .position(let position, let inverted, let body, let offset):
                let at = steps.count
                steps.append(.text(0..<0))
                flatten(body, into: &steps, bytes: &bytes, name: stepName)
                steps[at] = .position(position, inverted: inverted, end: steps.count, offset: offset)
            }
        }
    }

    /// Renders with `root` as the outermost scope. A name that no scope has is an error
    /// (plain Mustache prints nothing for it), as is printing a list or an object.
    public func render(_ root: any TemplateObject) throws(TemplateRenderError) -> String {
        // Lists make the output longer than the template: twice its size is rarely outgrown.
        var output = RenderOutput(capacity: source.utf8.count * 2)
        var scopes: [Scope] = [Scope(object: root)]
        try steps.withUnsafeBufferPointer { steps throws(TemplateRenderError) in
            try bytes.withUnsafeBufferPointer { bytes throws(TemplateRenderError) in
                try render(0..<steps.count, of: steps, texts: bytes, scopes: &scopes, into: &output)
            }
        }
        return output.string()
    }

    /// A scope entered while rendering; the render keeps them innermost last.
    ///
    /// Scopes refer to objects and rows without owning them: the root holds everything a
    /// render enters for the whole render (view models are immutable), and the sections
    /// hold the lists and rows they walk. Searching the stack then copies no reference:
    /// with owned values each lookup retained and released every scope it looked at,
    /// about a fifth of a render.
    ///
    /// The view model's own classes are also kept as `Unmanaged` references, called
    /// directly and without reference counting (through the protocols, each call retained
    /// and released the object).
    private struct Scope {
        /// Set when the scope is an object (the root, an object section or element).
        unowned(unsafe) var object: (any TemplateObject)?
        /// `object` when it is the view model's `TemplateFields`.
        var fields: Unmanaged<TemplateFields>?
        /// Set when the scope is a row of a table (`row` is which).
        unowned(unsafe) var rows: (any TemplateRows)?
        /// `rows` when they are the view model's `PrefixRows`.
        var prefixRows: Unmanaged<PrefixRows>?
        var row = 0
        /// Anything else a section or a list entered (a text, say), owned; `{{.}}` prints it.
        var other: TemplateValue?
        /// Where the scope is in its list, when it is an element or a row.
        var position: (index: Int, count: Int)?

        init(object: any TemplateObject, position: (index: Int, count: Int)? = nil) {
            self.object = object
            fields = (object as? TemplateFields).map(Unmanaged.passUnretained)
            self.position = position
        }

        init(rows: any TemplateRows, row: Int) {
            self.rows = rows
            prefixRows = (rows as? PrefixRows).map(Unmanaged.passUnretained)
            self.row = row
            self.position = (row, rows.count)
        }

        init(_ value: TemplateValue, position: (index: Int, count: Int)? = nil) {
            if case .object(let object) = value {
                self = Scope(object: object, position: position)
            } else {
                other = value
                self.position = position
            }
        }

        /// The scope as a value, for `{{.}}`; nil for a row.
        var value: TemplateValue? {
            if let object { return .object(object) }
            return other
        }
    }

    private func render(_ range: Range<Int>, of steps: UnsafeBufferPointer<TemplateStep>, texts: UnsafeBufferPointer<UInt8>,
                        scopes: inout [Scope], into output: inout RenderOutput) throws(TemplateRenderError) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch steps[index] {
            case .text(let text):
                output.append(UnsafeBufferPointer(rebasing: texts[text]))
                index += 1
            case .variable(let name, let offset):
                index += 1
                if case .known(let known) = name, print(known, from: scopes, into: &output) { continue }
                guard try lookup(name, offset: offset, in: scopes).print(into: &output) else {
                    let text = text(of: name)
                    throw failure(at: offset, "'\(text)' is a list or an object: use it as a section, {{#\(text)}}...{{/\(text)}}")
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
                        scopes.append(Scope(element, position: (position, elements.count)))
                        try render(body, of: steps, texts: texts, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .rows(let rows):
                    for row in 0..<rows.count {
                        scopes.append(Scope(rows: rows, row: row))
                        try render(body, of: steps, texts: texts, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .text, .object:
                    scopes.append(Scope(value))
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

    /// Prints `name` from the innermost scope that has it, when it is text or a flag (rows
    /// print theirs without making a String); false when it is not (then `lookup` finds
    /// it, or says why not).
    @inline(__always)
    private func print(_ name: TemplateName, from scopes: [Scope], into output: inout RenderOutput) -> Bool {
        var index = scopes.count - 1
        while index >= 0 {
            if let rows = scopes[index].prefixRows {
                let row = scopes[index].row
                if rows._withUnsafeGuaranteedRef({ $0.print(name, row: row, into: &output) }) { return true }
            } else if let fields = scopes[index].fields {
                if let printed = fields._withUnsafeGuaranteedRef({ $0.print(name, into: &output) }) { return printed }
            } else if let rows = scopes[index].rows {
                if rows.print(name, row: scopes[index].row, into: &output) { return true }
            } else if let object = scopes[index].object, let value = object.value(for: name) {
                return value.print(into: &output)
            }
            index -= 1
        }
        return false
    }

    /// The innermost scope's value for `name` (`.` is the innermost scope itself).
    private func lookup(_ name: StepName, offset: Int, in scopes: [Scope]) throws(TemplateRenderError) -> TemplateValue {
        var index = scopes.count - 1
        switch name {
        case .current:
            guard let value = scopes[index].value else {
                throw failure(at: offset, "{{.}} inside a list of named values: use the names")
            }
            return value
        case .known(let known):
            while index >= 0 {
                if let rows = scopes[index].rows {
                    if let value = rows.value(for: known, row: scopes[index].row) { return value }
                } else if let object = scopes[index].object, let value = object.value(for: known) {
                    return value
                }
                index -= 1
            }
        case .other(let other):
            while index >= 0 {
                if let object = scopes[index].object, let value = object.value(named: otherNames[other]) { return value }
                index -= 1
            }
        }
        throw failure(at: offset, "uses '\(text(of: name))', which peerconf does not provide")
    }

    private func text(of name: StepName) -> String {
        switch name {
        case .current: "."
        case .known(let known): known.text
        case .other(let index): otherNames[index]
        }
    }

    private func failure(at offset: Int, _ message: String) -> TemplateRenderError {
        TemplateRenderError(location: SourceOffset(offset).lineAndColumn(in: source.utf8), message: message)
    }
}

/// The template as the renderer walks it: a section's body is the steps after it up to
/// `end`, and texts are ranges of the template's one byte buffer, so walking a template
/// copies no arrays and retains nothing per step (every payload is a plain value).
enum TemplateStep: Sendable {
    case text(Range<Int>)
    case variable(name: StepName, offset: Int)
    case section(name: StepName, inverted: Bool, end: Int, offset: Int)
    case position(ListPosition, inverted: Bool, end: Int, offset: Int)
}

/// A tag's name as a step holds it: a dialect's own name is its index in the template's
/// `otherNames`, not a String, so that copying a step is copying bytes.
enum StepName: Sendable {
    case current
    case known(TemplateName)
    case other(Int)
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
