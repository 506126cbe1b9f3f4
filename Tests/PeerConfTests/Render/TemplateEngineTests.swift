import Testing
@testable import PeerConf

/// The template engine on its own: the Mustache behaviour the vendor templates rely on
/// (the golden files cover the templates themselves), and every error it gives.
@Suite("Template engine")
struct TemplateEngineTests {
    private func render(_ template: String, _ values: [String: TemplateValue]) throws -> String {
        try CompiledTemplate(parsing: template).render(TemplateFields(named: values))
    }

    private func syntaxError(_ template: String) -> TemplateSyntaxError? {
        do {
            _ = try CompiledTemplate(parsing: template)
            return nil
        } catch {
            return error
        }
    }

    private func renderError(_ template: String, _ values: [String: TemplateValue]) throws -> TemplateRenderError? {
        let compiled = try CompiledTemplate(parsing: template)
        do {
            _ = try compiled.render(TemplateFields(named: values))
            return nil
        } catch {
            return error
        }
    }

    @Test("values print as they are: no HTML escaping in any tag form")
    func variables() throws {
        let values: [String: TemplateValue] = ["d": "a <b> & \"c\"", "on": true, "off": false]
        #expect(try render("{{d}}|{{{d}}}|{{& d}}|{{ d }}", values) == "a <b> & \"c\"|a <b> & \"c\"|a <b> & \"c\"|a <b> & \"c\"")
        #expect(try render("{{on}} {{off}}", values) == "true false")
    }

    @Test("a section, comment or pragma alone on its line takes the line with it; inline ones do not")
    func standaloneLines() throws {
        let values: [String: TemplateValue] = ["yes": true, "no": false, "x": "X"]
        #expect(try render("{{% CONTENT_TYPE: TEXT}}\na\n{{#yes}}\nb\n{{/yes}}\n{{^yes}}\nc\n{{/yes}}\nd\n", values) == "a\nb\nd\n")
        #expect(try render("  {{#yes}}  \n\tb\n  {{/yes}}\n", values) == "\tb\n")
        #expect(try render("a {{#yes}}b{{/yes}} c\n", values) == "a b c\n")
        #expect(try render("{{! a comment\nover lines }}\nz\n", values) == "z\n")
        // A variable on the line keeps the line (and the section tags beside it).
        #expect(try render("{{x}} {{#yes}}\n{{/yes}}\n", values) == "X \n")
        // CRLF line ends are removed whole; the last line needs no line end.
        #expect(try render("{{#yes}}\r\nb\r\n{{/yes}}", values) == "b\r\n")
    }

    @Test("lists repeat their block with each element innermost; names fall back to outer scopes")
    func lists() throws {
        let values: [String: TemplateValue] = [
            "name": "outer",
            "items": [["name": "one"], ["other": "two"]],
            "texts": ["a", "b", "c"],
            "empty": [],
        ]
        #expect(try render("{{#items}}{{name}};{{/items}}", values) == "one;outer;")
        #expect(try render("{{#texts}}{{.}}{{^last()}},{{/last()}}{{/texts}}", values) == "a,b,c")
        #expect(try render("{{#texts}}{{#first()}}[{{/first()}}{{.}}{{/texts}}", values) == "[abc")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", values) == "none")
        #expect(try render("{{^texts}}none{{/texts}}", values) == "")
    }

    @Test("rows are entered one by one without a value per element")
    func rows() throws {
        let prefixes = ["10.0.0.0/16", "2001:db8::/32"].map { try! IPPrefix.parse($0) }
        let values: [String: TemplateValue] = ["list": "L", "prefixes": .rows(PrefixRows(prefixes, numbered: true))]
        #expect(try render("{{#prefixes}}{{list}} {{seq}} {{cidr}} {{family}}\n{{/prefixes}}", values)
                == "L 10 10.0.0.0/16 ipv4\nL 20 2001:db8::/32 ipv6\n")
    }

    @Test("an object section enters the object once; flags do not open a scope")
    func objects() throws {
        let values: [String: TemplateValue] = ["bfd": ["interval": "300"], "off": false, "flag": true, "interval": "outer"]
        #expect(try render("{{#bfd}}{{interval}}{{/bfd}}{{#off}}x{{/off}}{{#flag}}{{interval}}{{/flag}}", values) == "300outer")
    }

    /// The engine calls its own view-model classes directly; any other `TemplateObject`
    /// or `TemplateRows` goes through the protocols and must render the same.
    final class CustomObject: TemplateObject {
        let values: [TemplateName: TemplateValue]
        let named: [String: TemplateValue]
        init(_ values: [TemplateName: TemplateValue], named: [String: TemplateValue] = [:]) {
            self.values = values
            self.named = named
        }
        func value(for name: TemplateName) -> TemplateValue? { values[name] }
        func value(named name: String) -> TemplateValue? { named[name] }
    }

    final class CustomRows: TemplateRows {
        let texts: [String]
        init(_ texts: [String]) { self.texts = texts }
        var count: Int { texts.count }
        func value(for name: TemplateName, row: Int) -> TemplateValue? { name == .cidr ? .text(texts[row]) : nil }
    }

    @Test("objects and rows of other types render as the view model's own do")
    func otherConformers() throws {
        let template = try CompiledTemplate(parsing: "{{#interface}}{{name}} {{#addresses}}{{cidr}}/{{family}}{{^last()}},{{/last()}}{{/addresses}} {{extra}}{{/interface}}")
        let rows: [String] = ["10.0.0.1/30", "2001:db8::1/126"]
        let custom = CustomObject([.interface: .object(CustomObject([.name: "eth0.100", .addresses: .rows(CustomRows(rows)), .family: "f"], named: ["extra": "x"]))])
        let builtIn = TemplateFields([.interface: .object(TemplateFields([.name: "eth0.100", .addresses: .rows(CustomRows(rows)), .family: "f"], adding: ["extra": "x"]))])
        let expected = "eth0.100 10.0.0.1/30/f,2001:db8::1/126/f x"
        #expect(try template.render(custom) == expected)
        #expect(try template.render(builtIn) == expected)
    }

    @Test("syntax errors name the line and column")
    func syntaxErrors() {
        let cases: [(String, String, String)] = [
            ("a\n  {{#x}}\nb\n", "2:3", "section 'x' is not closed: add {{/x}}"),
            ("{{#x}}{{/y}}", "1:7", "{{/y}} closes section 'x' (opened at 1:1): close it with {{/x}}"),
            ("{{/x}}", "1:1", "{{/x}} closes no open section"),
            ("ok\n{{a.b}}", "2:1", "dotted name 'a.b' is not supported: enter the section ({{#a}}{{b}}{{/a}}) instead"),
            ("{{> partial}}", "1:1", "{{>...}} (partials, delimiters, blocks) is not supported: templates are single, self-contained files"),
            ("{{=<% %>=}}", "1:1", "{{=...}} (partials, delimiters, blocks) is not supported: templates are single, self-contained files"),
            ("x {{name", "1:3", "unclosed tag: add }}"),
            ("{{{name}}", "1:1", "unclosed tag: add }}}"),
            ("{{}}", "1:1", "a tag without a name"),
            ("{{a b}}", "1:1", "'a b' is not a name (letters, digits, '_' and '-')"),
            ("{{% CONTENT_TYPE: HTML}}", "1:1", "unsupported pragma 'CONTENT_TYPE: HTML': only {{% CONTENT_TYPE: TEXT}} is known"),
            ("{{last()}}", "1:1", "'last()' is a section: {{#last()}}...{{/last()}}"),
        ]
        for (template, location, message) in cases {
            let error = syntaxError(template)
            #expect(error?.location == location, "\(template)")
            #expect(error?.message == message, "\(template)")
        }
    }

    @Test("render errors name the line and column: unknown names, lists printed, positions outside lists")
    func renderErrors() throws {
        let values: [String: TemplateValue] = ["items": [["a": "1"]], "flag": true]
        let unknown = try renderError("x\n{{#items}} {{b}}{{/items}}", values)
        #expect(unknown?.location == "2:12")
        #expect(unknown?.message == "uses 'b', which peerconf does not provide")
        // An unknown name is an error even where nothing would print it.
        #expect(try renderError("{{#flag}}{{missing}}{{/flag}}", values)?.message == "uses 'missing', which peerconf does not provide")
        #expect(try renderError("{{items}}", values)?.message == "'items' is a list or an object: use it as a section, {{#items}}...{{/items}}")
        #expect(try renderError("{{#last()}}x{{/last()}}", values)?.message == "'last()' is only known inside a list's section")
    }
}

@Suite("Template names")
struct TemplateNameTests {
    @Test("every name peerconf provides is documented in Templates/README.md, by its exact text")
    func documented() throws {
        let readme = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/Templates/README.md", encoding: .utf8)
        for name in TemplateName.allCases {
            #expect(readme.contains("`\(name.text)`"), "\(name.text)")
            #expect(TemplateName(text: name.text) == name)
        }
        #expect(TemplateName(text: "adress") == nil)
    }
}
