/// Large, valid, deterministic definitions for benchmarks and scale tests: the same seed
/// gives the same bytes on every machine. Interfaces are dual stack and carry 1-50 remote
/// subnets per peer from disjoint address pools; up to 3,999 of them share one connection
/// (so static routing stays legal) and mix static and BGP.
public struct SyntheticDefinitions {
    public var seed: UInt64

    public init(seed: UInt64 = 2026) {
        self.seed = seed
    }

    /// The environment variable every BGP peer reads its key from, and its value.
    public static let keyVariable = "PEERCONF_BENCH_KEY"
    public static let keyValue = "Bench-Key.2026"

    /// VLANs 1-3999 are unique per connection: one connection carries this many interfaces.
    public static let interfacesPerConnection = 3_999

    /// A native YAML document with `count` virtual interfaces (at most 16,000). Up to
    /// 3,999 interfaces share the connection `<prefix>1` and mix static and BGP routing;
    /// larger documents spread the interfaces over `<prefix>1`, `<prefix>2`, ... (3,999
    /// VLANs each) and, as the cloud requires for several connections in one file, every
    /// peer uses BGP. 10,000 interfaces are about 20 MB.
    /// Interfaces are named `<namePrefix><index>`: give each file of a batch its own prefix,
    /// since output files are named after the interfaces.
    public func yaml(interfaces count: Int, connectionPrefix: String = "dc-bench-", namePrefix: String = "vif-") -> String {
        precondition(count <= 16_000, "link and VLAN pools hold 16,000 interfaces")
        let onlyBGP = count > Self.interfacesPerConnection
        var random = SplitMix64(seed: seed)
        var nextV4Subnet: UInt32 = 0   // /27s in 10.0.0.0/8
        var nextV6Subnet: UInt32 = 0   // /56s in 2001:db8:8000::/33
        var text = "version: 1\nvirtual_interfaces:\n"
        text.reserveCapacity(count * 1_800)
        for index in 0..<count {
            let bgp = random.next() % 3 != 0 || onlyBGP
            // The cloud allows 50 static routes per interface in all, 50 subnets per peer.
            let perPeer: UInt64 = bgp ? 50 : 25
            let v4Count = Int(random.next() % perPeer) + 1
            let v6Count = Int(random.next() % perPeer) + 1
            let link = UInt32(index) * 4   // /30s in 192.168.0.0/16 and beyond into 192.169.x
            let asn = 65_000 + UInt32(index % 500)
            text += "  - name: \(namePrefix)\(index)\n"
            text += "    connection: \(connectionPrefix)\(index / Self.interfacesPerConnection + 1)\n"
            text += "    vlan: \(index % Self.interfacesPerConnection + 1)\n"
            text += "    local_subnets: [172.31.0.0/16, \"2001:db8:ffff::/48\"]\n"
            text += "    peers:\n"
            text += "      - name: v4-\(index)\n"
            text += "        address_family: ipv4\n"
            text += "        local_gateway: \(ipv4(0xC0A8_0000 + link + 1))/30\n"
            text += "        remote_gateway: \(ipv4(0xC0A8_0000 + link + 2))/30\n"
            text += "        remote_subnets: ["
            text += (0..<v4Count).map { _ in
                defer { nextV4Subnet += 1 }
                return ipv4(0x0A00_0000 + nextV4Subnet * 32) + "/27"
            }.joined(separator: ", ")
            text += "]\n" + routing(bgp: bgp, asn: asn)
            let linkV6 = String(index + 1, radix: 16)
            text += "      - name: v6-\(index)\n"
            text += "        address_family: ipv6\n"
            text += "        local_gateway: \"2001:db8:\(linkV6)::1/64\"\n"
            text += "        remote_gateway: \"2001:db8:\(linkV6)::2/64\"\n"
            text += "        remote_subnets: ["
            text += (0..<v6Count).map { _ in
                defer { nextV6Subnet += 1 }
                let block = 0x80_0000 + nextV6Subnet   // /56s: 2001:db8:HHHH:LL00::/56 from 2001:db8:8000::
                return "\"2001:db8:\(String(block >> 8, radix: 16)):\(String((block & 0xFF) << 8, radix: 16))::/56\""
            }.joined(separator: ", ")
            text += "]\n" + routing(bgp: bgp, asn: asn)
        }
        return text
    }

    private func routing(bgp: Bool, asn: UInt32) -> String {
        guard bgp else { return "        routing_mode: static\n" }
        return "        routing_mode: bgp\n        bgp_asn: \(asn)\n        bgp_md5_key_env: \(Self.keyVariable)\n        description: Synthetic peer\n"
    }

    private func ipv4(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}

/// A small, fast, portable generator (Steele, Lea, Flood 2014): identical sequences on
/// every platform, unlike the system generator.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
