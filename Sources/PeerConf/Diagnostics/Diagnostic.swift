public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding about a definition: what rule, where, and why.
///
/// Messages never contain an MD5 key: rules that look at keys describe which
/// requirement failed, never the value.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    public var rule: Rule
    /// The field the finding is about, e.g. `virtual_interface.peers[0].bgp_asn`.
    public var path: String
    public var message: String
    public var location: SourceLocation

    public init(rule: Rule, severity: Severity? = nil, path: String, message: String, location: SourceLocation) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.path = path
        self.message = message
        self.location = location
    }

    public var isError: Bool { severity == .error }

    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, path, code, message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(path, forKey: .path)
        try container.encode(rule.rawValue, forKey: .code)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        guard let rule = Rule(rawValue: code) else {
            throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "unknown rule \(code)")
        }
        self.rule = rule
        severity = try container.decode(Severity.self, forKey: .severity)
        path = try container.decode(String.self, forKey: .path)
        message = try container.decode(String.self, forKey: .message)
        location = SourceLocation(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column)
        )
    }
}

extension Diagnostic {
    /// Position order, so output reads top to bottom like the file; ties keep a stable,
    /// content-based order so the same input always prints the same bytes.
    static func inReadingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        return lhs.message < rhs.message
    }
}
