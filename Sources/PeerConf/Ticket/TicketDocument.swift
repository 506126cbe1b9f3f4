/// Text with inline code and emphasis, written once and printed as Markdown or HTML
/// (each writer escapes it for its format). Build it with string interpolation:
/// `"Session with \(code: address) Established"`.
public struct RichText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Span: Sendable, Hashable {
        case text(String)
        case code(String)
        case strong(String)
    }

    public private(set) var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = []
        for span in spans { append(span) }
    }

    public init(stringLiteral value: String) {
        self.init([.text(value)])
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(stringInterpolation.spans)
    }

    /// Text in which `backtick` segments are code, as the dialects write their notes.
    public init(markup: String) {
        var spans: [Span] = []
        for (index, part) in markup.split(separator: "`", omittingEmptySubsequences: false).enumerated() where !part.isEmpty {
            spans.append(index % 2 == 1 ? .code(String(part)) : .text(String(part)))
        }
        self.init(spans)
    }

    public static func code(_ text: String) -> RichText { RichText([.code(text)]) }

    /// The text without markup, for tests and plain output.
    public var description: String {
        spans.map { span in
            switch span {
            case .text(let text), .code(let text), .strong(let text): text
            }
        }.joined()
    }

    mutating func append(_ span: Span) {
        switch (spans.last, span) {
        case (_, .text("")), (_, .code("")), (_, .strong("")): return
        case (.text(let previous)?, .text(let next)): spans[spans.count - 1] = .text(previous + next)
        default: spans.append(span)
        }
    }

    public static func + (lhs: RichText, rhs: RichText) -> RichText {
        var result = lhs
        for span in rhs.spans { result.append(span) }
        return result
    }

    /// `items` separated by `separator` (", " by default).
    public static func joined(_ items: [RichText], separator: RichText = ", ") -> RichText {
        var result = RichText()
        for (index, item) in items.enumerated() {
            if index > 0 { result = result + separator }
            result = result + item
        }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var spans: [Span] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { spans.append(.text(literal)) }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { spans.append(.text(value.description)) }
        public mutating func appendInterpolation(code value: some CustomStringConvertible) { spans.append(.code(value.description)) }
        public mutating func appendInterpolation(strong value: some CustomStringConvertible) { spans.append(.strong(value.description)) }
        public mutating func appendInterpolation(_ text: RichText) { spans += text.spans }
    }
}

/// A document of headings, paragraphs, lists, tables and code blocks: what a ticket is,
/// before it is printed as Markdown (`MarkdownWriter`) or HTML (`HTMLWriter`).
public struct TicketDocument: Sendable {
    public enum Block: Sendable, Hashable {
        /// Level 1 is the title.
        case heading(Int, RichText)
        case paragraph(RichText)
        case bullets([RichText])
        case numbered([RichText])
        case table(header: [RichText], rows: [[RichText]])
        /// Verbatim text (a configuration, commands): never interpreted.
        case code(String)
    }

    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }
}
