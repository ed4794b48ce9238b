import Foundation

/// Maps every resource of one side of a plan: primaries to components (claiming the resources
/// they fold in), then the rest to folded, free or not priced; applies the usage file; checks
/// that every field a type needs is known; names components and environments; resolves regions.
struct TerraformImporter {
    let plan: TerraformPlan
    let options: TerraformImportOptions

    func run() -> ImportedPlan {
        var context = MappingContext(plan: plan, side: options.side)
        context.pricingDate = options.pricingDate
        var report = TerraformReport(planFile: plan.file, side: options.side, formatVersion: plan.formatVersion,
                                     terraformVersion: plan.terraformVersion, usageFile: options.usage?.file)
        var outcomes: [String: MappingOutcome] = [:]
        var claimedBy: [String: String] = [:]
        for (r, a) in context.resources where MappingContext.primaryTypes.contains(r.type) {
            let outcome = context.map(r, a)
            outcomes[r.address] = outcome
            if case let .component(_, _, includes, _) = outcome {
                for address in includes where address != r.address && claimedBy[address] == nil { claimedBy[address] = r.address }
            }
        }
        let defaultEnvironment = options.usage?.environment ?? Self.identifier(options.environment)
        var components: [ImportedComponent] = [], usedIDs: Set<String> = [], usedEntries: Set<String> = []
        var environmentOf: [String: String] = [:]
        var assumedRegions = 0
        for (r, a) in context.resources {
            let outcome: MappingOutcome
            if let owner = claimedBy[r.address], outcomes[owner].map(isComponent) == true {
                outcome = .folded(into: owner)
            } else {
                outcome = outcomes[r.address] ?? context.mapUnclaimed(r, a)
            }
            func entry(_ reason: String) -> TerraformReport.Resource {
                TerraformReport.Resource(address: r.address, type: r.type, action: r.action, reason: reason)
            }
            switch outcome {
            case .folded: break  // listed with its owner below
            case let .free(reason): report.free.append(entry(reason))
            case let .notPriced(reason): report.notPriced.append(entry(reason))
            case let .component(type, fields, includes, required):
                let environment = environmentName(r, a, default: defaultEnvironment)
                var component = ImportedComponent(id: uniqueID(for: r, used: &usedIDs), type: type, address: r.address,
                                                  includes: includes, region: "us-east-1", regionComment: nil,
                                                  environment: environment, fields: fields, resourceType: r.type, action: r.action)
                let (resolvedRegion, regionNote) = region(r, a)
                component.region = resolvedRegion
                component.regionComment = regionNote
                if regionNote != nil { assumedRegions += 1 }
                var missing = required
                var fromUsage: Set<String> = []
                for usage in options.usage?.fields(for: r) ?? [] {
                    usedEntries.insert(usage.entry)
                    guard let value = PlanFieldValue(usage.node) else { continue }
                    component.set(usage.key, value, "from usage file (\(usage.entry))")
                    missing[usage.key] = nil
                    fromUsage.insert(usage.key)
                }
                Self.dropInapplicableIOPS(&component, usageKeys: fromUsage)
                if !missing.isEmpty {
                    let needs = missing.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; ")
                    report.unresolved.append(entry("needs \(needs): give \(missing.keys.sorted().joined(separator: ", ")) in the usage file"))
                    continue
                }
                components.append(component)
                environmentOf[r.address] = environment
                report.priced.append(TerraformReport.Priced(address: r.address, type: r.type, action: r.action,
                                                            environment: environment, component: component.id))
                let volumes = context.attachedVolumes(r, a).compactMap { volume -> ImportedComponent? in
                    if let reason = volume.notPriced {
                        report.notPriced.append(TerraformReport.Resource(address: "\(r.address).\(volume.name)", type: r.type, action: r.action, reason: reason))
                        return nil
                    }
                    return attached(volume, to: component, used: &usedIDs)
                }
                components += volumes
                for c in [component] + volumes {
                    for field in c.fields {
                        if let note = field.comment, note.hasPrefix("note: ") {
                            report.notes.append("\(c.address): \(note.dropFirst(6))")
                        }
                        if let note = field.comment, note.hasPrefix("guessed") {
                            report.guesses.append(TerraformReport.Guess(environment: environment, component: c.id, field: field.key, note: note))
                        }
                    }
                }
            }
        }
        // Folded resources are priced in their owner's environment and component.
        let resourceByAddress = Dictionary(context.resources.map { ($0.resource.address, $0.resource) }, uniquingKeysWith: { a, _ in a })
        let componentByAddress = Dictionary(components.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        for (address, owner) in claimedBy {
            guard let r = resourceByAddress[address] else { continue }
            if let environment = environmentOf[owner], let component = componentByAddress[owner] {
                report.priced.append(TerraformReport.Priced(address: address, type: r.type, action: r.action,
                                                            environment: environment, component: component.id))
            } else if outcomes[owner].map(isComponent) == true {
                report.unresolved.append(TerraformReport.Resource(address: address, type: r.type, action: r.action,
                                                                  reason: "part of \(owner), which cannot be priced yet"))
            }
        }
        report.unresolved.sort { $0.address < $1.address }
        report.priced.sort { $0.address < $1.address }
        if assumedRegions > 0 {
            report.notes.append("\(assumedRegions) resource\(assumedRegions == 1 ? "" : "s") with no region in the plan priced in "
                                + "\(options.usage?.region ?? "us-east-1") (\(options.usage?.region == nil ? "assumed; set `region:` in the usage file" : "the usage file's region"))")
        }
        for entry in options.usage?.resources ?? [] where !usedEntries.contains(entry.key) {
            report.notes.append("usage file entry '\(entry.key)' matches no priced resource on the \(options.side.rawValue) side of the plan")
        }
        for (r, _) in context.resources where r.actions == ["forget"] || r.actions == ["create", "forget"] {
            report.notes.append("\(r.address) is forgotten, not destroyed: the old object keeps running outside Terraform"
                                + (r.actions == ["forget"] ? " (still counted)" : " (not counted)"))
        }
        for change in plan.deferred {
            report.notPriced.append(TerraformReport.Resource(address: change.address, type: change.type, action: "deferred",
                                                             reason: "deferred to a later plan (\(change.reason)): run terraform plan again after apply"))
        }
        for r in plan.resources where !TerraformResource.knownActions.contains(r.actions) {
            report.notes.append("\(r.address) has actions \(r.actions) that this costplan does not know; read by its \(options.side.rawValue) state")
        }
        if plan.errored { report.notes.append("Terraform reported an error while planning: the plan may be incomplete") }
        let environments = orderedEnvironments(components, default: defaultEnvironment)
        let planRegion = options.usage?.region ?? PlanFileWriter.mostCommon(components.map(\.region)) ?? "us-east-1"
        let name = options.usage?.name ?? Self.identifier(((plan.file as NSString).lastPathComponent as NSString).deletingPathExtension)
        return ImportedPlan(name: name, region: planRegion, environments: environments, components: components, report: report)
    }

    /// The `ebs` component of a volume that comes with `owner` (an instance or each instance of
    /// a group): id `<owner id>.<device>`, the owner's environment and region, the owner's count.
    private func attached(_ volume: AttachedVolume, to owner: ImportedComponent, used: inout Set<String>) -> ImportedComponent {
        let device = volume.name.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
        let candidate = Self.unique(owner.id + "." + device, address: "\(owner.address).\(volume.name)", used: &used)
        var fields = volume.fields
        if let count = owner.field("count"), count.value.number != 1 {
            fields.append(ImportedField(key: "count", value: count.value, comment: "one volume per instance"))
        }
        return ImportedComponent(id: candidate, type: "ebs", address: "\(owner.address).\(volume.name)", includes: [],
                                 region: owner.region, regionComment: owner.regionComment, environment: owner.environment, fields: fields,
                                 resourceType: owner.resourceType, action: owner.action)
    }

    /// A usage-file storage type without provisioned IOPS (RDS or EBS `gp2`, `st1`, `sc1`) drops
    /// the mapped `iops` (and `throughput_mbps`) that only applied to the plan's type, unless the
    /// usage file gives them too.
    static func dropInapplicableIOPS(_ component: inout ImportedComponent, usageKeys: Set<String>) {
        let typeKey = component.type == "rds" ? "storage_type" : component.type == "ebs" ? "volume_type" : nil
        guard let typeKey, usageKeys.contains(typeKey), case let .string(type)? = component.field(typeKey)?.value else { return }
        let drop = (type == "gp3" ? [] : ["throughput_mbps"]) + (["gp3", "io1"].contains(type) ? [] : ["iops"])
        component.fields.removeAll { drop.contains($0.key) && !usageKeys.contains($0.key) }
    }

    private func isComponent(_ outcome: MappingOutcome) -> Bool {
        if case .component = outcome { return true }
        return false
    }

    // MARK: - Regions

    /// The resource's region: its own `region` (AWS provider v6), its provider configuration's
    /// region, the region in its ARN, the usage file's `region`, else us-east-1 (assumed).
    private func region(_ r: TerraformResource, _ a: ResourceAttributes) -> (String, String?) {
        if let own = a.string("region"), AWSRegion.isKnown(own) { return (own, nil) }
        if let provider = plan.configuration.providerRegion(for: r), AWSRegion.isKnown(provider) { return (provider, nil) }
        for key in ["arn", "id"] {
            if let arn = a.string(key), arn.hasPrefix("arn:") {
                let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
                if parts.count > 3, AWSRegion.isKnown(String(parts[3])) { return (String(parts[3]), nil) }
            }
        }
        if let region = options.usage?.region { return (region, "region not in the plan: the usage file's") }
        return ("us-east-1", "assumed: the plan does not give this resource's region")
    }

    // MARK: - Names

    private func environmentName(_ r: TerraformResource, _ a: ResourceAttributes, default name: String) -> String {
        switch options.split {
        case .workspace: return name
        case .module:
            guard let module = r.moduleAddress, module.hasPrefix("module.") else { return name }
            let call = TerraformConfiguration.moduleCalls(module).first ?? name
            let afterCall = module.dropFirst("module.\(call)".count)
            if afterCall.hasPrefix("[") , let close = afterCall.firstIndex(of: "]") {
                let key = afterCall[afterCall.index(after: afterCall.startIndex)..<close].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return Self.identifier(key)
            }
            return Self.identifier(call)
        case let .tag(key):
            guard let value = a.string("tags_all.\(key)") ?? a.string("tags.\(key)") else { return name }
            return Self.identifier(value)
        }
    }

    /// A component id from the address: module prefixes and the `aws_` prefix dropped, the
    /// instance key appended (`module.app.aws_ecs_service.api["x"]` → `app.ecs_service.api.x`),
    /// other characters replaced by `_`; at most 64 characters; unique within the plan.
    private func uniqueID(for r: TerraformResource, used: inout Set<String>) -> String {
        var parts = TerraformConfiguration.moduleCalls(r.moduleAddress)
        parts.append(r.type.hasPrefix("aws_") ? String(r.type.dropFirst(4)) : r.type)
        parts.append(r.name)
        if let key = r.indexKey { parts.append(key.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
        if let deposed = r.deposed { parts.append("deposed-\(deposed)") }
        return Self.unique(parts.joined(separator: "."), address: r.address, used: &used)
    }

    /// `text` as a component id: sanitized, at most 64 characters (a long one ends in a hash of
    /// `address`), `-2`, `-3`… appended until it is not in `used`.
    private static func unique(_ text: String, address: String, used: inout Set<String>) -> String {
        var id = sanitized(text)
        if id.count > 64 { id = String(id.prefix(55)) + "-" + hash(address) }
        var candidate = id, n = 2
        while used.contains(candidate) { candidate = "\(id.prefix(60))-\(n)"; n += 1 }
        used.insert(candidate)
        return candidate
    }

    /// `text` with every character a plan name may not hold replaced by `_`.
    static func sanitized(_ text: String) -> String {
        let allowed = PlanParser.identifierCharacters
        let cleaned = String(text.map { allowed.contains($0) ? $0 : "_" })
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "default" : cleaned
    }

    /// A valid plan or environment name made from `text` (at most 64 characters).
    static func identifier(_ text: String) -> String { String(sanitized(text).prefix(64)) }

    /// 8 hex digits of FNV-1a: short, stable across runs and platforms.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return String(format: "%08x", value)
    }

    private func orderedEnvironments(_ components: [ImportedComponent], default name: String) -> [String] {
        var seen: [String] = []
        for c in components where !seen.contains(c.environment) { seen.append(c.environment) }
        return seen.isEmpty ? [name] : seen
    }
}
