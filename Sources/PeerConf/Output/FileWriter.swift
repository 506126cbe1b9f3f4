import Foundation

/// The few system calls that write a generated file: open, write the text's UTF-8 bytes in
/// place (a native string already stores them contiguously, so no `Data` copy), close.
enum FileWriter {
    /// Creates or truncates `path` for writing (mode 0644); -1 with `errno` set on failure.
    static func create(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }

    /// Writes all of `text` to `descriptor`; false with `errno` set on failure.
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { write($0, to: descriptor) }
    }

    /// Writes all of `bytes` to `descriptor`; false with `errno` set on failure.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
    }

    /// Writes all of `buffer` to `descriptor`; false with `errno` set on failure.
    static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Writes `text` to a new file at `path`; false when it could not be written (the file
    /// may then exist, partly written).
    static func write(_ text: String, toFileAt path: String) -> Bool {
        let descriptor = create(path)
        guard descriptor >= 0 else { return false }
        let written = write(text, to: descriptor)
        return close(descriptor) == 0 && written
    }
}
