/// `TicketContent` -> `TicketDocument`: the sections a change ticket has, in the order an
/// engineer works through them: summary, findings, pre-checks, implementation,
/// verification, rollback, risks.
public enum TicketLayout {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html
    }

    /// The ticket printed in `format`: deterministic bytes for the same content.
    public static func render(_ content: TicketContent, format: Format) -> String {
        let document = document(for: content)
        switch format {
        case .markdown: return MarkdownWriter.write(document)
        case .html: return HTMLWriter.write(document)
        }
    }

    public static func document(for content: TicketContent) -> TicketDocument {
        var blocks: [TicketDocument.Block] = [.heading(1, RichText(stringLiteral: content.title))]
        blocks += content.overview.map { .paragraph($0) }
        let isChange = content.changeSummary != nil || content.parts.contains { $0.changeSummary != nil }
        blocks.append(.numbered([
            "Run the pre-checks and keep their output with this ticket.",
            isChange ? "Apply the change." : "Apply the implementation configuration.",
            "Run the verification steps and compare with the expected results.",
            "If a step fails as described under Rollback, apply the rollback.",
        ]))
        let many = content.parts.count > 1
        func partHeading(_ part: TicketContent.Part) {
            if many { blocks.append(.heading(3, RichText(stringLiteral: part.heading))) }
        }

        if let summary = content.changeSummary {
            blocks.append(.heading(2, "Change"))
            blocks.append(.bullets(summary.map { RichText(stringLiteral: $0) }))
        }

        blocks.append(.heading(2, "Summary"))
        for part in content.parts {
            partHeading(part)
            if let summary = part.changeSummary, content.changeSummary == nil || many {
                blocks.append(.paragraph("Changes:"))
                blocks.append(.bullets(summary.map { RichText(stringLiteral: $0) }))
            }
            blocks.append(.table(header: ["Virtual interface", "Value"], rows: part.facts.map { [RichText(stringLiteral: $0.label), $0.value] }))
            blocks.append(.table(header: ["Peer"] + part.peerNames.map { RichText.code($0) },
                                 rows: part.peerFacts.map { [RichText(stringLiteral: $0.label)] + $0.values }))
        }

        blocks.append(.heading(2, "Validation findings"))
        if content.findings.isEmpty {
            let files = content.definitionCount == 1 ? "the definition passes" : "the \(content.definitionCount) definitions pass"
            blocks.append(.paragraph(RichText(stringLiteral: "None: \(files) every rule of the cloud, with no warning.")))
        } else {
            blocks.append(.table(header: ["Location", "Severity", "Field", "Finding"], rows: content.findings.map {
                [RichText.code($0.location), RichText(stringLiteral: $0.severity), RichText.code($0.field), RichText(stringLiteral: $0.message)]
            }))
        }

        blocks.append(.heading(2, "Pre-checks"))
        for part in content.parts {
            partHeading(part)
            blocks.append(.paragraph("Before the change, run these \(part.prompt) and keep the output with this ticket: it is the baseline to compare with, and to return to."))
            blocks += checkBlocks(part.preChecks, resultHeader: "What to look for")
        }

        blocks.append(.heading(2, isChange ? "Implementation (the change)" : "Implementation"))
        for part in content.parts {
            partHeading(part)
            blocks.append(.paragraph(RichText(markup: part.applying)))
            if !part.secretNotes.isEmpty { blocks.append(.bullets(part.secretNotes)) }
            blocks.append(.code(part.implementation))
        }

        blocks.append(.heading(2, "Verification"))
        for part in content.parts {
            partHeading(part)
            let bgp = part.verification.contains { $0.title.hasPrefix("BGP session") }
            blocks.append(.paragraph("After the change, run these \(part.prompt).\(bgp ? " BGP sessions can take a minute or two to come up." : "")"))
            blocks += checkBlocks(part.verification, resultHeader: "Expected result")
        }

        blocks.append(.heading(2, "Rollback"))
        for part in content.parts {
            partHeading(part)
            blocks.append(.paragraph("Use it when:"))
            blocks.append(.bullets(part.rollbackWhen))
            blocks.append(.paragraph(isChange
                ? "It reverts exactly this change, back to the configuration before it."
                : "It removes exactly what the implementation adds, in the order the router accepts it (BGP neighbors first, then filters and routes, then the interface). What it deliberately leaves in place is said in its comments."))
            blocks.append(.paragraph(RichText(markup: part.rollingBack)))
            blocks.append(.code(part.rollback))
        }

        blocks.append(.heading(2, "Risks and notes"))
        blocks.append(.bullets(content.risks + content.parts.flatMap(\.risks)))
        return TicketDocument(title: content.title, blocks: blocks)
    }

    /// A table of the checks (the first command of each; the others are in the list) and a
    /// code block with every command, to paste.
    static func checkBlocks(_ checks: [TicketContent.Check], resultHeader: RichText) -> [TicketDocument.Block] {
        let rows = checks.enumerated().map { index, check -> [RichText] in
            var command: RichText = "-"
            if let first = check.commands.first {
                command = .code(first)
                if check.commands.count > 1 {
                    command = command + " (and \(check.commands.count - 1) more in the list below)"
                }
            }
            return [RichText(stringLiteral: String(index + 1)), RichText(stringLiteral: check.title), command, check.expected]
        }
        var blocks: [TicketDocument.Block] = [.table(header: ["#", "Check", "Command", resultHeader], rows: rows)]
        let commands = checks.flatMap(\.commands)
        if !commands.isEmpty {
            blocks.append(.paragraph("All commands, in order:"))
            blocks.append(.code(commands.joined(separator: "\n") + "\n"))
        }
        return blocks
    }
}
