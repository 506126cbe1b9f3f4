/// A BGP TCP-MD5 key. Printing it (string interpolation, `dump`, logging) shows a
/// placeholder; only `revealed` gives the key, so a leak has to be written on purpose.
public struct MD5Key: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String
    public let source: Source

    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// Written in the definition file: a plaintext secret.
        case literal(file: String)
        /// Read from an environment variable.
        case environment(String)
        /// Read from a file.
        case file(String)

        public var description: String {
            switch self {
            case .literal(let file): "written in \(file)"
            case .environment(let name): "environment variable \(name)"
            case .file(let path): "file \(path)"
            }
        }
    }

    public init(_ value: String, source: Source) {
        self.value = value
        self.source = source
    }

    /// The key itself, for the one place that must write it into a router configuration.
    public var revealed: String { value }

    public var description: String { "<redacted MD5 key>" }
    public var debugDescription: String { "MD5Key(<redacted>, source: \(source))" }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
