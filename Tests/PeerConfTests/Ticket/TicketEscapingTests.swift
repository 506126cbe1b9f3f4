import Testing
@testable import PeerConf

@Suite("Ticket escaping: Markdown text, code spans, tables, fences; HTML")
struct TicketEscapingTests {
    @Test("text: HTML-special characters become entities, Markdown punctuation is escaped")
    func markdownText() {
        #expect(MarkdownWriter.escaped("<BGP-MD5-KEY:vif/peer>") == "&lt;BGP-MD5-KEY:vif/peer&gt;")
        #expect(MarkdownWriter.escaped("a & b <script>alert(1)</script>") == "a &amp; b &lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(MarkdownWriter.escaped("*bold* _it_ `code` [link](x) ~~s~~ a|b \\") == "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ a\\|b \\\\")
        // Plain words, addresses and sentences stay readable.
        #expect(MarkdownWriter.escaped("Record the sessions: 192.168.0.1 (IPv4).") == "Record the sessions: 192.168.0.1 (IPv4).")
    }

    @Test("text at the start of a block cannot start a heading, list or quote", arguments: [
        ("# not a heading", "\\# not a heading"), ("- not a list", "\\- not a list"), ("+ no", "\\+ no"),
        ("= no", "\\= no"), ("> not a quote", "&gt; not a quote"), ("1. not a list", "1\\. not a list"),
        ("2026) no", "2026\\) no"), ("7.", "7\\."), ("10.0.0.0/16 stays", "10.0.0.0/16 stays"),
    ])
    func blockStart(_ input: String, _ expected: String) {
        #expect(MarkdownWriter.escaped(input, atBlockStart: true) == expected)
        #expect(MarkdownWriter.inline(RichText(stringLiteral: input)) == expected)
    }

    @Test("code spans: fence longer than any backtick run inside, padded when needed; literal otherwise")
    func codeSpans() {
        #expect(MarkdownWriter.codeSpan("show ip route") == "`show ip route`")
        #expect(MarkdownWriter.codeSpan("<BGP-MD5-KEY:v/p>") == "`<BGP-MD5-KEY:v/p>`")
        #expect(MarkdownWriter.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownWriter.codeSpan("``x```") == "```` ``x``` ````")
        #expect(MarkdownWriter.codeSpan("`start") == "`` `start ``")
        #expect(MarkdownWriter.codeSpan(" both ") == "`  both  `")
        #expect(MarkdownWriter.codeSpan("a|b") == "`a|b`")
        #expect(MarkdownWriter.codeSpan("a|b", inTable: true) == "`a\\|b`")
    }

    @Test("table cells: pipes escaped in text and code, line breaks flattened, empty cells kept")
    func tableCells() {
        let cells: [RichText] = ["a|b", "x \(code: "p|q") y", "line1\nline2", "", "<i>&"]
        #expect(MarkdownWriter.row(cells) == "| a\\|b | x `p\\|q` y | line1 line2 |   | &lt;i&gt;&amp; |")
        let table = MarkdownWriter.write(TicketDocument(title: "t", blocks: [.table(header: ["#", "h"], rows: [["- 1", "2"]])]))
        #expect(table == "| # | h |\n|---|---|\n| - 1 | 2 |\n")
    }

    /// A combining mark after `|`, `` ` `` or `<` makes one Swift character of the two;
    /// Markdown and HTML parsers still see the punctuation.
    @Test("combining marks after markup characters: still escaped, still counted")
    func combiningMarks() {
        #expect(MarkdownWriter.escaped("a|\u{301}b *\u{301}x") == "a\\|\u{301}b \\*\u{301}x")
        #expect(MarkdownWriter.row(["a|\u{301}b", "x \(code: "p|\u{301}q") y"]) == "| a\\|\u{301}b | x `p\\|\u{301}q` y |")
        // Two backticks, one with a mark: the fence needs three.
        #expect(MarkdownWriter.codeSpan("a``\u{301}b") == "```a``\u{301}b```")
        #expect(MarkdownWriter.codeSpan("`\u{301}x") == "`` `\u{301}x ``")
        #expect(MarkdownWriter.codeBlock("x ```\u{301} y") == "````text\nx ```\u{301} y\n````")
        #expect(HTMLWriter.escaped("<\u{301}b \"\u{301} &\u{301}") == "&lt;\u{301}b &quot;\u{301} &amp;\u{301}")
    }

    @Test("code blocks: the fence is longer than any backtick run in the content")
    func fences() {
        #expect(MarkdownWriter.codeBlock("a\nb\n") == "```text\na\nb\n```")
        #expect(MarkdownWriter.codeBlock("x ``` y") == "````text\nx ``` y\n````")
        #expect(MarkdownWriter.codeBlock("`````") == "``````text\n`````\n``````")
        // Content that looks like Markdown or HTML stays verbatim inside the block.
        #expect(MarkdownWriter.codeBlock("# <b>&amp;</b> | *x*") == "```text\n# <b>&amp;</b> | *x*\n```")
    }

    @Test("HTML: every text escaped, in text, code, headings, tables, code blocks and the title")
    func html() {
        let hostile = "<script>alert('x')</script> & \"q\""
        let document = TicketDocument(title: hostile, blocks: [
            .heading(2, RichText(stringLiteral: hostile)),
            .paragraph("a \(code: hostile) \(strong: hostile)"),
            .bullets([RichText(stringLiteral: hostile)]),
            .table(header: [RichText(stringLiteral: hostile)], rows: [[RichText(stringLiteral: hostile)]]),
            .code(hostile),
        ])
        let html = HTMLWriter.write(document)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</title>"))
        #expect(html.contains("<pre><code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</code></pre>"))
        #expect(html.contains("<code>&lt;script&gt;"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        // Standalone: no external resources, no scripts.
        for forbidden in ["<script", "<link", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test("rich text: interpolation builds code and emphasis spans; markup splits on backticks")
    func richText() {
        let text: RichText = "run \(code: "show bgp") now, \(strong: "Up")"
        #expect(text.spans == [.text("run "), .code("show bgp"), .text(" now, "), .strong("Up")])
        #expect(RichText(markup: "Paste in `configure terminal`, then `write`.").spans == [
            .text("Paste in "), .code("configure terminal"), .text(", then "), .code("write"), .text("."),
        ])
        #expect(MarkdownWriter.inline(text) == "run `show bgp` now, **Up**")
        #expect(HTMLWriter.inline(text) == "run <code>show bgp</code> now, <strong>Up</strong>")
    }
}
