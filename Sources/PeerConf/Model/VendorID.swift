/// The router platforms peerconf renders configuration for (`router.vendor`, `--vendor`).
public enum VendorID: String, Sendable, Hashable, CaseIterable, Codable {
    case iosXE = "ios-xe"
    case iosXR = "ios-xr"
    case nxOS = "nx-os"
    case junos = "junos"
    case eos = "eos"
    case vrp = "vrp"
    case sros = "sros"
    case routerOS = "routeros"
    case frr = "frr"
    case bird = "bird"
    case vyos = "vyos"

    /// Every vendor's name, in declaration order.
    static let names = allCases.map(\.rawValue)
}
