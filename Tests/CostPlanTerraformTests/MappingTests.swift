import CostPlan
import Foundation
import Testing

/// Each mapped resource type, on synthetic plans (marked as such: the real samples lack them).
@Suite struct MappingTests {
    @Test func ecsServiceWithTaskDefinitionAndAutoscalingTargetIsAFargateRange() throws {
        var plan = SyntheticPlan()
        plan.add("aws_ecs_task_definition", "api", after: ["family": "api", "cpu": "1024", "memory": "2048",
            "runtime_platform": [["cpu_architecture": "ARM64", "operating_system_family": "LINUX"]],
            "ephemeral_storage": [["size_in_gib": 30]], "requires_compatibilities": ["FARGATE"]],
            unknown: ["arn": true, "revision": true], module: "module.app")
        plan.add("aws_ecs_service", "api", after: ["name": "api", "desired_count": 3, "launch_type": "FARGATE", "capacity_provider_strategy": []],
                 unknown: ["task_definition": true], module: "module.app",
                 references: ["task_definition": ["aws_ecs_task_definition.api.arn", "aws_ecs_task_definition.api"]])
        plan.add("aws_appautoscaling_target", "api", after: ["min_capacity": 2, "max_capacity": 10,
            "scalable_dimension": "ecs:service:DesiredCount", "service_namespace": "ecs"], unknown: ["resource_id": true], module: "module.app",
            references: ["resource_id": ["aws_ecs_service.api.name", "aws_ecs_service.api"]])
        let imported = try plan.imported()
        let settings = try #require(try imported.settings("app.ecs_service.api"))
        // "1024" CPU units = 1 vCPU; "2048" MiB = 2 GB; tasks from the target, desired from desired_count.
        #expect(settings["cpu"] == "1")
        #expect(settings["memory_gb"] == "2")
        #expect(settings["architecture"] == "arm64")
        #expect(settings["ephemeral_storage_gb"] == "30")
        #expect(settings["tasks.min"] == "2" && settings["tasks.max"] == "10" && settings["tasks.desired"] == "3")
        #expect(imported.report.priced.map(\.address).sorted() == [
            "module.app.aws_appautoscaling_target.api", "module.app.aws_ecs_service.api", "module.app.aws_ecs_task_definition.api"])
        #expect(imported.report.notPriced.isEmpty && imported.report.unresolved.isEmpty)
    }

    @Test(arguments: [
        ("256", "512", "0.25", "0.5"),
        ("1 vCPU", "2 GB", "1", "2"),
        ("4096", "8192", "4", "8"),
    ])
    func taskSizesConvert(cpu: String, memory: String, vCPU: String, gb: String) throws {
        var plan = SyntheticPlan()
        plan.add("aws_ecs_task_definition", "t", after: ["family": "t", "cpu": cpu, "memory": memory])
        plan.add("aws_ecs_service", "s", after: ["desired_count": 1, "launch_type": "FARGATE"], unknown: ["task_definition": true],
                 references: ["task_definition": ["aws_ecs_task_definition.t.arn", "aws_ecs_task_definition.t"]])
        let settings = try #require(try plan.imported().settings("ecs_service.s"))
        #expect(settings["cpu"] == vCPU)
        #expect(settings["memory_gb"] == gb)
    }

    @Test func ecsServiceOnEC2IsListedNotPriced() throws {
        var plan = SyntheticPlan()
        plan.add("aws_ecs_service", "s", after: ["desired_count": 1, "launch_type": "EC2"])
        let report = try plan.imported().report
        #expect(report.priced.isEmpty)
        #expect(report.notPriced.map(\.address) == ["aws_ecs_service.s"])
    }

    @Test func instancesWithCountAndForEachAreOneComponentEach() throws {
        var plan = SyntheticPlan()
        plan.add("aws_instance", "web", after: ["instance_type": "t3.small"], index: 0)
        plan.add("aws_instance", "web", after: ["instance_type": "t3.small"], index: 1)
        plan.add("aws_instance", "worker", after: ["instance_type": "t3.large"], index: "blue")
        let built = try plan.imported().plan()
        let instances = built.environments[0].components.filter { $0.type == .ec2 }  // each with its root volume beside it
        #expect(instances.map(\.id) == ["instance.web.0", "instance.web.1", "instance.worker.blue"])
        #expect(instances.map { $0.settings["instance_type"] } == ["t3.small", "t3.small", "t3.large"])
    }

    @Test func unknownInstanceTypeIsUnresolvedUntilTheUsageFileGivesIt() throws {
        var plan = SyntheticPlan()
        plan.add("aws_instance", "web", after: ["ami": "ami-1"], unknown: ["instance_type": true])
        let without = try plan.imported()
        #expect(without.report.priced.isEmpty)
        #expect(without.report.unresolved.map(\.address) == ["aws_instance.web"])
        #expect(without.report.unresolved[0].reason.contains("instance_type"))
        let with = try plan.imported(usage: "resources:\n  aws_instance.web: {instance_type: t3.medium}\n")
        #expect(try with.settings("instance.web")?["instance_type"] == "t3.medium")
        #expect(with.report.unresolved.isEmpty)
    }

    @Test func autoscalingGroupTakesTheLaunchTemplateTypeAndItsRange() throws {
        var plan = SyntheticPlan()
        plan.add("aws_launch_template", "lt", after: ["instance_type": "t3.large"], unknown: ["id": true, "name": true], module: "module.w")
        plan.add("aws_autoscaling_group", "asg", after: ["min_size": 2, "max_size": 6, "launch_template": [["version": "$Latest"]]],
                 unknown: ["desired_capacity": true, "launch_template": [["id": true, "name": true]]], module: "module.w",
                 references: ["launch_template.0.id": ["aws_launch_template.lt.id", "aws_launch_template.lt"]])
        let imported = try plan.imported()
        let settings = try #require(try imported.settings("w.autoscaling_group.asg"))
        #expect(settings["instance_type"] == "t3.large")
        // desired_capacity unknown → desired = min_size (a commented guess).
        #expect(settings["count.min"] == "2" && settings["count.max"] == "6" && settings["count.desired"] == "2")
        #expect(imported.report.guesses.map(\.field) == ["count"])
        #expect(imported.planText.contains("# guessed: desired = min_size"))
    }

    @Test func natGatewaysLoadBalancersBucketsAndDistributions() throws {
        var plan = SyntheticPlan()
        plan.add("aws_nat_gateway", "nat", after: ["connectivity_type": "public"])
        plan.add("aws_lb", "app", after: ["load_balancer_type": "application"])
        plan.add("aws_lb", "net", after: ["load_balancer_type": "network"])
        plan.add("aws_alb", "legacy", after: [:], unknown: ["load_balancer_type": true])
        plan.add("aws_lb", "gw", after: ["load_balancer_type": "gateway"])
        plan.add("aws_s3_bucket", "b", after: ["bucket": "b"])
        plan.add("aws_cloudfront_distribution", "cdn", after: ["price_class": "PriceClass_200", "enabled": true])
        let imported = try plan.imported()
        let components = try imported.plan().environments[0].components
        #expect(components.map(\.id) == ["nat_gateway.nat", "lb.app", "lb.net", "alb.legacy", "s3_bucket.b", "cloudfront_distribution.cdn"])
        #expect(components.map(\.type.rawValue) == ["nat_gateway", "alb", "nlb", "alb", "s3", "cloudfront"])
        #expect(components[5].settings["price_class"] == "PriceClass_200")
        #expect(imported.report.notPriced.map(\.address) == ["aws_lb.gw"])
    }

    @Test func rdsReadReplicasFoldIntoTheirSource() throws {
        var plan = SyntheticPlan()
        plan.add("aws_db_instance", "main", after: ["identifier": "main", "engine": "postgres", "instance_class": "db.r6g.large",
                                                    "multi_az": true, "allocated_storage": 100, "storage_type": "gp3"])
        for i in 0..<2 {
            plan.add("aws_db_instance", "replica", after: ["instance_class": "db.r6g.large", "replicate_source_db": "main"],
                     unknown: ["engine": true, "multi_az": true], index: i,
                     references: ["replicate_source_db": ["aws_db_instance.main.identifier", "aws_db_instance.main"]])
        }
        let imported = try plan.imported()
        let components = try imported.plan().environments[0].components
        #expect(components.map(\.id) == ["db_instance.main"])
        let s = components[0].settings
        #expect(s["engine"] == "postgres" && s["multi_az"] == "true" && s["storage_gb"] == "100" && s["storage_type"] == "gp3")
        #expect(s["replicas"] == "2" && s["replica_instance_class"] == "db.r6g.large")
        #expect(imported.report.priced.count == 3)
    }

    @Test func auroraServerlessV2ClusterWithItsInstances() throws {
        var plan = SyntheticPlan()
        plan.add("aws_rds_cluster", "db", after: ["cluster_identifier": "db", "engine": "aurora-mysql",
            "serverlessv2_scaling_configuration": [["min_capacity": 0.5, "max_capacity": 16]]])
        for i in 0..<2 {
            plan.add("aws_rds_cluster_instance", "db", after: ["instance_class": "db.serverless", "engine": "aurora-mysql"],
                     unknown: ["cluster_identifier": true], index: i,
                     references: ["cluster_identifier": ["aws_rds_cluster.db.id", "aws_rds_cluster.db"]])
        }
        let imported = try plan.imported(usage: "resources:\n  aws_rds_cluster.db: {storage_gb: 50, serverless_v2: {min_acu: 0.5, max_acu: 16, average_acu: 2}}\n")
        let s = try #require(try imported.settings("rds_cluster.db"))
        #expect(s["engine"] == "aurora-mysql" && s["instances"] == "2")
        #expect(s["serverless_v2.min_acu"] == "0.5" && s["serverless_v2.max_acu"] == "16" && s["serverless_v2.average_acu"] == "2")
        #expect(s["storage_gb"] == "50")
        #expect(imported.planText.contains("# from usage file (aws_rds_cluster.db)"))
    }

    @Test func auroraProvisionedCluster() throws {
        var plan = SyntheticPlan()
        plan.add("aws_rds_cluster", "db", after: ["cluster_identifier": "db", "engine": "aurora-postgresql", "serverlessv2_scaling_configuration": []])
        plan.add("aws_rds_cluster_instance", "db", after: ["instance_class": "db.r6g.large", "engine": "aurora-postgresql", "cluster_identifier": "db"], index: 0)
        plan.add("aws_rds_cluster_instance", "db", after: ["instance_class": "db.r6g.large", "engine": "aurora-postgresql", "cluster_identifier": "db"], index: 1)
        let s = try #require(try plan.imported().settings("rds_cluster.db"))
        #expect(s["instance_class"] == "db.r6g.large" && s["instances"] == "2")
    }

    @Test func elastiCacheReplicationGroupsAndClusters() throws {
        var plan = SyntheticPlan()
        plan.add("aws_elasticache_replication_group", "a", after: ["replication_group_id": "a", "engine": "redis", "node_type": "cache.r6g.large", "num_cache_clusters": 3])
        plan.add("aws_elasticache_replication_group", "b", after: ["replication_group_id": "b", "engine": "valkey", "node_type": "cache.r6g.large",
                                                                  "cluster_mode": "enabled", "num_node_groups": 2, "replicas_per_node_group": 1])
        // v4 shape: number_cache_clusters.
        plan.add("aws_elasticache_replication_group", "c", after: ["replication_group_id": "c", "node_type": "cache.t3.small", "number_cache_clusters": 2])
        plan.add("aws_elasticache_cluster", "member", after: ["replication_group_id": "a"], unknown: ["node_type": true])
        plan.add("aws_elasticache_cluster", "memcached", after: ["engine": "memcached", "node_type": "cache.t3.small", "num_cache_nodes": 2])
        let imported = try plan.imported()
        let components = try imported.plan().environments[0].components
        #expect(components.map(\.id) == ["elasticache_replication_group.a", "elasticache_replication_group.b", "elasticache_replication_group.c", "elasticache_cluster.memcached"])
        #expect(components[0].settings["nodes"] == "3")
        #expect(components[1].settings["shards"] == "2" && components[1].settings["replicas_per_shard"] == "1")
        #expect(components[2].settings["nodes"] == "2" && components[2].settings["engine"] == "redis")
        #expect(components[3].settings["engine"] == "memcached" && components[3].settings["nodes"] == "2")
        #expect(imported.report.priced.first { $0.address == "aws_elasticache_cluster.member" }?.component == "elasticache_replication_group.a")
    }

    @Test func freeAndUnpricedResourcesAreCountedByType() throws {
        var plan = SyntheticPlan()
        for name in ["a", "b", "c"] { plan.add("aws_security_group", name, after: ["name": name]) }
        plan.add("aws_iam_role", "r", after: ["name": "r"])
        plan.add("aws_subnet", "s", after: ["cidr_block": "10.0.0.0/24"])
        plan.add("aws_route_table", "rt", after: [:])
        plan.add("aws_lambda_function", "f", after: ["function_name": "f"])
        plan.add("aws_lambda_function", "g", after: ["function_name": "g"])
        plan.add("aws_eip", "ip", after: [:])
        let report = try plan.imported().report
        #expect(TerraformReport.countByType(report.free).map { "\($0.type)×\($0.count)" } == ["aws_security_group×3", "aws_iam_role×1", "aws_route_table×1", "aws_subnet×1"])
        #expect(TerraformReport.countByType(report.notPriced).map { "\($0.type)×\($0.count)" } == ["aws_lambda_function×2", "aws_eip×1"])
        #expect(report.isPartial)
    }

    @Test func regionComesFromTheResourceThenTheProviderThenTheUsageFile() throws {
        var plan = SyntheticPlan()
        plan.providerRegion = "eu-west-1"
        plan.add("aws_nat_gateway", "own", after: ["region": "us-west-2"])
        plan.add("aws_nat_gateway", "provider", after: [:])
        let built = try plan.imported().plan()
        #expect(built.environments[0].components.map(\.region) == ["us-west-2", "eu-west-1"])

        plan.providerRegion = nil
        let assumed = try plan.imported()
        #expect(try assumed.plan().environments[0].components.map(\.region) == ["us-west-2", "us-east-1"])
        #expect(assumed.report.notes.first?.contains("assumed") == true)
        let fromUsage = try plan.imported(usage: "region: ap-south-1\n")
        #expect(try fromUsage.plan().environments[0].components.map(\.region) == ["us-west-2", "ap-south-1"])
    }

    @Test func environmentsSplitByModuleOrTag() throws {
        var plan = SyntheticPlan()
        plan.add("aws_nat_gateway", "n", after: ["tags": ["env": "prod"]], module: "module.production")
        plan.add("aws_nat_gateway", "n", after: ["tags": ["env": "stage"]], module: "module.staging")
        plan.add("aws_s3_bucket", "shared", after: [:])
        let byModule = try plan.imported(split: .module).plan()
        #expect(byModule.environments.map(\.name) == ["production", "staging", "default"])
        let byTag = try plan.imported(split: .tag("env")).plan()
        #expect(byTag.environments.map(\.name) == ["prod", "stage", "default"])
    }
}

extension MappingTests {
    @Test func longAddressesGetAStableShortID() throws {
        var plan = SyntheticPlan()
        let module = "module.a_very_long_module_name_for_the_platform_team.module.another_nested_module_name"
        plan.add("aws_nat_gateway", "gateway_for_the_private_subnets", after: [:], module: module, index: "eu-west-1a")
        plan.add("aws_nat_gateway", "gateway_for_the_private_subnets", after: [:], module: module, index: "eu-west-1b")
        let ids = try plan.imported().plan().environments[0].components.map(\.id)
        #expect(ids.count == 2 && Set(ids).count == 2)
        #expect(ids.allSatisfy { $0.count == 64 && $0.hasPrefix("a_very_long_module_name_for_the_platform_team.another_n-") })
        #expect(ids == (try plan.imported().plan().environments[0].components.map(\.id)))
    }
}
