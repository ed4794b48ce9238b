import Foundation

/// NAT gateways, load balancers (ALB, NLB, Classic), S3 buckets, CloudFront distributions, EBS
/// volumes, KMS keys, ECR repositories and log groups, and the dispatch from a resource type to its mapper.
extension MappingContext {
    /// The resource types that become components of their own (the rest are folded, free or not priced).
    static let primaryTypes: Set<String> = [
        "aws_ecs_service", "aws_instance", "aws_autoscaling_group", "aws_nat_gateway", "aws_lb", "aws_alb",
        "aws_db_instance", "aws_rds_cluster", "aws_elasticache_replication_group", "aws_elasticache_cluster",
        "aws_s3_bucket", "aws_cloudfront_distribution", "aws_ebs_volume",
        "aws_elb", "aws_kms_key", "aws_ecr_repository", "aws_cloudwatch_log_group", "aws_secretsmanager_secret", "aws_route53_zone",
    ]

    /// Maps a resource of a primary type.
    func map(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        switch r.type {
        case "aws_ecs_service": ecsService(r, a)
        case "aws_instance": instance(r, a)
        case "aws_autoscaling_group": autoscalingGroup(r, a)
        case "aws_nat_gateway": natGateway(r, a)
        case "aws_lb", "aws_alb": loadBalancer(r, a)
        case "aws_db_instance": dbInstance(r, a)
        case "aws_rds_cluster": auroraCluster(r, a)
        case "aws_elasticache_replication_group": elastiCacheGroup(r, a)
        case "aws_elasticache_cluster": elastiCacheCluster(r, a)
        case "aws_s3_bucket": .component(type: "s3", fields: [], includes: [], required: [:])
        case "aws_cloudfront_distribution": cloudFront(r, a)
        case "aws_ebs_volume": ebsVolume(r, a)
        case "aws_elb": Self.one("clb", counted: "count")
        case "aws_kms_key": Self.one("kms", counted: "keys")
        // Usage (image storage, log ingestion) comes from the usage file, else depends on usage.
        case "aws_ecr_repository": .component(type: "ecr", fields: [], includes: [], required: [:])
        case "aws_cloudwatch_log_group": .component(type: "cloudwatch_logs", fields: [], includes: [], required: [:])
        case "aws_secretsmanager_secret": Self.one("secrets_manager", counted: "secrets")
        case "aws_route53_zone": Self.one("route53", counted: "hosted_zones")
        default: .notPriced("costplan does not price \(r.type)")
        }
    }

    /// Maps a resource that no primary resource folded in.
    func mapUnclaimed(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        switch r.type {
        case "aws_rds_cluster_instance": orphanClusterInstance(r, a)
        case "aws_ecs_task_definition": .free("a task definition costs nothing until a service runs it")
        case "aws_appautoscaling_target", "aws_launch_template", "aws_launch_configuration": .free("no charge of its own")
        case _ where FreeResources.contains(r.type): .free("no charge of its own")
        case _ where !r.type.hasPrefix("aws_"): .notPriced("costplan prices AWS resources only")
        default: .notPriced("costplan does not price \(r.type)")
        }
    }

    /// A component of `type` counting one thing in field `key` (usage from the usage file).
    static func one(_ type: String, counted key: String) -> MappingOutcome {
        .component(type: type, fields: [ImportedField(key: key, value: .int(1), comment: nil)], includes: [], required: [:])
    }

    func natGateway(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var notes: [String] = []
        if a.string("connectivity_type") == "private" { notes.append("private NAT gateway: same hourly and per-GB rates") }
        if a.string("availability_mode") == "regional" { notes.append("guessed: a regional NAT gateway is priced as one zonal gateway") }
        return .component(type: "nat_gateway", fields: [ImportedField(key: "count", value: .int(1), comment: notes.isEmpty ? nil : notes.joined(separator: "; "))],
                          includes: [], required: [:])
    }

    func loadBalancer(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        let kind = a.string("load_balancer_type")
        let type: String
        switch kind {
        case "application", nil: type = "alb"
        case "network": type = "nlb"
        case let other?: return .notPriced("\(other) load balancers are not priced")
        }
        return .component(type: type, fields: [ImportedField(key: "count", value: .int(1),
            comment: kind == nil ? "guessed: load_balancer_type unknown until apply (provider default application)" : nil)], includes: [], required: [:])
    }

    func cloudFront(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        guard let priceClass = a.string("price_class") else { return .component(type: "cloudfront", fields: [], includes: [], required: [:]) }
        return .component(type: "cloudfront", fields: [ImportedField(key: "price_class", value: .string(priceClass), comment: nil)], includes: [], required: [:])
    }

    func ebsVolume(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = []
        let volumeType = a.string("type")
        let type = volumeType ?? "gp2"
        guard ["gp2", "gp3", "io1", "st1", "sc1"].contains(type) else { return .notPriced("EBS volume type \(type) is not priced") }
        fields.append(ImportedField(key: "volume_type", value: .string(type), comment: volumeType == nil ? "guessed: type unknown until apply (AWS default gp2)" : nil))
        if let size = a.decimal("size") {
            fields.append(ImportedField(key: "storage_gb", value: .number(size), comment: nil))
        } else {
            fields.append(ImportedField(key: "storage_gb", value: .number(Self.defaultRootVolumeGB),
                                        comment: "guessed: size unknown until apply (from a snapshot?); 8 GB assumed"))
        }
        if type == "io1" || type == "gp3", let iops = a.decimal("iops") { fields.append(ImportedField(key: "iops", value: .number(iops), comment: nil)) }
        if type == "gp3", let throughput = a.decimal("throughput") {
            fields.append(ImportedField(key: "throughput_mbps", value: .number(throughput), comment: nil))
        }
        return .component(type: "ebs", fields: fields, includes: [], required: [:])
    }
}
