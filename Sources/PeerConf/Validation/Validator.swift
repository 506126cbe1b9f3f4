/// Checks a draft against every rule and, when nothing is wrong, builds the typed model.
enum Validator {
    static func validate(_ draft: DefinitionDraft, context: ValidationContext, diagnostics: inout DiagnosticCollector) -> Definition? {
        let outcomes = draft.interfaces.map {
            InterfaceValidator(draft: $0, context: context).validate(diagnostics: &diagnostics)
        }
        checkConnections(outcomes, diagnostics: &diagnostics)
        checkVLANs(outcomes, diagnostics: &diagnostics)
        let interfaces = outcomes.compactMap(\.interface)
        guard !diagnostics.hasErrors, interfaces.count == outcomes.count, !interfaces.isEmpty else { return nil }
        return Definition(source: context.source, format: draft.format, virtualInterfaces: interfaces)
    }

    /// "If there are two or more connections, select BGP routing." Interfaces without a
    /// `connection` are assumed to be on connections of their own.
    private static func checkConnections(_ outcomes: [InterfaceValidator.Outcome], diagnostics: inout DiagnosticCollector) {
        let named = Set(outcomes.compactMap(\.connection))
        let connectionCount = named.count + outcomes.filter { $0.connection == nil }.count
        guard connectionCount >= 2 else { return }
        for peer in outcomes.flatMap(\.peers) where peer.routingMode == "static" {
            guard let field = peer.routingModeField else { continue }
            diagnostics.report(.multipleConnectionsNeedBGP, at: field.path, field.location,
                               "this file describes virtual interfaces on \(connectionCount) connections; the cloud requires BGP routing when there are two or more connections")
        }
    }

    /// On one connection, VLAN IDs are unique and VLAN 0 (the untagged port) is alone.
    private static func checkVLANs(_ outcomes: [InterfaceValidator.Outcome], diagnostics: inout DiagnosticCollector) {
        var byConnection: [String: [InterfaceValidator.Outcome]] = [:]
        for outcome in outcomes {
            guard let connection = outcome.connection, outcome.vlan != nil else { continue }
            byConnection[connection, default: []].append(outcome)
        }
        for (connection, members) in byConnection.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            var seen: [Int: FieldPath] = [:]
            for member in members {
                guard let vlan = member.vlan, let field = member.vlanField else { continue }
                if vlan == 0 {
                    diagnostics.report(.vlanConflict, at: field.path, field.location,
                                       "VLAN 0 uses connection \(connection) untagged, so it must be the connection's only virtual interface; \(members.count) share it")
                } else if let first = seen[vlan] {
                    diagnostics.report(.vlanConflict, at: field.path, field.location, "VLAN \(vlan) is already used on connection \(connection) by \(first)")
                } else {
                    seen[vlan] = field.path
                }
            }
        }
    }
}
