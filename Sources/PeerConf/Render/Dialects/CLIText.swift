/// Text helpers for line-oriented CLIs whose free-text fields have a length limit.
enum CLIText {
    /// The first `maximumLength` characters, without trailing spaces (a CLI that keeps them
    /// would show a description that looks shorter than it is).
    static func truncated(_ text: String, to maximumLength: Int) -> String {
        var result = String(text.prefix(maximumLength))
        while result.last == " " { result.removeLast() }
        return result
    }
}
