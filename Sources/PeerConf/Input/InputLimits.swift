/// What peerconf reads at most, so that no file (hand-written, exported by a tool,
/// pasted from a ticket, or hostile) can crash it, hang it or exhaust memory. Every
/// refusal is a `limit` finding located in the file, and an input failure (exit status 2).
///
/// Real batches stay well inside: 11,000 dual-stack virtual interfaces with 1-50
/// subnets per peer are 20 MB of YAML, 6 levels deep, without aliases, and load and
/// validate in about 2.5 s (release build, 2 cores). The section "Security" of the README
/// lists these limits; `InputLimitTests` proves each.
public enum InputLimits {
    /// Files larger than this are refused before they are read (32 MB, decimal, so
    /// "over 32 MB" is refused whichever megabyte one means).
    public static let maximumFileSize = 32_000_000

    /// `bgp_md5_key_file` / `--md5-key-file`: a key is at most 255 characters.
    public static let maximumKeyFileSize = 64 * 1024

    /// Virtual interfaces in one file (`virtual_interfaces`): four connections' worth of
    /// VLANs (4 x 4,000).
    public static let maximumVirtualInterfaces = 16_000

    /// Nesting of objects and lists; real definitions are about 6 levels deep.
    public static let maximumDepth = 32

    /// Entries of one list (the longest real list is `virtual_interfaces`).
    public static let maximumListLength = maximumVirtualInterfaces

    /// Keys of one object (real objects have about 20; API objects a few more).
    public static let maximumObjectSize = 1_000

    /// Values (scalars, objects, lists, keys included) in one document, aliases counted
    /// as the values they stand for: about twice the largest real batch.
    public static let maximumValueCount = 5_000_000

    /// Values that YAML aliases (`*name`) may add to a document in total. Aliases are
    /// counted as the values they copy before anything is copied, so an "alias bomb"
    /// (billion laughs) is refused after reading its few lines.
    public static let maximumAliasExpansion = 100_000
}
