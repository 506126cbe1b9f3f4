/// MikroTik RouterOS 7. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct RouterOSDialect: VendorDialect {
    let id = VendorID.routerOS
    let platform = "MikroTik RouterOS 7"
    let sampleParentInterface = "ether1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
