/// Where a value sits in the document, printed as `virtual_interface.peers[0].bgp_asn`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public private(set) var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = FieldPath()

    public func appending(_ key: String) -> FieldPath {
        appending(.key(key))
    }

    public func appending(index: Int) -> FieldPath {
        appending(.index(index))
    }

    public func appending(_ component: Component) -> FieldPath {
        // One allocation: `components + [component]` would build the one-element array too.
        var extended: [Component] = []
        extended.reserveCapacity(components.count + 1)
        extended.append(contentsOf: components)
        extended.append(component)
        return FieldPath(extended)
    }

    public var description: String {
        var text = ""
        text.reserveCapacity(48)
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text.append(".") }
                text.append(key)
            case .index(let index):
                text.append("[")
                text.append(String(index))
                text.append("]")
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}

/// A value together with where it was written, so every later finding can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    public var path: FieldPath

    public init(_ value: Value, at location: SourceLocation, path: FieldPath) {
        self.value = value
        self.location = location
        self.path = path
    }

    public func map<Other>(_ transform: (Value) -> Other) -> Located<Other> {
        Located<Other>(transform(value), at: location, path: path)
    }
}
