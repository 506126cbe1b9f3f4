/// What a template can print or enter: the view model is built from these, so the engine
/// knows every value's shape without a dynamic cast (a cast to a protocol costs a
/// conformance lookup per value, which made the engine 9x slower than plain string
/// building).
public enum TemplateValue: Sendable {
    /// Printed as is by `{{name}}`; entered once by `{{#name}}` (also when empty).
    case text(String)
    /// Printed as `true`/`false`; `{{#name}}` shows its block when true, without a new scope.
    case flag(Bool)
    /// `{{#name}}` shows its block once per element, each element the innermost scope;
    /// `{{^name}}` shows its block when the list is empty.
    case list([TemplateValue])
    /// Named values; `{{#name}}` shows its block once with this as the innermost scope.
    case object(any TemplateObject)
    /// A list whose elements are the rows of one table (the prefixes of a prefix list):
    /// entering a row costs no value per element.
    case rows(any TemplateRows)

    public init(_ texts: [String]) { self = .list(texts.map(TemplateValue.text)) }

    /// Whether `{{#name}}` shows its block (and `{{^name}}` does not).
    var isShown: Bool {
        switch self {
        case .flag(let value): value
        case .list(let elements): !elements.isEmpty
        case .rows(let rows): rows.count > 0
        case .text, .object: true
        }
    }

    /// Appends a text, or a flag as `true`/`false`, to a render's output; false (nothing
    /// appended) for a list or an object, which cannot be printed.
    func print(into output: inout RenderOutput) -> Bool {
        switch self {
        case .text(let text): output.append(text)
        case .flag(let flag): output.append(flag ? "true" : "false")
        case .list, .object, .rows: return false
        }
        return true
    }
}

/// A scope of named values. Returning nil hands the name to the enclosing scopes.
/// (Classes: a scope is copied onto the render's stack, and a reference copies cheaply.)
public protocol TemplateObject: AnyObject, Sendable {
    func value(for name: TemplateName) -> TemplateValue?
    /// A name outside `TemplateName` (a dialect's own values).
    func value(named name: String) -> TemplateValue?
}

/// Rows of named values; returning nil hands the name to the enclosing scopes.
public protocol TemplateRows: AnyObject, Sendable {
    var count: Int { get }
    func value(for name: TemplateName, row: Int) -> TemplateValue?
    /// Prints `name` of `row` straight into the output, when the rows have it as text or a
    /// flag (false hands the name on). Rows print the same text many times over a batch:
    /// this spares them a String each time.
    func print(_ name: TemplateName, row: Int, into output: inout RenderOutput) -> Bool
}

extension TemplateRows {
    public func print(_ name: TemplateName, row: Int, into output: inout RenderOutput) -> Bool {
        value(for: name, row: row)?.print(into: &output) ?? false
    }
}

/// The usual object: a fixed set of values found by `TemplateName` without hashing, plus
/// any names of a dialect's own.
///
/// The values are kept in the order given and each name maps to its value's place in a
/// byte table: making and destroying an object touches only the values it has. (A slot
/// per name, nearly 70 optional values for an object of a dozen, was a third of the
/// cost of a render, most of it in creating and destroying the empty slots.)
public final class TemplateFields: TemplateObject {
    private let values: [TemplateValue]
    /// For each `TemplateName`, its value's place in `values` plus one; 0 when absent.
    private let places: [UInt8]
    private let others: [String: TemplateValue]

    private static let nameCount = TemplateName.allCases.count

    /// `values` by name (`KeyValuePairs`, not a dictionary: building it hashes nothing),
    /// and `extra`, named by text (a dialect's own values): a known name takes its place
    /// over the common value, as does the later of two values of one name.
    public init(_ values: KeyValuePairs<TemplateName, TemplateValue>, adding extra: [String: TemplateValue] = [:]) {
        var list: [TemplateValue] = []
        list.reserveCapacity(values.count + extra.count)
        var places = [UInt8](repeating: 0, count: Self.nameCount)
        var others: [String: TemplateValue] = [:]
        func place(_ name: TemplateName, _ value: TemplateValue) {
            if places[name.rawValue] != 0 {
                list[Int(places[name.rawValue]) - 1] = value
            } else {
                list.append(value)
                places[name.rawValue] = UInt8(list.count)
            }
        }
        for (name, value) in values { place(name, value) }
        for (text, value) in extra {
            if let name = TemplateName(text: text) { place(name, value) } else { others[text] = value }
        }
        self.values = list
        self.places = places
        self.others = others
    }

    /// Values named by text only.
    public convenience init(named values: [String: TemplateValue]) {
        self.init([:], adding: values)
    }

    public func value(for name: TemplateName) -> TemplateValue? {
        let place = Int(places[name.rawValue])
        return place == 0 ? nil : values[place - 1]
    }

    /// Prints `name`'s value in place (no copy of it): true when printed, false when it is
    /// a list or an object, nil when this object has no such name.
    func print(_ name: TemplateName, into output: inout RenderOutput) -> Bool? {
        let place = Int(places[name.rawValue])
        guard place != 0 else { return nil }
        return values.withUnsafeBufferPointer { $0[place - 1].print(into: &output) }
    }

    public func value(named name: String) -> TemplateValue? { others[name] }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateFields(named: Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
