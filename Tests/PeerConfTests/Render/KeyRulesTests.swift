import Testing
@testable import PeerConf

/// A platform's key rules are checked by bytes for the usual key (see
/// `VendorDialect.keyProblems`); the byte sets must follow the rules they come from.
@Suite("MD5 key rules as bytes")
struct KeyRulesTests {
    @Test("an ASCII byte set holds exactly its characters; a character of more than one byte makes none")
    func byteSet() throws {
        let set = try #require(ASCIIByteSet(["?", "|", " ", "~", "\u{7F}"]))
        #expect([UInt8(ascii: "?"), UInt8(ascii: "|"), 0x20, UInt8(ascii: "~"), 0x7F].allSatisfy(set.contains))
        #expect(![UInt8(ascii: "a"), UInt8(ascii: "!"), 0x00, 0x80, 0xFF].contains(where: set.contains))
        #expect(ASCIIByteSet(["é"]) == nil && ASCIIByteSet(["\r\n"]) == nil && ASCIIByteSet(["a\u{301}"]) == nil)
    }

    @Test("changing a rule's characters changes its bytes")
    func followsTheRules() {
        var rules = KeyRules(maximumLength: 80, forbiddenCharacters: ["?": "help"], source: "test")
        #expect(rules.forbiddenBytes?.contains(UInt8(ascii: "?")) == true)
        rules.forbiddenCharacters = ["x": "no x"]
        #expect(rules.forbiddenBytes?.contains(UInt8(ascii: "x")) == true && rules.forbiddenBytes?.contains(UInt8(ascii: "?")) == false)
        rules.forbiddenFirstCharacters = ["!": "not first", "é": "not first either"]
        #expect(rules.forbiddenFirstBytes == nil)
    }
}
