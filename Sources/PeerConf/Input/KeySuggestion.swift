/// "did you mean ...?" for misspelt keys, including the API's names used in the native
/// format and the other way round.
enum KeySuggestion {
    /// Names people bring from the cloud API or from other tools.
    private static let knownConfusions: [String: [String]] = [
        "bgp_md5": ["bgp_md5_key"],
        "md5": ["bgp_md5_key"],
        "md5_key": ["bgp_md5_key"],
        "password": ["bgp_md5_key"],
        "local_gateway_ip": ["local_gateway"],
        "remote_gateway_ip": ["remote_gateway"],
        "route_mode": ["routing_mode"],
        "remote_ep_group": ["remote_subnets"],
        "local_ep_group": ["local_subnets"],
        "vif_peers": ["peers"],
        "asn": ["bgp_asn", "cloud_asn"],
        "vlan_id": ["vlan"],
        "family": ["address_family"],
        "bgp_md5_key_environment": ["bgp_md5_key_env"],
        "bgp_md5_key_path": ["bgp_md5_key_file"],
    ]

    static func suggest(for key: String, among candidates: [String]) -> String? {
        let lowered = key.lowercased()
        if candidates.contains(lowered) { return lowered }
        if let confusions = knownConfusions[lowered], let match = confusions.first(where: candidates.contains) {
            return match
        }
        let scored = candidates.map { (candidate: $0, distance: editDistance(lowered, $0)) }
        if let best = scored.min(by: { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }),
           best.distance <= max(2, min(key.count, best.candidate.count) / 3) {
            return best.candidate
        }
        // A key that is a clipped or extended form of a known one (`bgp_md5` / `bgp_md5_key`).
        let related = candidates.filter { $0.hasPrefix(lowered) || lowered.hasPrefix($0) }
        return related.count == 1 ? related[0] : nil
    }

    /// Levenshtein distance; keys are short, so the quadratic table is fine.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
