/// Prints a `TicketDocument` as Markdown that renders the same on the common ticket
/// systems (CommonMark with GitHub/GitLab tables):
///
/// - text: `&`, `<`, `>` become entities (no text becomes HTML or an autolink, e.g. the
///   `<BGP-MD5-KEY:...>` placeholder), and the characters Markdown gives a meaning to
///   (`\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `~`, and `#`, `+`, `-`, `=`, `>`, `1.` at the
///   start of a block) are backslash-escaped;
/// - inline code: a backtick run longer than any inside the code, padded with a space when
///   the code starts or ends with a backtick or a space; code is never escaped otherwise
///   (it is shown literally), except `|` inside a table, which GFM requires as `\|`;
/// - table cells: line breaks become spaces, `|` is escaped everywhere;
/// - code blocks: a backtick fence longer than any backtick run in the content.
public enum MarkdownWriter {
    public static func write(_ document: TicketDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: max(1, min(level, 6))) + " " + inline(text))
            case .paragraph(let text):
                out.append(inline(text))
            case .bullets(let items):
                out.append(items.map { "- " + inline($0) }.joined(separator: "\n"))
            case .numbered(let items):
                out.append(items.enumerated().map { "\($0.offset + 1). " + inline($0.element) }.joined(separator: "\n"))
            case .table(let header, let rows):
                var lines = [row(header), "|" + header.map { _ in "---|" }.joined()]
                lines += rows.map(row)
                out.append(lines.joined(separator: "\n"))
            case .code(let text):
                out.append(codeBlock(text))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func row(_ cells: [RichText]) -> String {
        "| " + cells.map { cell in
            let text = inline(cell, inTable: true)
            return text.isEmpty ? " " : text
        }.joined(separator: " | ") + " |"
    }

    /// One line of text with its code and emphasis spans; starts a block safely.
    public static func inline(_ text: RichText, inTable: Bool = false) -> String {
        var result = ""
        for (index, span) in text.spans.enumerated() {
            switch span {
            case .text(let value):
                result += escaped(flattened(value), atBlockStart: index == 0 && !inTable)
            case .strong(let value):
                result += "**" + escaped(flattened(value), atBlockStart: false) + "**"
            case .code(let value):
                result += codeSpan(flattened(value), inTable: inTable)
            }
        }
        return result
    }

    /// Plain text with every character Markdown could read as markup escaped. By Unicode
    /// scalar, as Markdown reads it: a combining mark after `|` makes one Swift
    /// `Character` that is not "|", but the `|` still splits a table cell.
    public static func escaped(_ text: String, atBlockStart: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": result += "\\" + String(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        guard atBlockStart, let first = result.first else { return result }
        if "#+-=".contains(first) {
            return "\\" + result
        }
        // `1. ` or `1) ` at the start of a block would begin an ordered list (`10.0.0.0/16` would not).
        let digits = result.prefix(while: \.isNumber)
        let rest = result.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, let next = rest.first, next == "." || next == ")",
           rest.dropFirst().first.map({ $0 == " " }) ?? true {
            return digits + "\\" + rest
        }
        return result
    }

    /// Inline code that shows `code` literally.
    public static func codeSpan(_ code: String, inTable: Bool = false) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        var body = code
        let scalars = body.unicodeScalars
        if scalars.first == "`" || scalars.last == "`" || (scalars.first == " " && scalars.last == " " && scalars.contains { $0 != " " }) {
            body = " " + body + " "
        }
        if inTable { body = escapingPipes(body) }
        return fence + body + fence
    }

    /// A fenced code block whose fence no line of `text` can close.
    public static func codeBlock(_ text: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return fence + "text\n" + body + "\n" + fence
    }

    /// `|` as `\|`, scalar by scalar (see `escaped`).
    static func escapingPipes(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "|" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The longest run of `character` in `text`, counted by Unicode scalar as Markdown
    /// counts backticks (a combining mark after one does not make it another character).
    static func longestRun(of character: Unicode.Scalar, in text: String) -> Int {
        var longest = 0, current = 0
        for each in text.unicodeScalars {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Line breaks (and tabs) as spaces: inline text and table cells are one line.
    static func flattened(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

/// Prints a `TicketDocument` as one standalone HTML file: inline CSS, no scripts, no
/// external resources, every text escaped (`&`, `<`, `>`, `"`, `'`).
public enum HTMLWriter {
    public static func write(_ document: TicketDocument) -> String {
        var body: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(max(1, min(level, 6)))"
                body.append("<\(tag)>\(inline(text))</\(tag)>")
            case .paragraph(let text):
                body.append("<p>\(inline(text))</p>")
            case .bullets(let items):
                body.append("<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            case .numbered(let items):
                body.append("<ol>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ol>")
            case .table(let header, let rows):
                var lines = ["<table>", "<thead>", "<tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>", "</thead>", "<tbody>"]
                lines += rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }
                lines += ["</tbody>", "</table>"]
                body.append(lines.joined(separator: "\n"))
            case .code(let text):
                let content = text.hasSuffix("\n") ? String(text.dropLast()) : text
                body.append("<pre><code>\(escaped(content))</code></pre>")
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(document.title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let style = """
    body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1f2328; max-width: 72em; margin: 2em auto; padding: 0 1em; }
    h1 { font-size: 1.6em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
    h2 { font-size: 1.3em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 1.6em; }
    h3 { font-size: 1.1em; margin-top: 1.3em; }
    table { border-collapse: collapse; margin: .8em 0; }
    th, td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 90%; background: #f6f8fa; padding: .1em .3em; border-radius: 4px; }
    pre { background: #f6f8fa; padding: .8em 1em; overflow-x: auto; border-radius: 6px; }
    pre code { background: none; padding: 0; font-size: 88%; }
    """

    public static func inline(_ text: RichText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let value): escaped(value)
            case .code(let value): "<code>\(escaped(value))</code>"
            case .strong(let value): "<strong>\(escaped(value))</strong>"
            }
        }.joined()
    }

    /// By Unicode scalar, as an HTML parser reads it (see `MarkdownWriter.escaped`).
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
