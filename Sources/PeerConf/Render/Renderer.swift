/// Definition -> configuration text, for one vendor.
public struct RenderedConfig: Sendable {
    public var vendor: VendorID
    public var virtualInterface: String
    public var text: String

    /// `<vif>/<vendor>.cfg`, stable across runs, for `--output-dir`.
    public var relativePath: String { "\(virtualInterface)/\(vendor.rawValue).cfg" }
}

public struct RenderOptions: Sendable {
    public var rollback: Bool
    public var secrets: SecretPolicy
    /// `--templates DIR`: user templates replacing the embedded ones file by file.
    public var templateOverrides: String?

    public init(rollback: Bool = false, secrets: SecretPolicy = .include, templateOverrides: String? = nil) {
        self.rollback = rollback
        self.secrets = secrets
        self.templateOverrides = templateOverrides
    }
}

public enum ConfigRenderer {
    /// Renders every virtual interface of `definition` for `vendor`, in file order; or
    /// every reason it cannot (platform limits, naming the vendor and the field).
    public static func render(_ definition: Definition, vendor: VendorID, options: RenderOptions = RenderOptions()) -> Result<[RenderedConfig], RenderFailure> {
        let intents: [RouterIntent]
        switch IntentBuilder.intents(for: definition) {
        case .success(let built): intents = built
        case .failure(let failure): return .failure(failure)
        }
        return render(intents, vendor: vendor, options: options)
    }

    public static func render(_ intents: [RouterIntent], vendor: VendorID, options: RenderOptions) -> Result<[RenderedConfig], RenderFailure> {
        let dialect = Dialects.dialect(for: vendor)
        let problems = intents.flatMap { dialect.problems(with: $0) }
        guard problems.isEmpty else { return .failure(RenderFailure(problems: problems)) }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(vendor: vendor, overrides: options.templateOverrides)
        } catch {
            return .failure(RenderFailure(problems: [RenderProblem(vendor: vendor, path: "--templates", message: error.description)]))
        }
        var configs: [RenderedConfig] = []
        for intent in intents {
            let context = ViewModel(intent: intent, dialect: dialect, secrets: options.secrets).build()
            do {
                let text = try templates.render(options.rollback ? "rollback" : "config", context: context)
                configs.append(RenderedConfig(vendor: vendor, virtualInterface: intent.virtualInterfaceName, text: text))
            } catch {
                return .failure(RenderFailure(problems: [RenderProblem(vendor: vendor, path: "--templates", message: error.description)]))
            }
        }
        return .success(configs)
    }
}

extension ConfigRenderer {
    /// One virtual interface for one vendor, with templates parsed beforehand (a batch
    /// parses each vendor's templates once, not once per interface).
    /// `shared`: the intent's vendor-neutral view, when it is rendered for several vendors.
    public static func render(_ intent: RouterIntent, dialect: any VendorDialect, templates: TemplateSet, options: RenderOptions,
                              shared: ViewModel.Shared? = nil) -> Result<RenderedConfig, RenderFailure> {
        let problems = dialect.problems(with: intent)
        guard problems.isEmpty else { return .failure(RenderFailure(problems: problems)) }
        let context = ViewModel(intent: intent, dialect: dialect, secrets: options.secrets, shared: shared).build()
        do {
            let text = try templates.render(options.rollback ? "rollback" : "config", context: context)
            return .success(RenderedConfig(vendor: dialect.id, virtualInterface: intent.virtualInterfaceName, text: text))
        } catch {
            return .failure(RenderFailure(problems: [RenderProblem(vendor: dialect.id, path: "--templates", message: error.description)]))
        }
    }

    /// The render step of a batch (`BatchPipeline`) for `vendors`: each vendor's dialect
    /// and templates are prepared once, and each interface's vendor-neutral view once for
    /// all its vendors. Fails when a `--templates` override cannot be used.
    public static func batchStep(vendors: [VendorID], options: RenderOptions) -> Result<BatchStep<VendorID>, RenderFailure> {
        var prepared: [(vendor: VendorID, dialect: any VendorDialect, templates: TemplateSet)] = []
        for vendor in vendors {
            do {
                prepared.append((vendor, Dialects.dialect(for: vendor), try TemplateSet(vendor: vendor, overrides: options.templateOverrides)))
            } catch {
                return .failure(RenderFailure(problems: [RenderProblem(vendor: vendor, path: "--templates", message: error.description)]))
            }
        }
        let ready = prepared
        return .success { item in
            let shared = ViewModel.Shared(item.intent)
            return { vendor in
                // A short list: comparing a few enum cases beats hashing the vendor.
                guard let (_, dialect, templates) = ready.first(where: { $0.vendor == vendor }) else {
                    return .failure(RenderFailure(problems: [RenderProblem(vendor: vendor, path: "--vendor", message: "not prepared for this batch")]))
                }
                return render(item.intent, dialect: dialect, templates: templates, options: options, shared: shared).map {
                    BatchFile(relativePath: $0.relativePath, text: $0.text, label: vendor.rawValue)
                }
            }
        }
    }
}
