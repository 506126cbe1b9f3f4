/// BFD timers for platforms that set them once per interface (`bfd interval ... min_rx ...
/// multiplier ...` on IOS-XE, NX-OS and EOS) while a definition gives them per peer. The
/// interface carries the first BFD peer's timers; a peer asking for different ones, or for an
/// interval the platform cannot take, gets a comment line saying what was used instead.
///
/// Values for templates (through each dialect's `extraContext`):
/// - `interfaceBFD`: `false`, or `interval` (milliseconds) and `multiplier`;
/// - `bfdNotes`: lines (without comment marker) explaining any difference from the definition.
enum InterfaceBFD {
    static func context(for intent: RouterIntent, platform: String, maximumInterval: Int = Int.max) -> [String: TemplateValue] {
        let peers = intent.peers.compactMap { peer in peer.bgp?.bfd.map { (peer.name, $0) } }
        guard let (firstName, first) = peers.first else {
            return ["interfaceBFD": false, "bfdNotes": []]
        }
        let interval = min(first.intervalMilliseconds, maximumInterval)
        var notes: [String] = []
        if interval != first.intervalMilliseconds {
            // RFC 5880 6.8.3: each end transmits at the slower of its own desired interval and
            // the other end's required receive interval, so the session still runs at the
            // cloud's (slower) rate.
            notes.append("\(platform) takes a BFD interval of at most \(maximumInterval) ms; peer \(firstName) asks for \(first.intervalMilliseconds) ms, and BFD negotiates the slower rate of both ends, so the session runs at \(first.intervalMilliseconds) ms.")
        }
        for (name, other) in peers.dropFirst() where other != first {
            notes.append("Peer \(name) asks for BFD every \(other.intervalMilliseconds) ms x \(other.multiplier); \(platform) has one BFD setting per interface, so it uses peer \(firstName)'s \(first.intervalMilliseconds) ms x \(first.multiplier).")
        }
        return [
            "interfaceBFD": ["interval": .text(String(interval)), "multiplier": .text(String(first.multiplier))],
            "bfdNotes": TemplateValue(notes),
        ]
    }
}
