/// The parsed document before it is interpreted: mappings, sequences and scalars, each
/// with its position. YAML and JSON both arrive here, so later stages see one shape.
///
/// Not `indirect`: the arrays already hold the children out of line, and a boxed case
/// would cost an allocation for every scalar of the file.
public enum SyntaxNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: Scalar, value: SyntaxNode)], SourceLocation)
    case sequence([SyntaxNode], SourceLocation)

    public struct Scalar: Sendable {
        public var text: String
        /// Quoted scalars are always strings; plain ones may be numbers, booleans or null.
        public var isQuoted: Bool
        public var location: SourceLocation

        /// `null`, `~` or nothing, written plainly: the API uses null for "absent".
        public var isNull: Bool {
            !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
        }
    }

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(_, let location), .sequence(_, let location): location
        }
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = self { return scalar.isNull }
        return false
    }

    /// What this node is, in words for "expected X, found Y" messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "null" : "a single value"
        case .mapping: "an object"
        case .sequence: "a list"
        }
    }

    /// The value stored under `key`, when this is a mapping.
    public subscript(key: String) -> SyntaxNode? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.first(where: { $0.key.text == key })?.value
    }
}
