import CLibXML2

/// Serializes a libxml2 document into UTF-8 bytes with one copy of the text.
///
/// `xmlDocDumpFormatMemoryEnc(doc, ..., "UTF-8", 1)`, which this replaces, produces the same
/// bytes but converts them with libxml2's UTF-8 to UTF-8 encoder, then duplicates the
/// whole buffer for the caller, which copied it again into a `String`. Here libxml2's
/// saver writes the document (`xmlSaveFormatFileTo`, declaration and indentation as
/// before) into an output buffer without an encoder, whose chunks land in `Sink`; naming
/// "UTF-8" only labels the declaration and keeps non-ASCII text as UTF-8 (not character
/// references), exactly as the encoder path did.
enum XMLOutput {
    /// The document's UTF-8 bytes (batches write and hash these as they are).
    static func serialize(_ document: xmlDocPtr) -> [UInt8] {
        var sink = Sink()
        return withUnsafeMutablePointer(to: &sink) { sink -> [UInt8] in
            guard let output = xmlOutputBufferCreateIO(Sink.write, nil, sink, nil) else { return [] }
            // Writes the document, then flushes and frees `output`.
            guard xmlSaveFormatFileTo(output, document, "UTF-8", 1) >= 0 else { return [] }
            return sink.pointee.bytes
        }
    }

    /// The bytes written so far. libxml2 hands them over in chunks of about 4 KB.
    private struct Sink {
        var bytes: [UInt8] = []

        init() {
            // Most documents fit without growing the array (OpenConfig's average 48 KB).
            bytes.reserveCapacity(64 * 1024)
        }

        static let write: xmlOutputWriteCallback = { context, chunk, length in
            guard let context, let chunk, length > 0 else { return length }
            let sink = context.assumingMemoryBound(to: Sink.self)
            UnsafeRawPointer(chunk).withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                sink.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return length
        }
    }
}
