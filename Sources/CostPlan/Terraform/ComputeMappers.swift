import Foundation

/// Fargate services, EC2 instances and Auto Scaling groups.
extension MappingContext {
    // MARK: - aws_ecs_service (+ task definition + appautoscaling target) → fargate

    func ecsService(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], includes: [String] = [], required: [String: String] = [:]
        let taskDefinition = linked(r, a, "task_definition", type: "aws_ecs_task_definition")
        let strategy = a.list("capacity_provider_strategy").compactMap { $0["capacity_provider"]?.text }
        let launchType = a.string("launch_type")
        var launchComment: String?
        if launchType == "EC2" || launchType == "EXTERNAL" || (!strategy.isEmpty && !strategy.contains { $0.hasPrefix("FARGATE") }) {
            return .notPriced("runs on EC2 capacity (launch type \(launchType ?? "from a capacity provider")): priced as its instances or Auto Scaling group")
        }
        if launchType == nil, strategy.isEmpty {
            let compatibilities = taskDefinition?.attributes.list("requires_compatibilities").compactMap(\.text) ?? []
            if compatibilities.contains("FARGATE") {
                launchComment = "guessed: launch type unknown until apply (cluster default strategy); the task definition requires FARGATE"
            } else if a.isUnknown("launch_type") {
                launchComment = "guessed: launch type unknown until apply (cluster default strategy); priced as Fargate"
            } else {
                return .notPriced("launch type EC2 (the default): priced as its instances or Auto Scaling group")
            }
        }
        if strategy.contains("FARGATE_SPOT") { launchComment = "FARGATE_SPOT capacity is priced at on-demand Fargate rates" }

        if case let (definition, d)? = taskDefinition {
            includes.append(definition.address)
            if let family = d.string("runtime_platform.0.operating_system_family"), family != "LINUX" {
                return .notPriced("Fargate on \(family) is not priced (Linux only)")
            }
            if let cpu = d.string("cpu").flatMap(Self.vCPU) {
                fields.append(ImportedField(key: "cpu", value: .number(cpu), comment: launchComment))
                launchComment = nil
            } else {
                required["cpu"] = d.isUnknown("cpu") ? "the task definition's cpu is unknown until apply" : "the task definition sets no task-level cpu"
            }
            if let memory = d.string("memory").flatMap(Self.memoryGB) {
                fields.append(ImportedField(key: "memory_gb", value: .number(memory), comment: nil))
            } else {
                required["memory_gb"] = d.isUnknown("memory") ? "the task definition's memory is unknown until apply" : "the task definition sets no task-level memory"
            }
            if d.string("runtime_platform.0.cpu_architecture") == "ARM64" {
                fields.append(ImportedField(key: "architecture", value: .string("arm64"), comment: nil))
            }
            if let storage = d.decimal("ephemeral_storage.0.size_in_gib") {
                fields.append(ImportedField(key: "ephemeral_storage_gb", value: .number(storage), comment: nil))
            }
        } else {
            let why = a.isUnknown("task_definition") ? "its task definition is unknown until apply" : "its task definition is not in this plan"
            required["cpu"] = why
            required["memory_gb"] = why
        }

        let desired = a.int("desired_count")
        let target = all("aws_appautoscaling_target").first { t in
            guard t.attributes.string("scalable_dimension") == "ecs:service:DesiredCount" else { return false }
            let refs = plan.configuration.references(of: t.resource, "resource_id")
            if t.resource.moduleAddress == r.moduleAddress, refs.contains("aws_ecs_service.\(r.name)") { return true }
            if let id = t.attributes.string("resource_id"), let name = a.string("name") { return id.hasPrefix("service/") && id.hasSuffix("/\(name)") }
            return false
        }
        if case let (t, ta)? = target, let low = ta.int("min_capacity"), let high = ta.int("max_capacity") {
            includes.append(t.address)
            let wanted = min(max(desired ?? low, low), high)
            let note = desired == nil ? "guessed: desired = min_capacity (desired_count is unknown until apply)" : nil
            fields.append(ImportedField(key: "tasks", value: .count(min: low, max: high, desired: wanted), comment: note))
        } else if let desired {
            fields.append(ImportedField(key: "tasks", value: .int(desired), comment: nil))
        } else {
            required["tasks"] = "desired_count is unknown until apply and no autoscaling target gives a range"
        }
        if let launchComment, fields.first != nil { fields[0].comment = fields[0].comment ?? launchComment }
        return .component(type: "fargate", fields: fields, includes: includes, required: required)
    }

    /// Task CPU as vCPU: CPU units (`"256"` → 0.25) or `"1 vCPU"`.
    static func vCPU(_ text: String) -> Decimal? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered.hasSuffix("vcpu") { return Money.parse(lowered.dropLast(4).trimmingCharacters(in: .whitespaces)) }
        return Money.parse(lowered).map { $0 / 1024 }
    }

    /// Task memory in GB: MiB (`"512"` → 0.5) or `"2 GB"`.
    static func memoryGB(_ text: String) -> Decimal? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered.hasSuffix("gb") { return Money.parse(lowered.dropLast(2).trimmingCharacters(in: .whitespaces)) }
        return Money.parse(lowered).map { $0 / 1024 }
    }

    // MARK: - aws_instance → ec2

    func instance(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], includes: [String] = [], required: [String: String] = [:]
        var comment = pricingComment(a)
        if let type = a.string("instance_type") {
            fields.append(ImportedField(key: "instance_type", value: .string(type), comment: comment))
            comment = nil
        } else if case let (template, t)? = launchTemplate(r, a, idPath: "launch_template.0.id", namePath: "launch_template.0.name"),
                  let type = t.string("instance_type") {
            includes.append(template.address)
            fields.append(ImportedField(key: "instance_type", value: .string(type), comment: "from \(template.address)"))
        } else {
            required["instance_type"] = a.isSensitive("instance_type") ? "instance_type is sensitive" : "instance_type is unknown until apply"
        }
        fields.append(ImportedField(key: "count", value: .int(1), comment: comment))
        return .component(type: "ec2", fields: fields, includes: includes, required: required)
    }

    // MARK: - aws_autoscaling_group (+ launch template / configuration) → ec2

    func autoscalingGroup(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], includes: [String] = [], required: [String: String] = [:]
        let policy = "mixed_instances_policy.0.launch_template.0"
        if let type = a.string("\(policy).override.0.instance_type") {
            let overrides = a.list("\(policy).override").count
            let template = launchTemplate(r, a, idPath: "\(policy).launch_template_specification.0.launch_template_id",
                                          namePath: "\(policy).launch_template_specification.0.launch_template_name")
            if let template { includes.append(template.resource.address) }
            fields.append(ImportedField(key: "instance_type", value: .string(type), comment: overrides > 1
                ? "guessed: the first of \(overrides) instance types in mixed_instances_policy; on-demand rates" : "mixed_instances_policy override; on-demand rates"))
        } else if case let (template, t)? = launchTemplate(r, a, idPath: "launch_template.0.id", namePath: "launch_template.0.name")
                    ?? launchTemplate(r, a, idPath: "\(policy).launch_template_specification.0.launch_template_id",
                                      namePath: "\(policy).launch_template_specification.0.launch_template_name") {
            includes.append(template.address)
            if let type = t.string("instance_type") {
                fields.append(ImportedField(key: "instance_type", value: .string(type), comment: "from \(template.address)"))
            } else {
                required["instance_type"] = "\(template.address) sets no instance_type (instance_requirements?)"
            }
        } else if case let (configuration, c)? = linked(r, a, "launch_configuration", type: "aws_launch_configuration") {
            includes.append(configuration.address)
            if let type = c.string("instance_type") {
                fields.append(ImportedField(key: "instance_type", value: .string(type), comment: "from \(configuration.address)"))
            } else {
                required["instance_type"] = "the launch configuration's instance_type is unknown until apply"
            }
        } else {
            required["instance_type"] = "its launch template or configuration is not in this plan"
        }
        if let low = a.int("min_size"), let high = a.int("max_size") {
            let desired = a.int("desired_capacity")
            fields.append(ImportedField(key: "count", value: .count(min: low, max: high, desired: min(max(desired ?? low, low), high)),
                                        comment: desired == nil ? "guessed: desired = min_size (desired_capacity is unknown until apply)" : nil))
        } else {
            required["count"] = "min_size/max_size are unknown until apply"
        }
        return .component(type: "ec2", fields: fields, includes: includes, required: required)
    }

    private func launchTemplate(_ r: TerraformResource, _ a: ResourceAttributes, idPath: String, namePath: String)
        -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        linked(r, a, idPath, type: "aws_launch_template")
            ?? linked(r, a, namePath, type: "aws_launch_template")
    }

    private func pricingComment(_ a: ResourceAttributes) -> String? {
        var notes: [String] = []
        if a.string("instance_market_options.0.market_type") == "spot" { notes.append("spot instance priced at the on-demand rate") }
        if let tenancy = a.string("tenancy"), tenancy != "default" { notes.append("\(tenancy) tenancy priced at the shared rate") }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}
