/// BGP AS numbers: the customer's `bgp_asn` and the cloud's `cloud_asn`.
enum ASNRules {
    static func parse(_ scalar: DraftScalar, field: String, diagnostics: inout DiagnosticCollector) -> ASN? {
        let text = scalar.text
        // Unquoted 1.10 is a YAML number (1.1); asdot must be a string so no digit is lost.
        if !scalar.isQuoted && text.contains(".") {
            diagnostics.report(.type, at: scalar.path, scalar.location, "\(field) \(text.truncatedForMessage) in asdot notation must be quoted (\"\(text.truncatedForMessage)\"); unquoted it is a decimal number")
            return nil
        }
        switch ASN.parse(text) {
        case .success(let asn):
            return asn
        case .failure(.notANumber):
            diagnostics.report(.type, at: scalar.path, scalar.location, "\(field) must be a number (asplain, e.g. 65010) or an asdot string (e.g. \"1.10\"), found '\(text.truncatedForMessage)'")
        case .failure(.outOfRange):
            diagnostics.report(.asnRange, at: scalar.path, scalar.location, "\(field) \(text.truncatedForMessage) is out of range; ASNs are 1 to 4294967295")
        case .failure(.asdotPartOutOfRange):
            diagnostics.report(.asnRange, at: scalar.path, scalar.location, "\(field) \(text.truncatedForMessage): both parts of an asdot ASN are 0 to 65535")
        }
        return nil
    }

    /// The customer's ASN against the cloud's.
    static func checkCustomerASN(_ asn: ASN, field: DraftScalar, cloudASN: ASN, diagnostics: inout DiagnosticCollector) {
        if asn == .cloudDefault {
            diagnostics.report(.bgpASNUsedByCloud, at: field.path, field.location, "64512 is used by the cloud; choose another ASN")
        }
        if asn == cloudASN {
            diagnostics.report(.bgpASNEqualsCloudASN, at: field.path, field.location, "\(field.key ?? "bgp_asn") \(asn) equals the virtual gateway's ASN (cloud_asn); eBGP needs two different ASNs")
        }
        if let reservation = asn.reservation {
            diagnostics.report(.bgpASNReserved, at: field.path, field.location, "\(reservation); choose a private ASN (64512-65534 except 64512, or 4200000000-4294967294) or your public one")
        }
    }
}
