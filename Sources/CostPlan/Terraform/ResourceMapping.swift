import Foundation

/// What one Terraform resource becomes.
enum MappingOutcome {
    /// A costplan component of `type` with these fields. `required` names fields the type needs
    /// that Terraform does not know yet (field → why); the usage file may supply them.
    case component(type: String, fields: [ImportedField], includes: [String], required: [String: String])
    /// Priced as part of the component built from another resource.
    case folded(into: String)
    /// No charge of its own.
    case free(String)
    /// costplan does not price it.
    case notPriced(String)
}

/// The resources of one side of a plan and the links between them, for the per-type mappers.
/// Links follow the configuration's references first (they hold while ids are unknown), then
/// known values (ids, names, ARNs of resources that already exist).
struct MappingContext {
    let plan: TerraformPlan
    let side: TerraformSide
    /// The day the plan is priced for (date-dependent charges such as RDS Extended Support).
    var pricingDate = Date()
    /// Every managed resource that exists on `side`, in plan order.
    let resources: [(resource: TerraformResource, attributes: ResourceAttributes)]
    /// `resources` by type, so links cost one lookup per type rather than a scan of the plan.
    private let byType: [String: [(resource: TerraformResource, attributes: ResourceAttributes)]]
    /// Links from the "many" side, computed once: read replicas by source address, cluster
    /// instances by cluster address, replication-group members by group address.
    private(set) var replicasBySource: [String: [(resource: TerraformResource, attributes: ResourceAttributes)]] = [:]
    private(set) var instancesByCluster: [String: [(resource: TerraformResource, attributes: ResourceAttributes)]] = [:]
    private(set) var membersByGroup: [String: [(resource: TerraformResource, attributes: ResourceAttributes)]] = [:]

    /// Per type, the resources by the known values other resources refer to them by
    /// (identifiers, names, ARNs; a task definition also by `family:revision`).
    private var byValue: [String: [String: (resource: TerraformResource, attributes: ResourceAttributes)]] = [:]
    static let identifyingAttributes: [String: [String]] = [
        "aws_db_instance": ["identifier", "id", "arn", "resource_id"],
        "aws_rds_cluster": ["cluster_identifier", "id", "arn"],
        "aws_elasticache_replication_group": ["replication_group_id", "id", "arn"],
        "aws_ecs_task_definition": ["arn", "family"],
        "aws_launch_template": ["id", "name", "arn"],
        "aws_launch_configuration": ["id", "name", "arn"],
    ]

    init(plan: TerraformPlan, side: TerraformSide) {
        self.plan = plan
        self.side = side
        resources = plan.resources.compactMap { r in r.attributes(side).map { (r, $0) } }
        byType = Dictionary(grouping: resources, by: \.resource.type)
        for (type, keys) in Self.identifyingAttributes {
            var index: [String: (resource: TerraformResource, attributes: ResourceAttributes)] = [:]
            for candidate in byType[type] ?? [] {
                var values = keys.compactMap { candidate.attributes.string($0) }
                if let family = candidate.attributes.string("family"), let revision = candidate.attributes.string("revision") {
                    values.append("\(family):\(revision)")
                }
                for value in values where index[value] == nil { index[value] = candidate }
            }
            byValue[type] = index
        }
        for db in all("aws_db_instance") where isReplica(db.resource, db.attributes) {
            if let source = replicaSource(db.resource, db.attributes) { replicasBySource[source.resource.address, default: []].append(db) }
        }
        for instance in all("aws_rds_cluster_instance") {
            if let cluster = clusterOf(instance.resource, instance.attributes) { instancesByCluster[cluster.resource.address, default: []].append(instance) }
        }
        for member in all("aws_elasticache_cluster") {
            if let group = elastiCacheGroupOf(member.resource, member.attributes) { membersByGroup[group.resource.address, default: []].append(member) }
        }
    }

    func all(_ type: String) -> [(resource: TerraformResource, attributes: ResourceAttributes)] {
        byType[type] ?? []
    }

    /// The resource of `type` that `resource`'s attribute at `path` points to.
    /// - Configuration references (`aws_launch_template.web.id`) resolve within the same module;
    ///   among `count`/`for_each` instances: an explicit key in the reference, else the same
    ///   key as `resource`, else the only or first instance.
    /// - Otherwise the attribute's known value is looked up among the identifying attributes of
    ///   that type (`identifyingAttributes`).
    func linked(_ resource: TerraformResource, _ attributes: ResourceAttributes, _ path: String,
                type: String) -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        let candidates = all(type)
        for reference in plan.configuration.references(of: resource, path) where reference.hasPrefix(type + ".") {
            let rest = reference.dropFirst(type.count + 1)
            let name = String(rest.prefix { $0 != "." && $0 != "[" })
            var explicitKey: String?
            if rest.dropFirst(name.count).hasPrefix("["), let close = rest.firstIndex(of: "]") {
                explicitKey = String(rest[rest.index(rest.startIndex, offsetBy: name.count + 1)..<close])
            }
            let named = candidates.filter { $0.resource.moduleAddress == resource.moduleAddress && $0.resource.name == name }
            if let explicitKey, let hit = named.first(where: { $0.resource.indexKey == explicitKey }) { return hit }
            if let hit = named.first(where: { $0.resource.indexKey == resource.indexKey }) { return hit }
            if let first = named.first { return first }
        }
        return attributes.string(path).flatMap { byValue[type]?[$0] }
    }

}

/// The resource types with no charge of their own: networking plumbing, access control,
/// configuration objects and non-AWS helper providers. (Sources: the AWS pricing pages list no
/// price for them; `aws_eip`, VPC endpoints, log groups and the like cost money and are *not* here.)
enum FreeResources {
    static let types: Set<String> = [
        "aws_vpc", "aws_subnet", "aws_route_table", "aws_route", "aws_route_table_association", "aws_main_route_table_association",
        "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_network_acl", "aws_network_acl_rule",
        "aws_network_acl_association", "aws_vpc_dhcp_options", "aws_vpc_dhcp_options_association",
        "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
        "aws_key_pair", "aws_placement_group",
        "aws_ecs_cluster", "aws_ecs_cluster_capacity_providers", "aws_ecs_capacity_provider",
        "aws_ecs_task_definition", "aws_appautoscaling_target", "aws_appautoscaling_policy", "aws_appautoscaling_scheduled_action",
        "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_autoscaling_attachment", "aws_autoscaling_lifecycle_hook",
        "aws_autoscaling_notification", "aws_launch_template", "aws_launch_configuration",
        "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group", "aws_lb_target_group_attachment",
        "aws_alb_listener", "aws_alb_listener_rule", "aws_alb_target_group", "aws_alb_target_group_attachment",
        "aws_lb_listener_certificate", "aws_acm_certificate", "aws_acm_certificate_validation",
        "aws_db_subnet_group", "aws_db_parameter_group", "aws_db_option_group", "aws_rds_cluster_parameter_group",
        "aws_elasticache_subnet_group", "aws_elasticache_parameter_group", "aws_elasticache_user", "aws_elasticache_user_group",
        "aws_cloudfront_origin_access_identity", "aws_cloudfront_origin_access_control", "aws_cloudfront_cache_policy",
        "aws_cloudfront_origin_request_policy", "aws_cloudfront_response_headers_policy",
        "aws_sns_topic_subscription", "aws_sns_topic_policy", "aws_sqs_queue_policy", "aws_lambda_permission",
        "aws_cloudwatch_log_resource_policy", "aws_ecr_lifecycle_policy", "aws_ecr_repository_policy",
        "aws_kms_alias", "aws_ssm_parameter", "aws_resourcegroups_group", "aws_service_linked_role",
        "aws_volume_attachment", "aws_network_interface", "aws_network_interface_attachment", "aws_network_interface_sg_attachment",
        "aws_eip_association", "aws_elb_attachment", "aws_lb_ssl_negotiation_policy", "aws_kms_grant",
        "aws_cloudwatch_log_stream", "aws_cloudwatch_log_subscription_filter", "aws_cloudwatch_log_metric_filter",
        "aws_ebs_encryption_by_default", "aws_ebs_default_kms_key", "aws_ecs_account_setting_default",
        "aws_ecr_registry_policy", "aws_ecr_replication_configuration", "aws_vpc_endpoint_route_table_association",
        "aws_vpc_endpoint_subnet_association", "aws_db_instance_role_association", "aws_rds_cluster_role_association",
    ]
    static let prefixes = ["aws_iam_", "aws_s3_bucket_", "aws_default_", "aws_s3_account_"]
    /// Access policies and attachments of any service (`aws_s3_bucket_policy`, `aws_sqs_queue_policy`,
    /// `aws_lb_cookie_stickiness_policy`, `aws_iam_role_policy_attachment`…): configuration, no charge.
    static let suffixes = ["_policy", "_policy_attachment"]
    /// Providers whose resources never reach an AWS bill.
    static let helperProviders = ["random_", "null_", "terraform_", "tls_", "local_", "time_", "archive_", "external_", "http_", "template_"]

    static func contains(_ type: String) -> Bool {
        types.contains(type) || prefixes.contains { type.hasPrefix($0) } || helperProviders.contains { type.hasPrefix($0) }
            || (type.hasPrefix("aws_") && suffixes.contains { type.hasSuffix($0) })
    }
}
