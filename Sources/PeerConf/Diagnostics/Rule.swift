/// Every check peerconf makes, with its code (printed in JSON output and usable in
/// scripts), its severity and a one-line summary. The README's rules table is this list.
public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading the file
    case syntax = "syntax"
    case unreadable = "unreadable"
    case limit = "limit"
    case structure = "structure"
    case unknownKey = "unknown-key"
    case apiKeyIgnored = "api-key-ignored"
    case missingField = "missing-field"
    case type = "type"
    case conflictingFields = "conflicting-fields"
    case plaintextSecret = "plaintext-secret"

    // Names and text
    case name = "name"
    case description = "description"
    case vlanRange = "vlan-range"
    case vlanConflict = "vlan-conflict"
    case routerVendor = "router-vendor"
    case routerInterface = "router-interface"

    // Address family and gateways
    case addressFamily = "address-family"
    case peerCount = "peer-count"
    case addressFamilyDuplicate = "address-family-duplicate"
    case gatewayAddress = "gateway-address"
    case gatewayPrefixLengthMismatch = "gateway-prefix-length-mismatch"
    case gatewayIdentical = "gateway-identical"
    case gatewayNotSameSubnet = "gateway-not-same-subnet"
    case gatewayIPv6NotSameSubnet = "gateway-ipv6-not-same-subnet"
    case gatewayNetworkOrBroadcast = "gateway-network-or-broadcast"
    case gatewayPrefixLengthRecommended = "gateway-prefix-length-recommended"
    case gatewaySubnetRouterAnycast = "gateway-subnet-router-anycast"
    case gatewayOverlap = "gateway-overlap"

    // Subnets
    case remoteSubnetCount = "remote-subnet-count"
    case localSubnetCount = "local-subnet-count"
    case subnetSyntax = "subnet-syntax"
    case subnetHostBits = "subnet-host-bits"
    case subnetDuplicate = "subnet-duplicate"
    case subnetNested = "subnet-nested"
    case remoteLocalOverlap = "remote-local-overlap"
    case sharedAddressSpace = "shared-address-space"
    case reservedSubnet = "reserved-subnet"
    case staticNeedsLocalSubnet = "static-needs-local-subnet"

    // Routing
    case routingMode = "routing-mode"
    case multipleConnectionsNeedBGP = "multiple-connections-need-bgp"
    case bgpASNRequired = "bgp-asn-required"
    case asnRange = "asn-range"
    case bgpASNUsedByCloud = "bgp-asn-used-by-cloud"
    case bgpASNEqualsCloudASN = "bgp-asn-equals-cloud-asn"
    case bgpASNReserved = "bgp-asn-reserved"
    case md5KeyRequired = "md5-key-required"
    case md5KeyLength = "md5-key-length"
    case md5KeyCharacters = "md5-key-characters"
    case md5KeyClasses = "md5-key-classes"
    case md5KeySource = "md5-key-source"
    case staticIgnoresBGPFields = "static-ignores-bgp-fields"
    case bfdRange = "bfd-range"
    case routeQuota = "route-quota"

    public var severity: Severity {
        switch self {
        case .apiKeyIgnored, .plaintextSecret, .gatewayIPv6NotSameSubnet,
             .gatewayPrefixLengthRecommended, .gatewaySubnetRouterAnycast, .subnetNested,
             .sharedAddressSpace, .bgpASNReserved, .staticIgnoresBGPFields:
            return .warning
        default:
            return .error
        }
    }

    /// Whether the finding means the input could not be read at all (exit status 2)
    /// rather than a definition that breaks the cloud's rules (exit status 1).
    public var isInputFailure: Bool {
        self == .syntax || self == .unreadable || self == .limit
    }

    public var summary: String {
        switch self {
        case .syntax: "The file is well-formed YAML or JSON (message points at the first syntax error)."
        case .unreadable: "The file (or `--gateway` file) can be read: a regular file (not a directory or device) of UTF-8 text without NUL bytes."
        case .limit: "The file stays within peerconf's input limits: at most 32 MB, 16,000 virtual interfaces, 32 levels of nesting, 16,000 entries per list, 1,000 keys per object, 5,000,000 values, and 100,000 values added by YAML aliases."
        case .structure: "Objects, lists and single values stand where the format expects them; one of `virtual_interface` / `virtual_interfaces` (native) or `virtual_interface` / `vif_peer` (API) at the top."
        case .unknownKey: "No unknown keys in the native format (with a did-you-mean suggestion)."
        case .apiKeyIgnored: "Keys of an API document that peerconf does not know are ignored, with a warning."
        case .missingField: "Required fields are present: `vlan`, and per peer `name`, `address_family`, `local_gateway`, `remote_gateway`, `remote_subnets`, `routing_mode`."
        case .type: "Each value has the right type (integers for VLAN and ASNs, strings for names, lists for subnets)."
        case .conflictingFields: "At most one of `bgp_md5_key`, `bgp_md5_key_env`, `bgp_md5_key_file` (or a command-line key source)."
        case .plaintextSecret: "An MD5 key written literally in a file is a plaintext secret in version control; use `bgp_md5_key_env` or `bgp_md5_key_file`."
        case .name: "Virtual interface, peer and connection names: 1-64 characters, letters, digits, `_`, `-`, `.`."
        case .description: "`description`: at most 128 characters, one line, no control characters."
        case .vlanRange: "`vlan` is an integer from 0 (untagged, layer-3 port) to 3999."
        case .vlanConflict: "On one connection, VLAN IDs are unique, and VLAN 0 is the connection's only virtual interface."
        case .routerVendor: "`router.vendor` is one of the supported vendor ids."
        case .routerInterface: "`router.interface` is an interface name: 1-64 characters, letters, digits, `/`, `.`, `:`, `-`, `_`."
        case .addressFamily: "`address_family` is `ipv4` or `ipv6` (any case)."
        case .peerCount: "A virtual interface has 1 or 2 peers."
        case .addressFamilyDuplicate: "At most one peer per address family on a virtual interface."
        case .gatewayAddress: "Gateways are strict addresses with a prefix length, of the peer's family (no leading zeros, no zone ids, no IPv4-mapped IPv6)."
        case .gatewayPrefixLengthMismatch: "Local and remote gateway have the same prefix length."
        case .gatewayIdentical: "Local and remote gateway are different addresses."
        case .gatewayNotSameSubnet: "IPv4: local and remote gateway are in the same subnet."
        case .gatewayIPv6NotSameSubnet: "IPv6: gateways in different subnets mean the BGP neighbor is not directly connected."
        case .gatewayNetworkOrBroadcast: "IPv4: no gateway is the network or broadcast address of its subnet (/31 has neither, RFC 3021)."
        case .gatewayPrefixLengthRecommended: "IPv4: a /30 link is recommended by the cloud."
        case .gatewaySubnetRouterAnycast: "IPv6: a gateway whose host bits are all zero is the subnet-router anycast address."
        case .gatewayOverlap: "The gateways' subnet overlaps no local subnet and no remote subnet."
        case .remoteSubnetCount: "`remote_subnets` has 1 to 50 entries."
        case .localSubnetCount: "`local_subnets` has at most 50 entries."
        case .subnetSyntax: "Subnets are strict CIDR blocks; remote subnets of the peer's family."
        case .subnetHostBits: "Subnets have all host bits zero (the message suggests the network address)."
        case .subnetDuplicate: "No subnet is listed twice."
        case .subnetNested: "Remote subnets that contain one another are redundant."
        case .remoteLocalOverlap: "No remote subnet overlaps a local subnet."
        case .sharedAddressSpace: "Remote subnets in 100.64.0.0/10 may make OBS, DNS and API Gateway unavailable."
        case .reservedSubnet: "Remote subnets are not loopback, link-local or multicast/reserved space."
        case .staticNeedsLocalSubnet: "Static routing needs at least one local subnet of the peer's family to route to."
        case .routingMode: "`routing_mode` is `static` or `bgp` (any case)."
        case .multipleConnectionsNeedBGP: "When virtual interfaces on two or more connections share a file, every peer uses BGP."
        case .bgpASNRequired: "BGP peers have a `bgp_asn`."
        case .asnRange: "ASNs are 1-4294967295, asplain or asdot `X.Y` with X, Y in 0-65535."
        case .bgpASNUsedByCloud: "`bgp_asn` is not 64512, which the cloud uses."
        case .bgpASNEqualsCloudASN: "`bgp_asn` differs from the virtual gateway's `cloud_asn`."
        case .bgpASNReserved: "`bgp_asn` is not a reserved value (23456, 64496-64511, 65535, 65536-65551, 4294967295)."
        case .md5KeyRequired: "BGP peers have an MD5 key."
        case .md5KeyLength: "The MD5 key has 8 to 255 characters."
        case .md5KeyCharacters: "The MD5 key uses only letters, digits and ``~`!,.:;-_?\"(){}[]/@#$%^&*+|\\=`` (no spaces, no `'`, `<`, `>`, no non-ASCII)."
        case .md5KeyClasses: "The MD5 key mixes at least two of: uppercase, lowercase, digits, special characters."
        case .md5KeySource: "`bgp_md5_key_env` names a set variable; `bgp_md5_key_file` is readable (one trailing newline is dropped)."
        case .staticIgnoresBGPFields: "BGP fields (`bgp_asn`, keys, `anchor_routes`, `bfd`) on a static peer are ignored."
        case .bfdRange: "`bfd.interval_ms` is 200-5000 (default 1000) and `bfd.multiplier` 3-20 (default 5), as the cloud documents."
        case .routeQuota: "Per virtual interface: at most 50 static routes, at most 100 BGP-advertised routes."
        }
    }
}
