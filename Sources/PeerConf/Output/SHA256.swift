import CLibCrypto

/// SHA-256 (FIPS 180-4), for the content digests of the output manifest, from OpenSSL's
/// libcrypto: a large batch hashes every file it writes (160,000 files, about 2 GB), and
/// libcrypto uses the CPU's SHA instructions where there are any (several times the speed
/// of portable code; Foundation on Linux has no hash API).
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        hash(bytes).bytes
    }

    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        hash(bytes).hex
    }

    /// The digest of a text's UTF-8 bytes, as hex.
    public static func hex(_ text: String) -> String {
        hash(text.utf8).hex
    }

    /// Read in place when the bytes are contiguous (arrays, native strings' UTF-8).
    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Digest {
        bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hash($0) }
    }

    private static func hash(_ message: UnsafeRawBufferPointer) -> Digest {
        // An empty buffer may have no address; libcrypto wants one even for no bytes.
        guard let input = message.baseAddress else {
            return [UInt8(0)].withUnsafeBytes { hash(UnsafeRawBufferPointer(rebasing: $0[0..<0])) }
        }
        var digest = Digest()
        withUnsafeMutableBytes(of: &digest.words) { output in
            _ = CLibCrypto.SHA256(input.assumingMemoryBound(to: UInt8.self), message.count,
                                  output.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return digest
    }

    /// 32 bytes, kept in a fixed-size value (no array per file).
    private struct Digest {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        var bytes: [UInt8] { withUnsafeBytes(of: words) { Array($0) } }

        var hex: String {
            String(unsafeUninitializedCapacity: 64) { output in
                let digits: StaticString = "0123456789abcdef"
                let table = digits.utf8Start
                withUnsafeBytes(of: words) { bytes in
                    for (index, byte) in bytes.enumerated() {
                        output[index &* 2] = table[Int(byte >> 4)]
                        output[index &* 2 &+ 1] = table[Int(byte & 0x0F)]
                    }
                }
                return 64
            }
        }
    }
}
