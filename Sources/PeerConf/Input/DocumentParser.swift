import Yams

/// Turns text into a `SyntaxNode` tree. YAML and JSON share this path (JSON is YAML's
/// flow style), so the format is decided by content, never by the file name.
public enum DocumentParser {
    /// Limits that keep a hostile document from taking the process down. Real
    /// definitions are shallow (about 6 levels) and have a few dozen nodes per interface.
    public static let maximumDepth = 32
    public static let maximumNodeCount = 5_000_000

    public static func parse(_ text: String, file: String) -> Result<SyntaxNode, ParseFailure> {
        if let index = text.utf8.firstIndex(of: 0) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
            return .failure(ParseFailure(message: "the file contains a NUL byte (offset \(offset)); it is not a text definition", location: .start(of: file)))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(ParseFailure(error, file: file))
        } catch {
            return .failure(ParseFailure(message: "cannot parse: \(error)", location: .start(of: file)))
        }
        guard let root else {
            return .failure(ParseFailure(message: "the document is empty", location: .start(of: file)))
        }
        var converter = Converter(file: file)
        do {
            return .success(try converter.convert(root, depth: 0))
        } catch let failure as ParseFailure {
            return .failure(failure)
        } catch {
            return .failure(ParseFailure(message: "\(error)", location: .start(of: file)))
        }
    }

    private struct Converter {
        let file: String
        var nodeCount = 0

        mutating func convert(_ node: Node, depth: Int) throws -> SyntaxNode {
            nodeCount += 1
            let location = self.location(of: node)
            guard nodeCount <= DocumentParser.maximumNodeCount else {
                throw ParseFailure(message: "the document expands to more than \(DocumentParser.maximumNodeCount) values (YAML aliases?); refusing to read it", location: location)
            }
            guard depth <= DocumentParser.maximumDepth else {
                throw ParseFailure(message: "the document nests deeper than \(DocumentParser.maximumDepth) levels", location: location)
            }
            switch node {
            case .scalar(let scalar):
                return .scalar(.init(text: scalar.string, isQuoted: scalar.style != .plain, location: location))
            case .mapping(let mapping):
                var entries: [(key: SyntaxNode.Scalar, value: SyntaxNode)] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        throw ParseFailure(message: "a key must be a single value, not an object or a list", location: self.location(of: key))
                    }
                    let convertedKey = SyntaxNode.Scalar(text: keyScalar.string, isQuoted: keyScalar.style != .plain, location: self.location(of: key))
                    entries.append((convertedKey, try convert(value, depth: depth + 1)))
                }
                return .mapping(entries, location)
            case .sequence(let sequence):
                var items: [SyntaxNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    items.append(try convert(item, depth: depth + 1))
                }
                return .sequence(items, location)
            case .alias:
                throw ParseFailure(message: "unresolved YAML alias", location: location)
            }
        }

        func location(of node: Node) -> SourceLocation {
            guard let mark = node.mark else { return .start(of: file) }
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        }
    }
}

/// Why a document could not be parsed, located at the offending character.
public struct ParseFailure: Error, Sendable {
    public var message: String
    public var location: SourceLocation

    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    init(_ error: YamlError, file: String) {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            self.init(message: message, location: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init(message: "duplicate key \(keys) in the same object", location: at(context.mark))
        case .reader(let problem, let offset, _, _):
            let suffix = offset.map { " at byte offset \($0)" } ?? ""
            self.init(message: "\(problem)\(suffix)", location: .start(of: file))
        default:
            self.init(message: "\(error)", location: .start(of: file))
        }
    }
}
