import Testing
@testable import PeerConf

/// One rule applied to one document: the finding it must produce (or that it must not).
struct RuleCase: CustomTestStringConvertible, Sendable {
    var label: String
    var rule: Rule
    var text: String
    var environment: [String: String]
    /// Expected path, line and column; nil for a case that must pass the rule.
    var expected: (path: String, line: Int, column: Int)?
    var options: LoadOptions?

    var testDescription: String { label }

    /// A change to the valid document that must break `rule` at `path`'s value (or key).
    static func failing(_ label: String, _ rule: Rule, _ document: DefinitionDocument, at path: String,
                        pointingAt position: Position = .value, environment: [String: String]? = nil) -> RuleCase {
        let (line, column): (Int, Int)
        switch position {
        case .value: (line, column) = document.position(of: path)
        case .key(let field): (line, column) = document.keyPosition(of: field)
        case .entry(let text, let occurrence):
            let base = document.position(of: path)
            let value = document.lines.first { $0.path == path }!.value!
            var searchStart = value.startIndex
            var found = value.startIndex
            for _ in 0...occurrence {
                found = value.range(of: text, range: searchStart..<value.endIndex)!.lowerBound
                searchStart = value.index(after: found)
            }
            (line, column) = (base.line, base.column + value.distance(from: value.startIndex, to: found))
        }
        var expectedPath = path
        if case .entry(let text, let occurrence) = position {
            let value = document.lines.first { $0.path == path }!.value!
            let items = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).components(separatedBy: ", ")
            let index = items.indices.filter { items[$0] == text }[occurrence]
            expectedPath = "\(path)[\(index)]"
        }
        return RuleCase(label: label, rule: rule, text: document.text,
                        environment: environment ?? [DefinitionDocument.keyVariable: DefinitionDocument.goodKey],
                        expected: (expectedPath, line, column))
    }

    static func failing(_ label: String, _ rule: Rule, text: String, at path: String, line: Int, column: Int,
                        environment: [String: String] = [:], options: LoadOptions? = nil) -> RuleCase {
        RuleCase(label: label, rule: rule, text: text, environment: environment, expected: (path, line, column), options: options)
    }

    static func passing(_ label: String, _ rule: Rule, _ document: DefinitionDocument, environment: [String: String]? = nil) -> RuleCase {
        RuleCase(label: label, rule: rule, text: document.text,
                 environment: environment ?? [DefinitionDocument.keyVariable: DefinitionDocument.goodKey], expected: nil)
    }

    static func passing(_ label: String, _ rule: Rule, text: String, environment: [String: String] = [:], options: LoadOptions? = nil) -> RuleCase {
        RuleCase(label: label, rule: rule, text: text, environment: environment, expected: nil, options: options)
    }

    enum Position {
        case value
        /// The key of another field (findings about a missing field point at its object).
        case key(String)
        /// One entry of a flow list value (`occurrence` counts repeated text from 0).
        case entry(String, occurrence: Int = 0)
    }

    func run() -> LoadResult {
        var options = self.options ?? LoadOptions()
        options.environment = environment
        return DefinitionLoader.load(text: text, source: DefinitionDocument.file, options: options)
    }

    /// Checks the case: the finding is there with the rule's severity, path and position,
    /// or (passing case) no finding of this rule at all.
    func verify() {
        let result = run()
        let findings = result.findings(rule)
        guard let expected else {
            #expect(findings.isEmpty, "\(label): expected no '\(rule.rawValue)' finding, got:\n\(result.dump)")
            return
        }
        let match = findings.first {
            $0.path == expected.path && $0.location.line == expected.line && $0.location.column == expected.column
        }
        #expect(match != nil, "\(label): expected '\(rule.rawValue)' at \(expected.path) \(expected.line):\(expected.column), got:\n\(result.dump)")
        #expect(match?.severity == rule.severity)
        #expect(match?.location.file == DefinitionDocument.file)
        if rule.severity == .error {
            #expect(result.definition == nil, "\(label): an error finding must withhold the model")
        }
    }
}

import Foundation
