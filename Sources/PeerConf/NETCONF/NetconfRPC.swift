/// NETCONF envelopes (RFC 6241) and session framing (RFC 6242), built with libxml2.
enum NetconfXML {
    static let base = "urn:ietf:params:xml:ns:netconf:base:1.0"
    static let base10Capability = "urn:ietf:params:netconf:base:1.0"
    static let base11Capability = "urn:ietf:params:netconf:base:1.1"
    static let endOfMessage = "]]>]]>"

    /// One `<rpc>` document with `message-id`, an optional comment before it.
    static func rpc(messageID: Int, comment: String? = nil, _ body: (XMLTree, XMLTree.Element) -> Void) -> String {
        String(decoding: rpcUTF8(messageID: messageID, comment: comment, body), as: UTF8.self)
    }

    /// `rpc` as the bytes libxml2 wrote.
    static func rpcUTF8(messageID: Int, comment: String? = nil, _ body: (XMLTree, XMLTree.Element) -> Void) -> [UInt8] {
        XMLTree.build { tree in
            let rpc = tree.makeRoot("rpc", namespace: base)
            tree.setAttribute("message-id", String(messageID), on: rpc)
            if let comment { tree.addPrologComment(comment) }
            body(tree, rpc)
            return tree.serializedUTF8()
        }
    }

    /// `<edit-config>` with target, default operation and the model's payload.
    struct EditConfig {
        var target: NetconfDatastore
        var defaultOperation: String
        var payload: (XMLTree, XMLTree.Element) -> Void

        func write(in tree: XMLTree, _ rpc: XMLTree.Element) {
            let edit = tree.add("edit-config", to: rpc)
            datastore("target", target, in: tree, edit)
            tree.add("default-operation", to: edit, text: defaultOperation)
            payload(tree, tree.add("config", to: edit))
        }
    }

    static func datastore(_ name: String, _ store: NetconfDatastore, in tree: XMLTree, _ parent: XMLTree.Element) {
        tree.add(store.rawValue, to: tree.add(name, to: parent))
    }

    /// The exchange a person would type into `ssh -s HOST netconf`: hello, lock,
    /// edit-config, validate, commit (candidate only), unlock, close-session. Message ids
    /// count from 1; the hello has none.
    struct Session {
        var model: NetconfModel
        var target: NetconfDatastore
        var options: NetconfSessionOptions
        var persistID: String
        var header: String
        var editConfig: EditConfig

        var text: String {
            var messages: [String] = []
            var nextID = 1
            func rpc(_ body: @escaping (XMLTree, XMLTree.Element) -> Void, comment: String? = nil) {
                messages.append(NetconfXML.rpc(messageID: nextID, comment: comment, body))
                nextID += 1
            }
            rpc({ tree, rpc in datastore("target", target, in: tree, tree.add("lock", to: rpc)) }, comment: header)
            rpc({ tree, rpc in editConfig.write(in: tree, rpc) })
            if target == .candidate {
                rpc({ tree, rpc in datastore("source", .candidate, in: tree, tree.add("validate", to: rpc)) })
                rpc({ tree, rpc in commit(in: tree, rpc) }, comment: followUp)
            }
            rpc({ tree, rpc in datastore("target", target, in: tree, tree.add("unlock", to: rpc)) })
            rpc({ tree, rpc in tree.add("close-session", to: rpc) })
            return frame(hello: hello, messages: messages)
        }

        private var hello: String {
            XMLTree.build { tree in
                let hello = tree.makeRoot("hello", namespace: base)
                let capabilities = tree.add("capabilities", to: hello)
                tree.add("capability", to: capabilities, text: base10Capability)
                if options.framing == .chunked {
                    tree.add("capability", to: capabilities, text: base11Capability)
                }
                return tree.serialized()
            }
        }

        /// RFC 6242: the hello always ends with `]]>]]>`; after it, either the same
        /// marker (a line break after each for people reading it; XML parsers skip it) or
        /// chunks (`\n#<bytes>\n<message>\n##\n`), which must follow the hello's marker
        /// with nothing in between.
        private func frame(hello: String, messages: [String]) -> String {
            switch options.framing {
            case .endOfMessage:
                return ([hello] + messages).map { $0 + endOfMessage + "\n" }.joined()
            case .chunked:
                return hello + endOfMessage + messages.map { "\n#\($0.utf8.count)\n" + $0 + "\n##\n" }.joined()
            }
        }

        private func commit(in tree: XMLTree, _ rpc: XMLTree.Element) {
            guard let seconds = options.confirmTimeout else {
                tree.add("commit", to: rpc)
                return
            }
            if model == .junos {
                // Junos's own RPC: its confirmed commit outlives the session, is confirmed
                // by any later commit, and counts the timeout in minutes.
                let commit = tree.add("commit-configuration", to: rpc)
                tree.add("confirmed", to: commit)
                tree.add("confirm-timeout", to: commit, text: String(Self.junosMinutes(seconds)))
                return
            }
            // RFC 6241 :confirmed-commit:1.1; with a persist id the commit outlives the
            // session (which closes right after) and any session can confirm it.
            let commit = tree.add("commit", to: rpc)
            tree.add("confirmed", to: commit)
            tree.add("confirm-timeout", to: commit, text: String(seconds))
            tree.add("persist", to: commit, text: persistID)
        }

        static func junosMinutes(_ seconds: Int) -> Int { max(1, (seconds + 59) / 60) }

        /// What must follow a confirmed commit; nil without one.
        var followUp: String? {
            guard let seconds = options.confirmTimeout, target == .candidate else { return nil }
            if model == .junos {
                let minutes = Self.junosMinutes(seconds)
                let rounded = minutes * 60 == seconds ? "" : " (\(seconds) s rounded up: Junos counts whole minutes)"
                return "Confirmed commit: Junos rolls the change back after \(minutes) minute\(minutes == 1 ? "" : "s")\(rounded) "
                    + "unless a later commit confirms it. To keep it, send <commit-configuration/> (or <commit/>) in a new session "
                    + "before then. To back out sooner, let it expire or send the --rollback payload and commit."
            }
            return "Confirmed commit: the device rolls the change back after \(seconds) s unless confirmed. "
                + "To keep it, send <commit><persist-id>\(persistID)</persist-id></commit> in a new session before then; "
                + "to undo it at once, send <cancel-commit><persist-id>\(persistID)</persist-id></cancel-commit>."
        }
    }
}
