/// The JSON Schema of the native format, generated from the same field tables the
/// decoder uses. Editors (the YAML language server) use it to check and complete
/// definition files as they are typed; peerconf's own validation remains the authority
/// for the rules a schema cannot express (overlaps, quotas, keys).
public enum DefinitionSchema {
    public static func json() -> String {
        let interface = object(NativeFormat.interfaceFields, title: "Virtual interface")
        let top: JSONValue = .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://peerconf.invalid/schema/definition-v1.json")),
            ("title", .string("peerconf definition (version 1)")),
            ("description", .string("A Direct Connect virtual interface and its peers, as peerconf validates and renders them.")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("version", .object([("const", .integer(1)), ("description", .string("Format version; 1."))])),
                ("virtual_interface", .object([("$ref", .string("#/definitions/virtual_interface"))])),
                ("virtual_interfaces", .object([
                    ("type", .string("array")), ("minItems", .integer(1)),
                    ("items", .object([("$ref", .string("#/definitions/virtual_interface"))])),
                ])),
            ])),
            ("oneOf", .array([
                .object([("required", .array([.string("virtual_interface")]))]),
                .object([("required", .array([.string("virtual_interfaces")]))]),
            ])),
            ("definitions", .object([
                ("virtual_interface", interface),
                ("peer", peerSchema()),
            ])),
        ])
        return top.serialized() + "\n"
    }

    private static func peerSchema() -> JSONValue {
        guard case .object(var members) = object(NativeFormat.peerFields, title: "Virtual interface peer") else { return .object([]) }
        let keyFields = ["bgp_md5_key", "bgp_md5_key_env", "bgp_md5_key_file"]
        var pairs: [JSONValue] = []
        for (index, first) in keyFields.enumerated() {
            for second in keyFields.dropFirst(index + 1) {
                pairs.append(.object([("required", .array([.string(first), .string(second)]))]))
            }
        }
        members.append(("not", .object([("anyOf", .array(pairs))])))
        members.append(("if", .object([
            ("properties", .object([("routing_mode", .object([("pattern", .string(caseInsensitive("bgp")))]))])),
            ("required", .array([.string("routing_mode")])),
        ])))
        members.append(("then", .object([("required", .array([.string("bgp_asn")]))])))
        return .object(members)
    }

    private static func object(_ fields: [NativeFormat.Field], title: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("title", .string(title)),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(fields.map { ($0.name, schema(for: $0)) })),
        ]
        let required = fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        return .object(members)
    }

    private static func schema(for field: NativeFormat.Field) -> JSONValue {
        var members: [(String, JSONValue)] = [("description", .string(field.summary))]
        switch field.kind {
        case .string(let pattern, let maxLength):
            members.append(("type", .string("string")))
            if let pattern { members.append(("pattern", .string(pattern))) }
            if let maxLength { members.append(("maxLength", .integer(maxLength))) }
        case .integer(let minimum, let maximum):
            members += [("type", .string("integer")), ("minimum", .integer(minimum)), ("maximum", .integer(maximum))]
        case .asn:
            members.append(("oneOf", .array([
                .object([("type", .string("integer")), ("minimum", .integer(1)), ("maximum", .integer(4_294_967_295))]),
                .object([("type", .string("string")), ("pattern", .string("^(0|[1-9][0-9]{0,4})\\.(0|[1-9][0-9]{0,4})$"))]),
            ])))
        case .choice(let choices):
            members.append(("type", .string("string")))
            members.append(("anyOf", .array([
                .object([("enum", .array(choices.map(JSONValue.string)))]),
                .object([("pattern", .string("^(" + choices.map(caseInsensitiveBody).joined(separator: "|") + ")$"))]),
            ])))
        case .boolean:
            members.append(("type", .string("boolean")))
        case .gatewayAddress:
            members.append(("type", .string("string")))
            members.append(("pattern", .string("^[0-9A-Fa-f:.]+/[0-9]{1,3}$")))
        case .prefixList(let maxItems):
            members += [
                ("type", .string("array")), ("maxItems", .integer(maxItems)), ("uniqueItems", .bool(true)),
                ("items", .object([("type", .string("string")), ("pattern", .string("^[0-9A-Fa-f:.]+/[0-9]{1,3}$"))])),
            ]
            if field.required { members.append(("minItems", .integer(1))) }
        case .object(let fields):
            guard case .object(let nested) = object(fields, title: field.name) else { break }
            members += nested.filter { $0.0 != "title" }
        case .objectList(_, let minItems, let maxItems):
            members += [
                ("type", .string("array")), ("minItems", .integer(minItems)), ("maxItems", .integer(maxItems)),
                ("items", .object([("$ref", .string("#/definitions/peer"))])),
            ]
        }
        return .object(members)
    }

    private static func caseInsensitive(_ word: String) -> String { "^" + caseInsensitiveBody(word) + "$" }

    private static func caseInsensitiveBody(_ word: String) -> String {
        word.map { character in
            let lower = character.lowercased(), upper = character.uppercased()
            return lower == upper ? String(character) : "[\(lower)\(upper)]"
        }.joined()
    }
}
