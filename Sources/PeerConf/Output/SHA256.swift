/// SHA-256 (FIPS 180-4), for the content digests of the output manifest. Small and
/// dependency-free: the digests only need to be stable and collision-resistant, and
/// Foundation on Linux has no hash API.
///
/// Every generated file is hashed (160,000 of them in a large batch), so the message is
/// read in place, 64-byte block by block, with wrapping arithmetic and no bounds checks;
/// only the last one or two (padded) blocks are copied.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        let state = bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hash($0) }
        return state.bytes
    }

    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        hex(of: bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hash($0) })
    }

    /// The digest of a text's UTF-8 bytes, as hex (read in place: native strings are
    /// stored as contiguous UTF-8).
    public static func hex(_ text: String) -> String {
        var text = text
        return hex(of: text.withUTF8 { hash(UnsafeRawBufferPointer($0)) })
    }

    private static func hex(of state: State) -> String {
        String(unsafeUninitializedCapacity: 64) { output in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            var position = 0
            for byte in state.bytes {
                output[position] = table[Int(byte >> 4)]
                output[position &+ 1] = table[Int(byte & 0x0F)]
                position &+= 2
            }
            return 64
        }
    }

    /// The hash of `message`: its whole blocks in place, then the padded tail.
    private static func hash(_ message: UnsafeRawBufferPointer) -> State {
        roundConstants.withUnsafeBufferPointer { hash(message, k: $0.baseAddress!) }
    }

    private static func hash(_ message: UnsafeRawBufferPointer, k: UnsafePointer<UInt32>) -> State {
        var state = State()
        let wholeBlocks = message.count / 64
        if let base = message.baseAddress {
            for block in 0..<wholeBlocks {
                state.compress(base + block &* 64, k: k)
            }
        }
        // Padding (section 5.1.1): 0x80, zeros, the length in bits as a big-endian
        // UInt64, ending on a block boundary; one block, or two when fewer than 9 bytes
        // are left in the last.
        let tailCount = message.count - wholeBlocks &* 64
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if tailCount > 0 {
                tail.baseAddress!.copyMemory(from: message.baseAddress! + wholeBlocks &* 64, byteCount: tailCount)
            }
            tail[tailCount] = 0x80
            let paddedCount = tailCount < 56 ? 64 : 128
            let bitLength = UInt64(message.count) &* 8
            tail.storeBytes(of: bitLength.bigEndian, toByteOffset: paddedCount - 8, as: UInt64.self)
            state.compress(UnsafeRawPointer(tail.baseAddress!), k: k)
            if paddedCount == 128 {
                state.compress(UnsafeRawPointer(tail.baseAddress! + 64), k: k)
            }
        }
        return state
    }

    /// The eight working words between blocks.
    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        /// The 32 digest bytes, big-endian words in order.
        var bytes: [UInt8] {
            var result = [UInt8](repeating: 0, count: 32)
            result.withUnsafeMutableBytes { output in
                for (index, word) in [h0, h1, h2, h3, h4, h5, h6, h7].enumerated() {
                    output.storeBytes(of: word.bigEndian, toByteOffset: index &* 4, as: UInt32.self)
                }
            }
            return result
        }

        /// Processes the 64-byte block at `block` (section 6.2.2) with the round constants
        /// `k`. The schedule is expanded first; the rounds run eight at a time with the
        /// roles of the working variables rotated in the arguments instead of moving the
        /// values, which keeps them in registers.
        @inline(__always)
        mutating func compress(_ block: UnsafeRawPointer, k: UnsafePointer<UInt32>) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let w = schedule.baseAddress!
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                }
                for t in 16..<64 {
                    let w15 = w[t &- 15], w2 = w[t &- 2]
                    let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
                    let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
                    w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                var t = 0
                while t < 64 {
                    round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                    round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
                    round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
                    round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
                    round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
                    round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
                    round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
                    round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
                    t &+= 8
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
        }

        /// One round, written as in-place updates: `h` becomes the new `a` and `d` the new
        /// `e`; the caller rotates the names for the next round.
        @inline(__always)
        private func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                           _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32) {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = g ^ (e & (f ^ g))
            let temp1 = h &+ s1 &+ choice &+ constantPlusWord
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) | (c & (a | b))
            d &+= temp1
            h = temp1 &+ s0 &+ majority
        }
    }

    @inline(__always)
    private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }

    /// K: the first 32 bits of the fractional parts of the cube roots of the first 64
    /// primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
