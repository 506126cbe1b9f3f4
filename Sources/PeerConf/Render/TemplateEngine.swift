import Foundation

/// The templates of one vendor: the ones embedded in the binary, each replaced by a
/// user's file of the same name when `--templates DIR` has one (`DIR/<vendor>/<name>.mustache`).
public struct TemplateSet: Sendable {
    public let vendor: VendorID
    private let templates: [String: CompiledTemplate]
    /// Where each template came from, for error messages ("frr/config.mustache" or a path).
    private let origins: [String: String]

    /// The template names every vendor folder provides.
    public static let requiredNames = ["config", "rollback"]

    /// An embedded template, parsed when a vendor needs it (a single render parses two
    /// templates, not all of them). The tests parse every embedded template.
    private static func embedded(_ key: String) throws(TemplateError) -> CompiledTemplate? {
        guard let text = EmbeddedTemplates.files[key] else { return nil }
        do {
            return try CompiledTemplate(parsing: text)
        } catch {
            throw TemplateError(template: "\(key):\(error.location)", message: error.message)
        }
    }

    public init(vendor: VendorID, overrides directory: String? = nil) throws(TemplateError) {
        self.vendor = vendor
        var templates: [String: CompiledTemplate] = [:]
        var origins: [String: String] = [:]
        for name in Self.requiredNames {
            let key = "\(vendor.rawValue)/\(name).mustache"
            if let directory, let text = Self.readOverride(directory: directory, key: key) {
                let path = (directory as NSString).appendingPathComponent(key)
                guard text.hasPrefix("{{% CONTENT_TYPE: TEXT}}") else {
                    throw TemplateError(template: path, message: "a configuration template must start with {{% CONTENT_TYPE: TEXT}} (otherwise its output is HTML-escaped)")
                }
                do {
                    templates[name] = try CompiledTemplate(parsing: text)
                } catch {
                    throw TemplateError(template: "\(path):\(error.location)", message: error.message)
                }
                origins[name] = path
            } else if let template = try Self.embedded(key) {
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

    /// Renders `name` with `context` as the outermost scope. A name the template uses that
    /// no scope has is an error (plain Mustache would print nothing, silently).
    public func render(_ name: String, context: some TemplateObject) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(template: "\(vendor.rawValue)/\(name).mustache", message: "no such template")
        }
        do {
            return try template.render(context)
        } catch {
            throw TemplateError(template: "\(origins[name] ?? name):\(error.location)", message: "\(error.message); see Templates/README.md for the values available")
        }
    }
}

public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var template: String
    public var message: String

    public var description: String { "\(template): \(message)" }
}
