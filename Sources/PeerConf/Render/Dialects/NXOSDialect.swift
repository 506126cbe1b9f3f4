/// Cisco NX-OS. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct NXOSDialect: VendorDialect {
    let id = VendorID.nxOS
    let platform = "Cisco NX-OS"
    let sampleParentInterface = "Ethernet1/1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
