/// Text helpers for line-oriented CLIs whose free-text fields have a length limit.
enum CLIText {
    /// The first `maximumLength` characters, without trailing spaces (a CLI that keeps them
    /// would show a description that looks shorter than it is).
    /// `text` without spaces at either end; for printable ASCII text (what the dialects'
    /// cleaning leaves), the same as Foundation's `.whitespaces` trimming, which is
    /// many times slower and runs for every description of every render.
    static func trimmingSpaces(_ text: String) -> String {
        let space = UInt8(ascii: " ")
        let bytes = text.utf8
        guard bytes.first == space || bytes.last == space else { return text }
        guard let first = bytes.firstIndex(where: { $0 != space }), let last = bytes.lastIndex(where: { $0 != space }) else { return "" }
        return String(text[first...last])
    }

    static func truncated(_ text: String, to maximumLength: Int) -> String {
        var result = String(text.prefix(maximumLength))
        while result.last == " " { result.removeLast() }
        return result
    }

    /// `text` with each `!` or `#` that begins a word (at the start, or after a space)
    /// replaced by `_`: on FRR, IOS-XR and VyOS such a word starts a comment, which would
    /// cut the line short. Done on the bytes the router reads: a combining mark after `!`
    /// makes one Swift `Character` that is no longer equal to "!", but the router still
    /// sees the `!` byte.
    static func neutralizingWordComments(_ text: String) -> String {
        let bang = UInt8(ascii: "!"), hash = UInt8(ascii: "#"), space = UInt8(ascii: " ")
        guard text.utf8.contains(where: { $0 == bang || $0 == hash }) else { return text }
        var bytes = Array(text.utf8)
        var atWordStart = true
        for index in bytes.indices {
            let byte = bytes[index]
            if atWordStart && (byte == bang || byte == hash) { bytes[index] = UInt8(ascii: "_") }
            atWordStart = byte == space
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
