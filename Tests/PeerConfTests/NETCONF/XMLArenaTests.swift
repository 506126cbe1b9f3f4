import CXMLArena
import Foundation
import Synchronization
import Testing
@testable import PeerConf

/// libxml2's memory for a NETCONF document comes from a per-thread arena
/// (`XMLTree.build`, Sources/CXMLArena): the document must be exactly the one built with
/// malloc, the arena's memory must be reused by the next document, and everything outside
/// a build must still go to malloc and free.
@Suite("libxml2 allocation arena")
struct XMLArenaTests {
    /// A document with every kind of node peerconf makes, large enough to need more than
    /// one of the arena's 1 MB chunks.
    static func fill(_ tree: XMLTree, leaves: Int) {
        let root = tree.makeRoot("rpc", namespace: "urn:ietf:params:xml:ns:netconf:base:1.0")
        tree.setAttribute("message-id", "7", on: root)
        // A hyphen with a combining mark after a hyphen is still "--" in the bytes.
        tree.addPrologComment("peerconf -- test --\u{301} ends with -")
        let nc = tree.declare(prefix: "nc", uri: "urn:ietf:params:xml:ns:netconf:base:1.0", on: root)
        let config = tree.add("config", to: root, namespace: "http://openconfig.net/yang/network-instance")
        tree.addComment("leaves: \(leaves)", to: config)
        for index in 0..<leaves {
            let entry = tree.add("entry", to: config)
            tree.add("name", to: entry, text: "vif-\(index) <&> \"\(String(repeating: "x", count: index % 40))\"")
            tree.addIdentity("type", to: entry, prefix: "oc-types", namespace: "http://openconfig.net/yang/types", identity: "STATIC")
            if index.isMultiple(of: 3) { tree.setAttribute("operation", "replace", on: entry, namespace: nc) }
        }
    }

    static func onHeap(leaves: Int) -> String {
        let tree = XMLTree()
        fill(tree, leaves: leaves)
        return tree.serialized()
    }

    static func inArena(leaves: Int) -> String {
        XMLTree.build { tree in
            fill(tree, leaves: leaves)
            return tree.serialized()
        }
    }

    @Test("a document built in the arena is byte for byte the one built with malloc, again and again")
    func sameDocument() throws {
        for leaves in [0, 1, 40, 6_000] {
            let expected = Self.onHeap(leaves: leaves)
            #expect(XMLReader.parse(expected) != nil)
            // The second and third builds reuse the memory the first one left behind.
            for _ in 0..<3 {
                #expect(Self.inArena(leaves: leaves) == expected)
            }
        }
        // A small document after a large one (chunks left over), and a large one again.
        #expect(Self.inArena(leaves: 5) == Self.onHeap(leaves: 5))
        #expect(Self.inArena(leaves: 6_000) == Self.onHeap(leaves: 6_000))
    }

    @Test("documents built on several threads at once are the ones built one after another")
    func concurrentThreads() {
        let sizes = (0..<16).map { 50 + $0 * 97 }
        let expected = sizes.map { Self.onHeap(leaves: $0) }
        let results = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: sizes.count) { index in
            let text = Self.inArena(leaves: sizes[index])
            results.withLock { $0[index] = text }
        }
        let built = results.withLock { $0 }
        #expect(sizes.indices.allSatisfy { built[$0] == expected[$0] })
    }

    @Test("outside a build the hooks are malloc, realloc, strdup and free")
    func heapOutsideBuild() throws {
        let block = try #require(peerconf_xml_arena_malloc(64))
        #expect(peerconf_xml_arena_owns(block) == 0)
        memset(block, 0x5A, 64)
        let grown = try #require(peerconf_xml_arena_realloc(block, 100_000))
        #expect(peerconf_xml_arena_owns(grown) == 0)
        #expect(grown.load(fromByteOffset: 63, as: UInt8.self) == 0x5A)
        peerconf_xml_arena_free(grown)
        let copy = try #require(peerconf_xml_arena_strdup("text"))
        #expect(peerconf_xml_arena_owns(copy) == 0 && String(cString: copy) == "text")
        peerconf_xml_arena_free(copy)
        peerconf_xml_arena_free(nil)
    }

    @Test("inside a build blocks come from the arena, keep their bytes when they grow, and are reused by the next build")
    func arenaInsideBuild() throws {
        peerconf_xml_arena_begin()
        let first = try #require(peerconf_xml_arena_malloc(24))
        #expect(peerconf_xml_arena_owns(first) == 1)
        #expect(Int(bitPattern: first) % 16 == 0)
        memset(first, 0x11, 24)
        // The newest block grows in place; an older one moves, with its bytes.
        let inPlace = try #require(peerconf_xml_arena_realloc(first, 4_000))
        #expect(inPlace == first)
        let other = try #require(peerconf_xml_arena_malloc(8))
        let moved = try #require(peerconf_xml_arena_realloc(inPlace, 8_000))
        #expect(moved != inPlace && peerconf_xml_arena_owns(moved) == 1)
        #expect((0..<24).allSatisfy { moved.load(fromByteOffset: $0, as: UInt8.self) == 0x11 })
        // Larger than a chunk: a chunk of its own, still the arena's.
        let large = try #require(peerconf_xml_arena_malloc(3 << 20))
        #expect(peerconf_xml_arena_owns(large) == 1)
        memset(large, 0x22, 3 << 20)
        let copy = try #require(peerconf_xml_arena_strdup("peerconf"))
        #expect(String(cString: copy) == "peerconf" && peerconf_xml_arena_owns(copy) == 1)
        // Frees inside a build cost nothing and change nothing.
        peerconf_xml_arena_free(other)
        // Every block came from the arena: the document may be dropped with it.
        #expect(peerconf_xml_arena_fell_back() == 0)
        peerconf_xml_arena_end()
        // A block freed after its build (one libxml2 kept) is never handed to free().
        peerconf_xml_arena_free(copy)

        peerconf_xml_arena_begin()
        let again = peerconf_xml_arena_malloc(24)
        peerconf_xml_arena_end()
        #expect(again == first)
    }

    @Test("a block the arena cannot give is reported, so that its document is freed block by block; the next build starts clean")
    func fallBackIsReported() {
        peerconf_xml_arena_begin()
        _ = peerconf_xml_arena_malloc(32)
        #expect(peerconf_xml_arena_fell_back() == 0)
        // More than the arena carves: it goes to malloc (which has no such block either).
        #expect(peerconf_xml_arena_malloc(Int.max) == nil)
        #expect(peerconf_xml_arena_fell_back() == 1)
        peerconf_xml_arena_end()
        peerconf_xml_arena_begin()
        #expect(peerconf_xml_arena_fell_back() == 0)
        peerconf_xml_arena_end()
    }

    @Test("threads that exit hand their arena memory on: fifty threads, one after another, need no fifty chunks")
    func exitedThreadsShareChunks() {
        let before = peerconf_xml_arena_chunk_count()
        let expected = Self.onHeap(leaves: 30)
        for _ in 0..<50 {
            var thread = pthread_t()
            pthread_create(&thread, nil, { _ in
                _ = XMLArenaTests.inArena(leaves: 30)
                return nil
            }, nil)
            pthread_join(thread, nil)
        }
        #expect(Self.inArena(leaves: 30) == expected)
        // Other tests running meanwhile may add a few chunks of their own threads.
        #expect(peerconf_xml_arena_chunk_count() - before < 20)
    }
}
