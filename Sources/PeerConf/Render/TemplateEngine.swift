import Foundation
import Mustache

/// The templates of one vendor: the ones embedded in the binary, each replaced by a
/// user's file of the same name when `--templates DIR` has one (`DIR/<vendor>/<name>.mustache`).
public struct TemplateSet: Sendable {
    public let vendor: VendorID
    private let templates: [String: MustacheTemplate]
    /// Where each template came from, for error messages ("frr/config.mustache" or a path).
    private let origins: [String: String]

    /// The template names every vendor folder provides.
    public static let requiredNames = ["config", "rollback"]

    /// Embedded templates are parsed once per process.
    private static let embedded: [String: MustacheTemplate] = {
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in EmbeddedTemplates.files {
            // Embedded templates are checked by the tests; a parse failure here is a build defect.
            parsed[name] = try? MustacheTemplate(string: text)
        }
        return parsed
    }()

    public init(vendor: VendorID, overrides directory: String? = nil) throws(TemplateError) {
        self.vendor = vendor
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        for name in Self.requiredNames {
            let key = "\(vendor.rawValue)/\(name).mustache"
            if let directory, let text = Self.readOverride(directory: directory, key: key) {
                let path = (directory as NSString).appendingPathComponent(key)
                guard text.hasPrefix("{{% CONTENT_TYPE: TEXT}}") else {
                    throw TemplateError(template: path, message: "a configuration template must start with {{% CONTENT_TYPE: TEXT}} (otherwise its output is HTML-escaped)")
                }
                do {
                    templates[name] = try MustacheTemplate(string: text)
                } catch {
                    throw TemplateError(template: path, message: "cannot parse: \(error)")
                }
                origins[name] = path
            } else if let template = Self.embedded[key] {
                templates[name] = template
                origins[name] = key
            } else {
                throw TemplateError(template: key, message: "no such template is embedded")
            }
        }
        self.templates = templates
        self.origins = origins
    }

    private static func readOverride(directory: String, key: String) -> String? {
        let path = (directory as NSString).appendingPathComponent(key)
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Renders `name` with `context`. A name the template uses that the context does not
    /// have is an error (Mustache alone would print nothing, silently).
    public func render(_ name: String, context: [String: any Sendable]) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(template: "\(vendor.rawValue)/\(name).mustache", message: "no such template")
        }
        let root = StrictContext(values: context)
        let text = template.render(root)
        if let missing = root.missingNames.first {
            throw TemplateError(template: origins[name] ?? name, message: "uses '\(missing)', which peerconf does not provide; see Templates/README.md for the values available")
        }
        return text
    }
}

public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var template: String
    public var message: String

    public var description: String { "\(template): \(message)" }
}

/// The outermost context of a render. Mustache asks it only for names that no inner
/// context (a section's list item) has, so every name it does not know is a name the
/// template invented.
private final class StrictContext: MustacheParent, @unchecked Sendable {
    let values: [String: any Sendable]
    /// Written only during the single-threaded render that owns this context.
    private(set) var missingNames: [String] = []

    init(values: [String: any Sendable]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        missingNames.append(name)
        return nil
    }
}
