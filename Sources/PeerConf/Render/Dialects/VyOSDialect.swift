/// VyOS 1.4+. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct VyOSDialect: VendorDialect {
    let id = VendorID.vyos
    let platform = "VyOS 1.4+"
    let sampleParentInterface = "eth1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
