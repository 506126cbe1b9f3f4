/// Every platform peerconf renders for.
public enum Dialects {
    public static func dialect(for vendor: VendorID) -> any VendorDialect {
        switch vendor {
        case .iosXE: IOSXEDialect()
        case .iosXR: IOSXRDialect()
        case .nxOS: NXOSDialect()
        case .junos: JunosDialect()
        case .eos: EOSDialect()
        case .vrp: VRPDialect()
        case .sros: SROSDialect()
        case .routerOS: RouterOSDialect()
        case .frr: FRRDialect()
        case .bird: BIRDDialect()
        case .vyos: VyOSDialect()
        }
    }

    public static var all: [any VendorDialect] { VendorID.allCases.map(dialect(for:)) }
}
