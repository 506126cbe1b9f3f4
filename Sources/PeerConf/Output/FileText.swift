/// A generated file's text: a String, or UTF-8 bytes as they were made. NETCONF documents
/// come from libxml2 as bytes, and making a String of each validated and copied it once
/// more (4 % of a NETCONF batch) only for the bytes to be written and hashed.
public enum FileText: Sendable {
    case string(String)
    /// UTF-8 (as every byte producer in peerconf writes it).
    case utf8([UInt8])

    public var string: String {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The UTF-8 bytes, in place.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch self {
        case .string(var text): text.withUTF8(body)
        case .utf8(let bytes): bytes.withUnsafeBufferPointer(body)
        }
    }
}
