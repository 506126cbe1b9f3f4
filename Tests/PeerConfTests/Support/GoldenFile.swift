import Foundation
import Testing

/// Compares output with its golden file, byte for byte; with PEERCONF_RECORD_GOLDEN=1 it
/// writes the file instead (to be read and reviewed before committing). An output that is
/// an error goes to `<base>.error`, anything else to `<base>.<fileExtension>`.
enum GoldenFile {
    static var recording: Bool { ProcessInfo.processInfo.environment["PEERCONF_RECORD_GOLDEN"] == "1" }

    static func check(_ output: (text: String, isError: Bool), folder: URL, baseName: String, fileExtension: String,
                      description: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = folder.appendingPathComponent("\(baseName).\(output.isError ? "error" : fileExtension)")
        let other = folder.appendingPathComponent("\(baseName).\(output.isError ? fileExtension : "error")")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try output.text.write(to: expected, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: other)
            return
        }
        let golden = try? String(contentsOf: expected, encoding: .utf8)
        #expect(golden != nil, "missing golden file \(expected.path) (output was \(output.isError ? "an error" : "a document")); record with PEERCONF_RECORD_GOLDEN=1 and review it",
                sourceLocation: sourceLocation)
        if let golden {
            #expect(output.text == golden, "\(description) differs from \(expected.lastPathComponent)", sourceLocation: sourceLocation)
        }
    }

    /// Files in `folder` that no case produces (left behind by a renamed scenario).
    static func stale(in folder: URL, expected baseNames: Set<String>) throws -> [String] {
        guard !recording else { return [] }   // other tests are writing the folder
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            !baseNames.contains(($0 as NSString).deletingPathExtension)
        }
    }
}
