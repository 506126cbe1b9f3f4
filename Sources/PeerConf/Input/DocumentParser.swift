import CYaml
import Foundation

/// Turns text into a `SyntaxNode` tree. YAML and JSON share this path (JSON is YAML's
/// flow style), so the format is decided by content, never by the file name.
///
/// The tree is built straight from libyaml's events (libyaml ships inside Yams), without
/// recursion and without Yams' tag resolution, so that every limit in `InputLimits` is
/// checked while reading, before anything large is built: a document nesting too deep
/// stops at the first level too many, and a YAML alias is counted as the values it
/// stands for without copying them, so an alias bomb costs its own few lines. It is also
/// about 5 times faster than composing a `Yams.Node` tree and converting it.
public enum DocumentParser {
    public static var maximumDepth: Int { InputLimits.maximumDepth }
    public static var maximumNodeCount: Int { InputLimits.maximumValueCount }

    /// The limits the parser checks; tests lower them to reach each check cheaply.
    struct Limits: Sendable {
        var maximumDepth = InputLimits.maximumDepth
        var maximumListLength = InputLimits.maximumListLength
        var maximumObjectSize = InputLimits.maximumObjectSize
        var maximumValueCount = InputLimits.maximumValueCount
        var maximumAliasExpansion = InputLimits.maximumAliasExpansion
    }

    public static func parse(_ text: String, file: String) -> Result<SyntaxNode, ParseFailure> {
        parse(text, file: file, limits: Limits())
    }

    static func parse(_ text: String, file: String, limits: Limits) -> Result<SyntaxNode, ParseFailure> {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Result<SyntaxNode, ParseFailure> in
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
                let location = SourceLocation.of(byteOffset: offset, in: text, file: file)
                return .failure(ParseFailure(message: "the file contains a NUL byte (offset \(offset)); it is not a text definition", location: location))
            }
            guard !bytes.isEmpty else {
                return .failure(ParseFailure(message: "the document is empty", location: .start(of: file)))
            }
            var composer = Composer(file: file, limits: limits)
            return composer.compose(bytes)
        }
        return result ?? .failure(ParseFailure(message: "cannot read the text", location: .start(of: file)))
    }

    /// One document from libyaml's event stream, with an explicit stack of open objects
    /// and lists.
    private struct Composer {
        let file: String
        let limits: Limits

        /// An object or list being read.
        struct Frame {
            var isMapping: Bool
            var location: SourceLocation
            var anchor: String?
            var items: [SyntaxNode] = []
            var entries: [(key: SyntaxNode.Scalar, value: SyntaxNode)] = []
            var pendingKey: SyntaxNode.Scalar?
            /// Keys seen, once the object is large enough for a set to pay off.
            var keySet: Set<String>?
            /// The keys so far, in order, for the duplicate check of small objects: searching
            /// `entries` would copy every (key, value) pair compared.
            var keys: [String] = []
            /// Values in this subtree (itself included) and its height (0 for a scalar).
            var size = 1
            var height = 0
        }

        /// A completed node that an alias can stand for.
        struct Anchored {
            var node: SyntaxNode
            var size: Int
            var height: Int
        }

        var stack: [Frame] = []
        var anchors: [String: Anchored] = [:]
        var root: SyntaxNode?
        var valueCount = 0
        var aliasExpansion = 0

        init(file: String, limits: Limits) {
            self.file = file
            self.limits = limits
        }

        mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<SyntaxNode, ParseFailure> {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(ParseFailure(message: "cannot start the YAML parser (out of memory)", location: .start(of: file)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // The buffer outlives the parser: both end with `parse`'s closure.
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(failure(from: parser))
                }
                defer { yaml_event_delete(&event) }
                let location = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                do {
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        guard let root else {
                            return .failure(ParseFailure(message: "the document is empty", location: .start(of: file)))
                        }
                        return .success(root)
                    case YAML_DOCUMENT_START_EVENT:
                        documents += 1
                        if documents > 1 {
                            return .failure(ParseFailure(message: "but found another document (expected a single document in the stream at line 1, column 1)", location: location))
                        }
                    case YAML_SCALAR_EVENT:
                        let scalar = event.data.scalar
                        let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                        let node = SyntaxNode.Scalar(text: text, isQuoted: scalar.style != YAML_PLAIN_SCALAR_STYLE, location: location)
                        try enter(at: location, height: 0, size: 1)
                        try complete(.scalar(node), size: 1, height: 0, anchor: Self.string(scalar.anchor))
                    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                        let isMapping = event.type == YAML_MAPPING_START_EVENT
                        // By index: `stack.last` would copy the whole open frame.
                        if let top = stack.indices.last, stack[top].isMapping, stack[top].pendingKey == nil {
                            throw ParseFailure(message: "a key must be a single value, not an object or a list", location: location)
                        }
                        try enter(at: location, height: 0, size: 1)
                        let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                        stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor))
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                        let frame = stack.removeLast()
                        let node: SyntaxNode = frame.isMapping ? .mapping(frame.entries, frame.location) : .sequence(frame.items, frame.location)
                        try complete(node, size: frame.size, height: frame.height, anchor: frame.anchor)
                    case YAML_ALIAS_EVENT:
                        let name = Self.string(event.data.alias.anchor) ?? ""
                        guard let anchored = anchors[name] else {
                            throw ParseFailure(message: "found undefined alias", location: location)
                        }
                        aliasExpansion += anchored.size
                        guard aliasExpansion <= limits.maximumAliasExpansion else {
                            throw ParseFailure(limit: "YAML aliases expand to more than \(limits.maximumAliasExpansion) values (an alias bomb?); write the values out instead of repeating aliases", location: location)
                        }
                        try enter(at: location, height: anchored.height, size: anchored.size)
                        try complete(anchored.node, size: anchored.size, height: anchored.height, anchor: nil)
                    default:
                        break
                    }
                } catch let failure as ParseFailure {
                    return .failure(failure)
                } catch {
                    return .failure(ParseFailure(message: "\(error)", location: location))
                }
            }
        }

        /// Checks the limits for a node of `size` values and `height` levels about to be
        /// added below the open objects and lists.
        private mutating func enter(at location: SourceLocation, height: Int, size: Int) throws {
            valueCount += size
            guard valueCount <= limits.maximumValueCount else {
                throw ParseFailure(limit: "the document has more than \(limits.maximumValueCount) values; refusing to read it", location: location)
            }
            guard stack.count + height <= limits.maximumDepth else {
                throw ParseFailure(limit: "the document nests deeper than \(limits.maximumDepth) levels", location: location)
            }
        }

        /// Attaches a finished node to the object or list that holds it.
        private mutating func complete(_ node: consuming SyntaxNode, size: Int, height: Int, anchor: String?) throws {
            if let anchor {
                anchors[anchor] = Anchored(node: copy node, size: size, height: height)
            }
            guard !stack.isEmpty else {
                root = consume node
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            stack[top].height = max(stack[top].height, height + 1)
            if !stack[top].isMapping {
                guard stack[top].items.count < limits.maximumListLength else {
                    throw ParseFailure(limit: listTooLong(stack[top]), location: node.location)
                }
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey.take() {
                stack[top].entries.append((key, node))
            } else {
                guard case .scalar(let key) = node else {
                    throw ParseFailure(message: "a key must be a single value, not an object or a list", location: node.location)
                }
                try addKey(key, to: top)
            }
        }

        /// The message for a list over the limit, naming its key when it has one; the
        /// longest real list is `virtual_interfaces`.
        private func listTooLong(_ frame: Frame) -> String {
            let limit = limits.maximumListLength
            let owner = stack.count >= 2 ? stack[stack.count - 2].pendingKey?.text : nil
            switch owner {
            case "virtual_interfaces"?:
                return "'virtual_interfaces' has more than \(limit) entries; peerconf reads at most \(limit) virtual interfaces per file: split the batch into several files"
            case let key?:
                return "'\(key)' has more than \(limit) entries; refusing to read it"
            case nil:
                return "a list has more than \(limit) entries; refusing to read it"
            }
        }

        private mutating func addKey(_ key: SyntaxNode.Scalar, to index: Int) throws {
            let count = stack[index].entries.count
            guard count < limits.maximumObjectSize else {
                throw ParseFailure(limit: "an object has more than \(limits.maximumObjectSize) keys; refusing to read it", location: key.location)
            }
            let duplicate: Bool
            if stack[index].keySet != nil {
                duplicate = !stack[index].keySet!.insert(key.text).inserted
            } else {
                duplicate = stack[index].keys.contains(key.text)
                if count >= 16 {
                    stack[index].keySet = Set(stack[index].keys + [key.text])
                    stack[index].keys = []
                } else {
                    stack[index].keys.append(key.text)
                }
            }
            if duplicate {
                let first = stack[index].entries.first { $0.key.text == key.text }?.key.location
                let earlier = first.map { " (first at line \($0.line), column \($0.column))" } ?? ""
                throw ParseFailure(message: "duplicate key '\(key.text)' in the same object\(earlier)", location: key.location)
            }
            stack[index].pendingKey = key
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        /// libyaml's own message, located at the problem.
        private func failure(from parser: yaml_parser_t) -> ParseFailure {
            let problem = parser.problem.map { String(cString: $0) } ?? "cannot parse the document"
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return ParseFailure(message: "out of memory while parsing", location: .start(of: file))
            case YAML_READER_ERROR:
                return ParseFailure(message: "\(problem) at byte offset \(parser.problem_offset)", location: .start(of: file))
            default:
                let location = SourceLocation(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
                // libyaml's own nesting limit (1,000) is met first when its look-ahead runs
                // through a long stretch of opening brackets.
                if problem.hasPrefix("Maximum nesting level reached") {
                    return ParseFailure(limit: "the document nests deeper than \(limits.maximumDepth) levels", location: location)
                }
                var message = problem
                if let context = parser.context {
                    message += " (\(String(cString: context)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
                }
                return ParseFailure(message: message, location: location)
            }
        }
    }
}

/// Why a document could not be parsed, located at the offending character.
public struct ParseFailure: Error, Sendable {
    public var message: String
    public var location: SourceLocation
    /// The document broke one of `InputLimits` (rule `limit`) rather than YAML's syntax.
    public var isLimit: Bool

    public init(message: String, location: SourceLocation, isLimit: Bool = false) {
        self.message = message
        self.location = location
        self.isLimit = isLimit
    }

    init(limit message: String, location: SourceLocation) {
        self.init(message: message, location: location, isLimit: true)
    }
}

extension SourceLocation {
    /// The line and column (in characters) of a byte offset of `text`.
    static func of(byteOffset: Int, in text: String, file: String) -> SourceLocation {
        let utf8 = text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(byteOffset, utf8.count))
        var line = 1
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < end {
            if utf8[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        let column = String(decoding: utf8[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
