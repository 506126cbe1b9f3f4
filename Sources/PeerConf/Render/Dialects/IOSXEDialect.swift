/// Cisco IOS / IOS-XE. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct IOSXEDialect: VendorDialect {
    let id = VendorID.iosXE
    let platform = "Cisco IOS / IOS-XE"
    let sampleParentInterface = "GigabitEthernet0/0/1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
