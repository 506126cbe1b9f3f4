/// The keys of peerconf's own definition format (version 1). The decoder checks keys
/// against these tables and `peerconf schema` is generated from them, so the two
/// cannot drift apart.
enum NativeFormat {
    enum ValueKind: Sendable {
        case string(pattern: String?, maxLength: Int?)
        case integer(minimum: Int, maximum: Int)
        case boolean
        case asn
        case choice([String])
        case prefixList(maxItems: Int)
        case gatewayAddress
        case object([Field])
        case objectList([Field], minItems: Int, maxItems: Int)
    }

    struct Field: Sendable {
        var name: String
        var kind: ValueKind
        var required: Bool = false
        var summary: String
    }

    static let namePattern = "^[A-Za-z0-9_.-]{1,64}$"

    static let routerFields: [Field] = [
        Field(name: "vendor", kind: .choice(VendorID.allCases.map(\.rawValue)), summary: "The customer router's platform; the default vendor for `peerconf render`."),
        Field(name: "interface", kind: .string(pattern: "^[A-Za-z0-9][A-Za-z0-9/.:_-]{0,63}$", maxLength: 64), summary: "The physical interface facing the cloud (the VLAN subinterface is derived from it)."),
    ]

    static let peerFields: [Field] = [
        Field(name: "name", kind: .string(pattern: namePattern, maxLength: 64), required: true, summary: "Peer name: 1-64 letters, digits, `_`, `-`, `.`."),
        Field(name: "address_family", kind: .choice(["ipv4", "ipv6"]), required: true, summary: "IP version of the peer: ipv4 or ipv6 (any case)."),
        Field(name: "local_gateway", kind: .gatewayAddress, required: true, summary: "The cloud's address on the link, with prefix length (e.g. 192.168.0.1/30)."),
        Field(name: "remote_gateway", kind: .gatewayAddress, required: true, summary: "The customer router's address on the link, with prefix length (e.g. 192.168.0.2/30)."),
        Field(name: "remote_subnets", kind: .prefixList(maxItems: 50), required: true, summary: "Customer (on-premises) subnets in CIDR notation, 1 to 50."),
        Field(name: "routing_mode", kind: .choice(["static", "bgp"]), required: true, summary: "static or bgp."),
        Field(name: "bgp_asn", kind: .asn, summary: "The customer's BGP ASN: 1-4294967295 or asdot \"X.Y\"; not 64512."),
        Field(name: "bgp_md5_key", kind: .string(pattern: nil, maxLength: 255), summary: "The MD5 key itself. Prefer bgp_md5_key_env or bgp_md5_key_file: a key in a file ends up in version control."),
        Field(name: "bgp_md5_key_env", kind: .string(pattern: "^[A-Za-z_][A-Za-z0-9_]*$", maxLength: nil), summary: "Name of the environment variable holding the MD5 key."),
        Field(name: "bgp_md5_key_file", kind: .string(pattern: nil, maxLength: nil), summary: "Path of a file holding the MD5 key (relative to the definition file); one trailing newline is ignored."),
        Field(name: "description", kind: .string(pattern: nil, maxLength: 128), summary: "Free text, one line, at most 128 characters."),
        Field(name: "anchor_routes", kind: .boolean, summary: "BGP: originate each remote subnet with a discard (null) route so it is advertised even when not otherwise in the routing table. Default true."),
        Field(name: "bfd", kind: .object(bfdFields), summary: "BGP: enable BFD on the session. `bfd: {}` uses the cloud's defaults (1000 ms, multiplier 5)."),
    ]

    static let bfdFields: [Field] = [
        Field(name: "interval_ms", kind: .integer(minimum: 200, maximum: 5000), summary: "Transmit and receive interval in milliseconds, 200-5000. Default 1000."),
        Field(name: "multiplier", kind: .integer(minimum: 3, maximum: 20), summary: "Detection multiplier, 3-20. Default 5."),
    ]

    static let interfaceFields: [Field] = [
        Field(name: "name", kind: .string(pattern: namePattern, maxLength: 64), summary: "Virtual interface name: 1-64 letters, digits, `_`, `-`, `.`."),
        Field(name: "connection", kind: .string(pattern: namePattern, maxLength: 64), summary: "The physical connection carrying this virtual interface."),
        Field(name: "vlan", kind: .integer(minimum: 0, maximum: 3999), required: true, summary: "VLAN ID 0-3999; 0 means untagged (layer-3 port)."),
        Field(name: "cloud_asn", kind: .asn, summary: "The virtual gateway's BGP ASN (the cloud side). Default 64512."),
        Field(name: "local_subnets", kind: .prefixList(maxItems: 50), summary: "The virtual gateway's (cloud-side) subnets, IPv4 and IPv6."),
        Field(name: "router", kind: .object(routerFields), summary: "The customer device terminating this virtual interface."),
        Field(name: "peers", kind: .objectList(peerFields, minItems: 1, maxItems: 2), required: true, summary: "One or two peers: at most one IPv4 and one IPv6."),
    ]

    static let topFields: [Field] = [
        Field(name: "version", kind: .integer(minimum: 1, maximum: 1), summary: "Format version; 1."),
        Field(name: "virtual_interface", kind: .object(interfaceFields), summary: "One virtual interface."),
        Field(name: "virtual_interfaces", kind: .objectList(interfaceFields, minItems: 1, maxItems: InputLimits.maximumVirtualInterfaces), summary: "Several virtual interfaces."),
    ]

    static func names(_ fields: [Field]) -> [String] { fields.map(\.name) }

    /// The keys of each object, built once for the decoder, which checks every object.
    static let topKeys = names(topFields)
    static let interfaceKeys = names(interfaceFields)
    static let routerKeys = names(routerFields)
    static let peerKeys = names(peerFields)
    static let bfdKeys = names(bfdFields)
}
