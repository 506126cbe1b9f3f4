public enum PeerConfVersion {
    /// Printed by `--version` and in generated headers.
    public static let current = "0.1.0"
}
