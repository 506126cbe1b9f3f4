import PeerConf

/// One round of a measured step over every interface: what the table times and what
/// `--profile` repeats, so that both measure the same work.
enum Rounds {
    static func render(_ intents: [RouterIntent], vendor: VendorID) -> () -> Void {
        let dialect = Dialects.dialect(for: vendor)
        let templates = try! TemplateSet(vendor: vendor)
        let options = RenderOptions(secrets: .redact)
        return { for intent in intents { _ = ConfigRenderer.render(intent, dialect: dialect, templates: templates, options: options) } }
    }

    static func netconf(_ intents: [RouterIntent], model: NetconfModel) -> () -> Void {
        let options = NetconfOptions(secrets: .redact)
        return { for intent in intents { _ = NetconfRenderer.render([intent], model: model, options: options) } }
    }
}
