/// A ticket for a change (`peerconf ticket --from OLD NEW`): the ticket of NEW, whose
/// implementation and rollback are only the change and its reverse (`ConfigDelta`).
extension TicketBuilder {
    public static func changeContent(from old: Definition, to new: LoadResult, vendor: VendorID?,
                                     templateOverrides: String? = nil) -> Result<TicketContent, Failure> {
        guard let definition = new.definition else {
            return .failure(.render(RenderFailure(problems: [RenderProblem(vendor: nil, path: new.source, message: "the new definition is invalid")])))
        }
        var content: TicketContent
        switch TicketBuilder.content(for: [new], vendor: vendor, templateOverrides: templateOverrides) {
        case .success(let built): content = built
        case .failure(let failure): return .failure(failure)
        }
        let options = RenderOptions(secrets: .redact, templateOverrides: templateOverrides)
        var summary: [String] = []
        var removed: [String] = []
        for (index, vif) in definition.virtualInterfaces.enumerated() where index < content.parts.count {
            let platform = content.parts[index].vendor
            let changes: [ConfigChange]
            switch ConfigDelta.changes(from: old, to: definition, vendor: platform, options: options) {
            case .success(let computed): changes = computed
            case .failure(let failure): return .failure(.render(failure))
            }
            guard let change = changes.first(where: { $0.virtualInterface == vif.displayName }) else { continue }
            content.parts[index].implementation = change.forward
            // Key notes only for the keys the change sets; keys are printed by `diff`, not `render`.
            content.parts[index].secretNotes = content.parts[index].secretNotes.compactMap { note in
                let text = note.description
                if text.contains("peerconf render ") {
                    return "Or print the change with the keys filled in, on a host where the key source is available: \(RichText.code("peerconf diff \(old.source) \(definition.source) --vendor \(platform.rawValue) --include-secrets")) (its output goes to the router; do not attach it to this ticket)."
                }
                let placeholders = text.components(separatedBy: "<BGP-MD5-KEY:").dropFirst().compactMap { $0.split(separator: ">").first.map { "<BGP-MD5-KEY:\($0)>" } }
                return placeholders.isEmpty || placeholders.contains(where: change.forward.contains) ? note : nil
            }
            content.parts[index].rollback = change.reverse
            content.parts[index].changeSummary = change.summary.isEmpty ? ["no change"] : change.summary
            content.parts[index].risks += change.risks.map { RichText(stringLiteral: $0) }
            summary += change.summary.map { "\(vif.displayName): \($0)" }
            if index == 0 {
                let kept = Set(definition.virtualInterfaces.map(\.displayName))
                removed = changes.filter { !kept.contains($0.virtualInterface) }.map(\.virtualInterface)
            }
        }
        for name in removed {
            summary.append("\(name): virtual interface removed")
            content.risks.append("Virtual interface \(name) is only in \(old.source): remove its configuration with `peerconf diff` (or `peerconf render \(old.source) --rollback`); this ticket does not cover it.")
        }
        content.changeSummary = summary.isEmpty ? ["no change"] : summary
        return .success(content)
    }
}
