/// Nokia SR OS (MD-CLI). NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct SROSDialect: VendorDialect {
    let id = VendorID.sros
    let platform = "Nokia SR OS (MD-CLI)"
    let sampleParentInterface = "1/1/c1/1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
