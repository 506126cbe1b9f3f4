import Foundation
import PropertyBased
import Testing
@testable import PeerConf

/// No text in a definition can add a line, a comment or a command to any vendor's
/// output: hostile descriptions and names stay inside their one line and their quoting.
@Suite("Injection: hostile text stays data")
struct InjectionPropertyTests {
    /// Characters that mean something to some platform's CLI, plus non-ASCII.
    static let hostileAlphabet: [Character] = Array(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~aZ09") + ["é", "ü", "中", "🙂", "\u{00A0}", "ß"]

    static let hostileText = Gen<Character?>.element(of: hostileAlphabet).compactMap { $0 }.string(of: 1...128)

    static func render(_ description: String, vendor: VendorID) throws -> [String]? {
        var definition = try Scenarios.definition("bgp-ipv4", vendor: vendor)
        definition.virtualInterfaces[0].peers[0].description = description
        switch ConfigRenderer.render(definition, vendor: vendor) {
        case .success(let configs): return configs[0].text.components(separatedBy: "\n")
        case .failure: return nil
        }
    }

    @Test("a hostile description changes only its own line, for every vendor")
    func descriptions() async throws {
        let baselines = try renderedVendors.map { try Self.render("BASELINE", vendor: $0) }
        await propertyCheck(count: 200, input: Self.hostileText) { text in
            // Only text that passes validation reaches rendering: one line, <= 128 characters.
            guard text.count <= 128 else { return }
            for (vendor, baseline) in zip(renderedVendors, baselines) {
                guard let baseline, let lines = try? Self.render(text, vendor: vendor) else {
                    Issue.record("\(vendor.rawValue) failed to render a description")
                    continue
                }
                #expect(lines.count == baseline.count, "\(vendor.rawValue): the description added or removed lines")
                let changed = zip(baseline, lines).filter { $0 != $1 }
                #expect(changed.allSatisfy { $0.0.contains("BASELINE") },
                        "\(vendor.rawValue): a line without the description changed: \(changed.map(\.1))")
                for (before, after) in changed {
                    // The text before the description (the command) is untouched.
                    let prefix = String(before[..<before.range(of: "BASELINE")!.lowerBound])
                    #expect(after.hasPrefix(prefix), "\(vendor.rawValue): \(after)")
                }
            }
        }
    }

    @Test("FRR: no word of a description starts a comment")
    func frrComments() async {
        let dialect = FRRDialect()
        await propertyCheck(count: 300, input: Self.hostileText) { text in
            let quoted = dialect.quoted(description: text)
            for word in quoted.split(separator: " ") {
                #expect(word.first != "!" && word.first != "#", "\(quoted)")
            }
        }
    }

    @Test("BIRD: a description never closes its string early")
    func birdStrings() async {
        let dialect = BIRDDialect()
        await propertyCheck(count: 300, input: Self.hostileText) { text in
            let quoted = dialect.quoted(description: text)
            #expect(quoted.first == "\"" && quoted.last == "\"")
            #expect(!quoted.dropFirst().dropLast().contains("\""), "\(quoted)")
        }
    }

    static let nameAlphabet: [Character] = Array("abcXYZ019_-.")
    static let names = Gen<Character?>.element(of: nameAlphabet).compactMap { $0 }.string(of: 1...64)

    @Test("names the configuration introduces are distinct for distinct inputs, and safe, on every vendor")
    func identifiers() async {
        await propertyCheck(count: 300, input: Self.names, Self.names) { first, second in
            for dialect in renderedVendors.map(Dialects.dialect(for:)) {
                let a = dialect.identifier(first), b = dialect.identifier(second)
                if first != second {
                    #expect(a != b, "\(dialect.id.rawValue): '\(first)' and '\(second)' both became '\(a)'")
                }
                for name in [a, b] {
                    #expect(name.count <= 64 && !name.isEmpty)
                    #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }, "\(dialect.id.rawValue): \(name)")
                }
            }
        }
    }
}
