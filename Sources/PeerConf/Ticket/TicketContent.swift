/// Everything a change ticket says, as data: built from validated definitions by
/// `TicketBuilder`, laid out by `TicketLayout`, printed by `MarkdownWriter` or `HTMLWriter`.
///
/// For a change between two definitions, build the content of the new definition and
/// replace each part's `implementation` and `rollback` with the forward and reverse
/// change, and set `changeSummary` (ticket-wide and/or per part): the layout then calls
/// the sections "the change" and "reverting the change".
public struct TicketContent: Sendable {
    public var title: String
    /// Opening paragraphs.
    public var overview: [RichText]
    /// One line per change, for a ticket that carries a change rather than a whole
    /// configuration; nil for a new configuration.
    public var changeSummary: [String]?
    /// One part per virtual interface, in file order.
    public var parts: [Part]
    /// The validation findings of every definition (warnings: an invalid definition gets no ticket).
    public var findings: [Finding]
    /// How many definition files were checked.
    public var definitionCount: Int
    /// Ticket-wide notes on risk.
    public var risks: [RichText]

    public struct Part: Sendable {
        /// E.g. `vif-dual (VLAN 1001) on Cisco IOS / IOS-XE`.
        public var heading: String
        public var vendor: VendorID
        public var platform: String
        /// The virtual interface's parameters.
        public var facts: [Fact]
        /// The peers' parameters: one column per peer.
        public var peerNames: [String]
        public var peerFacts: [PeerFact]
        public var preChecks: [Check]
        /// How the configuration is applied on this platform (`backtick` markup).
        public var applying: String
        /// The configuration to apply, with placeholders for the MD5 keys.
        public var implementation: String
        /// Where each placeholder's key comes from.
        public var secretNotes: [RichText]
        public var verification: [Check]
        /// When to roll back.
        public var rollbackWhen: [RichText]
        /// How the rollback is applied on this platform (`backtick` markup).
        public var rollingBack: String
        /// The configuration that removes `implementation`, with placeholders.
        public var rollback: String
        /// One line per change in this part; nil for a new configuration.
        public var changeSummary: [String]?
        /// Where the commands of the checks are typed, e.g. "in exec mode".
        public var prompt: String
        /// Platform-specific notes on risk, and commands whose form is unconfirmed.
        public var risks: [RichText]
    }

    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: RichText

        public init(_ label: String, _ value: RichText) {
            self.label = label
            self.value = value
        }
    }

    public struct PeerFact: Sendable, Hashable {
        public var label: String
        /// One per peer, in `peerNames` order.
        public var values: [RichText]

        public init(_ label: String, _ values: [RichText]) {
            self.label = label
            self.values = values
        }
    }

    /// One pre-check or verification step.
    public struct Check: Sendable, Hashable {
        public var title: String
        /// The commands to run (several when the same check covers several prefixes); empty
        /// for a check done elsewhere (end-to-end tests).
        public var commands: [String]
        /// What to look for / the expected result.
        public var expected: RichText

        public init(_ title: String, _ commands: [String], _ expected: RichText) {
            self.title = title
            self.commands = commands
            self.expected = expected
        }
    }

    public struct Finding: Sendable, Hashable {
        /// `file:line:column`.
        public var location: String
        public var severity: String
        public var field: String
        public var message: String
    }
}
