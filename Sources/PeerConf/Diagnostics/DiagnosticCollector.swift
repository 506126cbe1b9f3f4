/// Gathers findings from every stage so one run reports all of them.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func report(_ rule: Rule, at path: FieldPath, _ location: SourceLocation, _ message: String) {
        report(Diagnostic(rule: rule, path: path.description, message: message, location: location))
    }

    public mutating func report<Value>(_ rule: Rule, on field: Located<Value>, _ message: String) {
        report(rule, at: field.path, field.location, message)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// The findings sorted by position, duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sorted(by: Diagnostic.inReadingOrder)
    }
}
