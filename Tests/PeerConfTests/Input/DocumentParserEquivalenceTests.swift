import Foundation
import PropertyBased
import Testing
import Workload
import Yams
@testable import PeerConf

/// The parser reads libyaml's events itself (for its limits and speed); it must build
/// exactly the tree that composing with Yams and converting gave before: same values,
/// same quoting, same positions.
@Suite("The event parser builds the same tree as Yams.compose")
struct DocumentParserEquivalenceTests {
    /// The former path: `Yams.compose`, then a recursive conversion.
    static func reference(_ text: String) -> SyntaxNode? {
        guard let root = try? Yams.compose(yaml: text) else { return nil }
        func location(_ node: Node) -> PeerConf.SourceLocation {
            PeerConf.SourceLocation(file: "t.yaml", line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func convert(_ node: Node) -> SyntaxNode? {
            switch node {
            case .scalar(let scalar):
                return .scalar(.init(text: scalar.string, isQuoted: scalar.style != .plain, location: location(node)))
            case .mapping(let mapping):
                var entries: [(key: SyntaxNode.Scalar, value: SyntaxNode)] = []
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key, let converted = convert(value) else { return nil }
                    entries.append((.init(text: scalar.string, isQuoted: scalar.style != .plain, location: location(key)), converted))
                }
                return .mapping(entries, location(node))
            case .sequence(let sequence):
                var items: [SyntaxNode] = []
                for item in sequence {
                    guard let converted = convert(item) else { return nil }
                    items.append(converted)
                }
                return .sequence(items, location(node))
            case .alias:
                return nil
            }
        }
        return convert(root)
    }

    /// A canonical dump: structure, text, quoting and every position.
    static func dump(_ node: SyntaxNode) -> String {
        func position(_ location: PeerConf.SourceLocation) -> String { "@\(location.line):\(location.column)" }
        switch node {
        case .scalar(let scalar):
            return "\(scalar.isQuoted ? "q" : "p")\(String(reflecting: scalar.text))\(position(scalar.location))"
        case .mapping(let entries, let location):
            return "{" + position(location) + entries.map { "\(dump(.scalar($0.key))): \(dump($0.value))" }.joined(separator: ", ") + "}"
        case .sequence(let items, let location):
            return "[" + position(location) + items.map(dump).joined(separator: ", ") + "]"
        }
    }

    static func check(_ text: String, _ name: String) {
        let expected = reference(text).map(dump)
        let parsed = DocumentParser.parse(text, file: "t.yaml")
        switch parsed {
        case .success(let node):
            #expect(dump(node) == expected, "\(name)")
        case .failure(let failure):
            #expect(expected == nil, "\(name): refused (\(failure.message)) what Yams reads")
        }
    }

    static var files: [URL] {
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        let scenarios = (try? FileManager.default.contentsOfDirectory(at: fixtures.appendingPathComponent("scenarios"), includingPropertiesForKeys: nil)) ?? []
        let api = (try? FileManager.default.contentsOfDirectory(at: fixtures, includingPropertiesForKeys: nil)) ?? []
        return (scenarios + api + [CommandRunner.packageRoot.appendingPathComponent("Examples/vif-prod-01.yaml")])
            .filter { ["yaml", "json"].contains($0.pathExtension) }
    }

    @Test("every fixture, scenario and example, and a synthetic batch")
    func files() throws {
        #expect(Self.files.count >= 17)
        for file in Self.files {
            Self.check(try String(contentsOf: file, encoding: .utf8), file.lastPathComponent)
        }
        Self.check(SyntheticDefinitions().yaml(interfaces: 50), "synthetic")
    }

    @Test("YAML's corners: block scalars, quoting styles, anchors, tags, comments, flow and unicode")
    func corners() {
        let documents = [
            "a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\n",
            "'single': \"double\\n\"\nplain: x # comment\n? explicit\n: value\n",
            "base: &b {x: 1, y: [2, 3]}\nuse: *b\nlist: [*b, *b]\n",
            "s: !!str 100\nt: !custom x\nn: ~\ne:\nz: Zürich 中 🙂\n",
            "- a\n- - b\n  - c\n- {d: e}\n",
            "{\"json\": [1, 2.5, true, null, \"x\"], \"nested\": {\"k\": \"v\"}}",
            "%YAML 1.1\n---\na: 1\n...\n",
            "\u{FEFF}a: bom\n",
            "just a scalar",
            "a: 1\r\nb: 2\r\n",
            "k: \"tab\\tand \\u00e9\"\n",
        ]
        for (index, document) in documents.enumerated() {
            Self.check(document, "document \(index)")
        }
    }

    /// Random trees written as YAML with random styles.
    struct Tree: Sendable {
        indirect enum Node: Sendable {
            case scalar(String, style: Int)
            case list([Node])
            case object([(String, Node)])
        }
        var root: Node

        func yaml() -> String {
            func scalar(_ text: String, _ style: Int) -> String {
                switch style % 3 {
                case 0: text.allSatisfy { $0.isLetter || $0.isNumber } && !text.isEmpty ? text : "'\(text.replacingOccurrences(of: "'", with: "''"))'"
                case 1: "'\(text.replacingOccurrences(of: "'", with: "''"))'"
                default: "\"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
                }
            }
            func flow(_ node: Node) -> String {
                switch node {
                case .scalar(let text, let style): scalar(text, style)
                case .list(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
                case .object(let entries): "{" + entries.map { "\(scalar($0.0, 1)): \(flow($0.1))" }.joined(separator: ", ") + "}"
                }
            }
            func block(_ node: Node, _ indent: String) -> String {
                switch node {
                case .object(let entries) where !entries.isEmpty:
                    return entries.map { key, value in
                        switch value {
                        case .object(let inner) where !inner.isEmpty: "\(indent)\(scalar(key, 1)):\n" + block(value, indent + "  ")
                        case .list(let items) where !items.isEmpty: "\(indent)\(scalar(key, 1)):\n" + block(value, indent + "  ")
                        default: "\(indent)\(scalar(key, 1)): \(flow(value))\n"
                        }
                    }.joined()
                case .list(let items) where !items.isEmpty:
                    return items.map { "\(indent)- \(flow($0))\n" }.joined()
                default:
                    return indent + flow(node) + "\n"
                }
            }
            return block(root, "")
        }
    }

    static let text = Gen<Character?>.element(of: Array("ab1 :-#'\"\\é[]{},&*!|>%@`")).compactMap { $0 }.string(of: 0...6)

    /// A tree shaped by `choices` (consumed in order), with scalars and keys from `texts`.
    static func tree(choices: [Int], texts: [String]) -> Tree.Node {
        var choices = choices.makeIterator(), texts = texts.makeIterator()
        func next() -> Int { choices.next() ?? 0 }
        func text() -> String { texts.next() ?? "t" }
        func node(_ depth: Int) -> Tree.Node {
            switch depth < 4 ? next() % 3 : 0 {
            case 0: return .scalar(text(), style: next())
            case 1: return .list((0..<(next() % 4)).map { _ in node(depth + 1) })
            default:
                var seen = Set<String>()
                // Distinct keys: duplicates are an error in both parsers (tested elsewhere).
                let entries = (0..<(next() % 4)).map { _ in (text(), node(depth + 1)) }
                return .object(entries.filter { seen.insert($0.0).inserted })
            }
        }
        return node(0)
    }

    @Test("random documents in random styles")
    func random() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000).array(of: 1...80), Self.text.array(of: 1...40)) { choices, texts in
            let yaml = Tree(root: Self.tree(choices: choices, texts: texts)).yaml()
            // The writer quotes everything that needs it: both parsers must read it.
            #expect(Self.reference(yaml) != nil, "\(yaml)")
            Self.check(yaml, yaml)
        }
    }
}
