import Foundation

/// RDS instances (with their read replicas), Aurora clusters (with their instances) and ElastiCache.
extension MappingContext {
    // MARK: - aws_db_instance → rds

    /// True when the instance is a read replica (of a source in or outside this plan).
    func isReplica(_ r: TerraformResource, _ a: ResourceAttributes) -> Bool {
        a.string("replicate_source_db") != nil || !plan.configuration.references(of: r, "replicate_source_db").isEmpty
    }

    /// The source instance of a read replica, when it is in this plan.
    func replicaSource(_ r: TerraformResource, _ a: ResourceAttributes) -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        linked(r, a, "replicate_source_db", type: "aws_db_instance")
    }

    func dbInstance(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], includes: [String] = [], required: [String: String] = [:]
        let source = isReplica(r, a) ? replicaSource(r, a) : nil
        let engine = a.string("engine") ?? source?.attributes.string("engine")
        switch engine {
        case let known? where ["postgres", "mysql", "mariadb"].contains(known):
            fields.append(ImportedField(key: "engine", value: .string(known), comment: nil))
        case nil: required["engine"] = "engine is unknown until apply"
        case let other?: return .notPriced(other.hasPrefix("aurora") ? "an Aurora engine on aws_db_instance is not priced (use aws_rds_cluster)"
                                                                       : "the \(other) engine is not priced (postgres, mysql, mariadb are)")
        }
        if let instanceClass = a.string("instance_class") {
            fields.append(ImportedField(key: "instance_class", value: .string(instanceClass), comment: nil))
        } else {
            required["instance_class"] = "instance_class is unknown until apply"
        }
        if let multiAZ = a.bool("multi_az") {
            fields.append(ImportedField(key: "multi_az", value: .bool(multiAZ), comment: nil))
        } else {
            fields.append(ImportedField(key: "multi_az", value: .bool(false), comment: "guessed: multi_az is unknown until apply (AWS default false)"))
        }
        let storageType = a.string("storage_type")
        let iops = a.decimal("iops").flatMap { $0 > 0 ? $0 : nil }  // 0 or negative: unset
        let type: String
        switch storageType {
        case let known? where ["gp2", "gp3", "io1"].contains(known): type = known
        case nil: type = iops != nil ? "io1" : "gp2"
        case let other?: return .notPriced("RDS storage type \(other) is not priced (gp2, gp3, io1 are)")
        }
        // io1 below its minimums (100 GB, 1,000 IOPS) is priced at them, as AWS provisions and
        // Infracost prices it; gp2/gp3 below 20 GB (an old 5 GB instance, a planned 10 GB one) is
        // priced as stated (`legacy_storage`), with a note: a storage rule never removes the instance.
        let stated = a.decimal("allocated_storage")
        var size = stated ?? 20
        var sizeNote = stated == nil ? "guessed: allocated_storage is unknown until apply" : nil
        if type == "io1", size < 100 {
            sizeNote = "guessed: \(Money.plain(size)) GB is below the io1 minimum; priced at 100 GB"
            size = 100
        }
        fields.append(ImportedField(key: "storage_gb", value: .number(size), comment: sizeNote))
        fields.append(ImportedField(key: "storage_type", value: .string(type),
                                    comment: storageType == nil ? "guessed: storage_type unknown until apply (AWS default \(type))" : nil))
        switch (type, iops) {
        case ("io1", nil):
            fields.append(ImportedField(key: "iops", value: .number(1000), comment: "guessed: iops unknown until apply (the io1 minimum, 1,000)"))
        case let ("io1", iops?) where iops < 1000:
            fields.append(ImportedField(key: "iops", value: .number(1000), comment: "guessed: \(Money.plain(iops)) IOPS is below the io1 minimum; priced at 1,000"))
        case let ("gp3", iops?) where iops > 3000 && size < 400:
            fields.append(ImportedField(key: "iops", value: .number(3000),
                                        comment: "guessed: gp3 below 400 GB has a fixed 3,000 IOPS baseline (iops \(Money.plain(iops)) not billed)"))
        case let (_, iops?) where type != "gp2":
            fields.append(ImportedField(key: "iops", value: .number(iops), comment: nil))
        default: break
        }
        if size < 20 {
            fields.append(ImportedField(key: "legacy_storage", value: .bool(true),
                comment: "note: \(Money.plain(size)) GB \(type) is below AWS's 20 GB minimum for new instances; priced as stated"))
        }
        if let support = extendedSupport(engine: engine, version: a.string("engine_version") ?? source?.attributes.string("engine_version"),
                                         instanceClass: a.string("instance_class")) {
            fields.append(support)
        }

        if isReplica(r, a) {
            let note = source.map { "read replica of \($0.resource.address), priced as its own instance" }
                ?? "read replica of a database outside this plan, priced as its own instance"
            if !fields.isEmpty { fields[0].comment = fields[0].comment ?? note }
        } else {
            let replicas = replicasBySource[r.address] ?? []
            if !replicas.isEmpty {
                includes += replicas.map(\.resource.address)
                let classes = replicas.compactMap { $0.attributes.string("instance_class") }
                fields.append(ImportedField(key: "replicas", value: .int(replicas.count), comment: nil))
                if let first = classes.first {
                    fields.append(ImportedField(key: "replica_instance_class", value: .string(first),
                        comment: Set(classes).count > 1 ? "guessed: replicas have different classes (\(Set(classes).sorted().joined(separator: ", "))); the first is used" : nil))
                }
            }
        }
        return .component(type: "rds", fields: fields, includes: includes, required: required)
    }

    // MARK: - aws_rds_cluster (+ aws_rds_cluster_instance) → aurora

    func clusterInstances(of r: TerraformResource, _ a: ResourceAttributes) -> [(resource: TerraformResource, attributes: ResourceAttributes)] {
        instancesByCluster[r.address] ?? []
    }

    func clusterOf(_ r: TerraformResource, _ a: ResourceAttributes) -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        linked(r, a, "cluster_identifier", type: "aws_rds_cluster")
    }

    func auroraCluster(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], required: [String: String] = [:]
        if a.string("engine_mode") == "serverless" { return .notPriced("Aurora Serverless v1 (engine_mode serverless) is not priced") }
        if a.string("storage_type") == "aurora-iopt1" { return .notPriced("Aurora I/O-Optimized (storage_type aurora-iopt1) is not priced") }
        switch auroraEngine(a.string("engine")) {
        case let .success(engine): fields.append(ImportedField(key: "engine", value: .string(engine), comment: engine == a.string("engine") ? nil : "engine \(a.string("engine") ?? "")"))
        case let .failure(reason): if let reason = reason.text { return .notPriced(reason) } else { required["engine"] = "engine is unknown until apply" }
        }
        let instances = clusterInstances(of: r, a)
        let serverless = instances.filter { $0.attributes.string("instance_class") == "db.serverless" }
        let provisioned = instances.filter { $0.attributes.string("instance_class") != "db.serverless" }
        if !serverless.isEmpty, provisioned.isEmpty || serverless.count >= provisioned.count {
            if let low = a.decimal("serverlessv2_scaling_configuration.0.min_capacity"), let high = a.decimal("serverlessv2_scaling_configuration.0.max_capacity") {
                fields.append(ImportedField(key: "serverless_v2", value: .map([("min_acu", .number(low)), ("max_acu", .number(high))]),
                                            comment: "average_acu is usage: set it in the usage file (desired prices min_acu until then)"))
            } else {
                required["serverless_v2"] = "serverlessv2_scaling_configuration is unknown until apply"
            }
            fields.append(ImportedField(key: "instances", value: .int(serverless.count), comment: provisioned.isEmpty ? nil
                : "guessed: \(provisioned.count) provisioned instance(s) in the same cluster are not priced"))
        } else if let first = provisioned.first {
            let classes = provisioned.compactMap { $0.attributes.string("instance_class") }
            if let instanceClass = classes.first {
                fields.append(ImportedField(key: "instance_class", value: .string(instanceClass),
                    comment: Set(classes).count > 1 ? "guessed: instances have different classes (\(Set(classes).sorted().joined(separator: ", "))); the first is used" : nil))
            } else {
                required["instance_class"] = "\(first.resource.address)'s instance_class is unknown until apply"
            }
            fields.append(ImportedField(key: "instances", value: .int(provisioned.count), comment: serverless.isEmpty ? nil
                : "guessed: \(serverless.count) Serverless v2 instance(s) in the same cluster are not priced"))
        } else {
            // Storage and I/O are billed without instances: priced as depends on usage.
            fields.append(ImportedField(key: "instances", value: .int(0),
                comment: "note: no aws_rds_cluster_instance of this cluster is in the plan: storage and I/O only (depends on usage)"))
        }
        return .component(type: "aurora", fields: fields, includes: instances.map(\.resource.address), required: required)
    }

    /// An `aws_rds_cluster_instance` whose cluster is not in this plan: priced as a one-instance Aurora component.
    func orphanClusterInstance(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], required: [String: String] = [:]
        switch auroraEngine(a.string("engine")) {
        case let .success(engine): fields.append(ImportedField(key: "engine", value: .string(engine), comment: "an instance of a cluster outside this plan"))
        case let .failure(reason): if let reason = reason.text { return .notPriced(reason) } else { required["engine"] = "engine is unknown until apply" }
        }
        if let instanceClass = a.string("instance_class"), instanceClass != "db.serverless" {
            fields.append(ImportedField(key: "instance_class", value: .string(instanceClass), comment: nil))
        } else {
            required[a.string("instance_class") == "db.serverless" ? "serverless_v2" : "instance_class"] =
                a.string("instance_class") == "db.serverless" ? "its cluster (and ACU range) is not in this plan" : "instance_class is unknown until apply"
        }
        fields.append(ImportedField(key: "instances", value: .int(1), comment: nil))
        return .component(type: "aurora", fields: fields, includes: [], required: required)
    }

    struct Unpriceable: Error { var text: String? }

    private func auroraEngine(_ engine: String?) -> Result<String, Unpriceable> {
        switch engine {
        case let known? where ["aurora-postgresql", "aurora-mysql"].contains(known): .success(known)
        case "aurora": .success("aurora-mysql")
        case nil: .failure(Unpriceable(text: nil))
        case let other?: .failure(Unpriceable(text: "a Multi-AZ DB cluster (engine \(other)) is not priced"))
        }
    }

    // MARK: - ElastiCache → elasticache

    func elastiCacheGroup(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        var fields: [ImportedField] = [], required: [String: String] = [:]
        let engine = a.string("engine")
        if let engine, !["redis", "valkey"].contains(engine) { return .notPriced("ElastiCache engine \(engine) is not priced") }
        fields.append(ImportedField(key: "engine", value: .string(engine ?? "redis"), comment: engine == nil ? "guessed: engine unknown until apply (default redis)" : nil))
        if let nodeType = a.string("node_type") {
            fields.append(ImportedField(key: "node_type", value: .string(nodeType), comment: nil))
        } else {
            required["node_type"] = "node_type is unknown until apply"
        }
        let shards = a.int("num_node_groups") ?? a.int("cluster_mode.0.num_node_groups")
        let replicas = a.int("replicas_per_node_group") ?? a.int("cluster_mode.0.replicas_per_node_group")
        let clusterMode = a.string("cluster_mode") == "enabled" || a.list("cluster_mode").count > 0
        if let nodes = a.int("num_cache_clusters") ?? a.int("number_cache_clusters"), !clusterMode || shards == nil {
            fields.append(ImportedField(key: "nodes", value: .int(nodes), comment: nil))
        } else if let shards {
            fields.append(ImportedField(key: "shards", value: .int(shards), comment: nil))
            fields.append(ImportedField(key: "replicas_per_shard", value: .int(replicas ?? 0),
                                        comment: replicas == nil ? "guessed: replicas_per_node_group unknown until apply" : nil))
        } else {
            required["nodes"] = "num_cache_clusters / num_node_groups are unknown until apply"
        }
        let members = membersByGroup[r.address] ?? []
        return .component(type: "elasticache", fields: fields, includes: members.map(\.resource.address), required: required)
    }

    func elastiCacheGroupOf(_ r: TerraformResource, _ a: ResourceAttributes) -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        linked(r, a, "replication_group_id", type: "aws_elasticache_replication_group")
    }

    func elastiCacheCluster(_ r: TerraformResource, _ a: ResourceAttributes) -> MappingOutcome {
        if a.string("replication_group_id") != nil || !plan.configuration.references(of: r, "replication_group_id").isEmpty {
            return .free("a member of a replication group outside this plan (priced with the group)")
        }
        var fields: [ImportedField] = [], required: [String: String] = [:]
        let engine = a.string("engine")
        if let engine, !["redis", "valkey", "memcached"].contains(engine) { return .notPriced("ElastiCache engine \(engine) is not priced") }
        fields.append(ImportedField(key: "engine", value: .string(engine ?? "redis"), comment: engine == nil ? "guessed: engine unknown until apply" : nil))
        if let nodeType = a.string("node_type") {
            fields.append(ImportedField(key: "node_type", value: .string(nodeType), comment: nil))
        } else {
            required["node_type"] = "node_type is unknown until apply"
        }
        if let nodes = a.int("num_cache_nodes") {
            fields.append(ImportedField(key: "nodes", value: .int(nodes), comment: nil))
        } else {
            required["nodes"] = "num_cache_nodes is unknown until apply"
        }
        return .component(type: "elasticache", fields: fields, includes: [], required: required)
    }
}
