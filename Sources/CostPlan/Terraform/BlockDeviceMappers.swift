import Foundation

/// An EBS volume that comes with an instance: an `aws_instance`'s root and `ebs_block_device`s,
/// or a launch template's `block_device_mappings` / a launch configuration's root and EBS
/// devices for every instance of an Auto Scaling group. Priced as an `ebs` component of its own
/// beside the instance's `ec2` component (`<id>.root_block_device`, …), in the same
/// environment and region, scaled by the same count.
struct AttachedVolume {
    /// The device's place in the resource: `root_block_device`, `ebs_block_device[1]`,
    /// `block_device_mappings[0]` (appended to the owner's address; `[i]` → `.i` in the id).
    var name: String
    var fields: [ImportedField]
    /// Why the volume cannot be priced (a volume type costplan does not price), else nil.
    var notPriced: String?
}

extension MappingContext {
    /// The size AWS gives a root volume whose size the plan does not know: the AMI's, 8 GB for
    /// the usual Amazon Linux and Ubuntu images (Infracost assumes the same 8 GB).
    static let defaultRootVolumeGB: Decimal = 8

    /// The EBS volumes `r` (an `aws_instance` or `aws_autoscaling_group`) runs with, each
    /// instance's. An instance always has a root volume (8 GB gp2 guessed when the plan does not
    /// say); a group has its launch configuration's root and EBS devices, or its launch
    /// template's `block_device_mappings` (a template without mappings uses the AMI's, which
    /// the plan does not show: nothing is added).
    func attachedVolumes(_ r: TerraformResource, _ a: ResourceAttributes) -> [AttachedVolume] {
        switch r.type {
        case "aws_instance":
            return [volume("root_block_device", a, "root_block_device.0", root: true)] + ebsBlockDevices(a)
        case "aws_autoscaling_group":
            guard let source = launchSource(r, a) else { return [] }
            if source.resource.type == "aws_launch_configuration" {
                return [volume("root_block_device", source.attributes, "root_block_device.0", root: true)] + ebsBlockDevices(source.attributes)
            }
            return source.attributes.list("block_device_mappings").indices.compactMap { i in
                let base = "block_device_mappings.\(i)"
                guard source.attributes.string("\(base).no_device") == nil, !source.attributes.list("\(base).ebs").isEmpty else { return nil }
                return volume("block_device_mappings[\(i)]", source.attributes, "\(base).ebs.0", root: false)
            }
        default:
            return []
        }
    }

    /// The launch template (directly or through `mixed_instances_policy`) or launch configuration
    /// an Auto Scaling group starts its instances from.
    func launchSource(_ r: TerraformResource, _ a: ResourceAttributes) -> (resource: TerraformResource, attributes: ResourceAttributes)? {
        let policy = "mixed_instances_policy.0.launch_template.0.launch_template_specification.0"
        return linked(r, a, "launch_template.0.id", type: "aws_launch_template")
            ?? linked(r, a, "launch_template.0.name", type: "aws_launch_template")
            ?? linked(r, a, "\(policy).launch_template_id", type: "aws_launch_template")
            ?? linked(r, a, "\(policy).launch_template_name", type: "aws_launch_template")
            ?? linked(r, a, "launch_configuration", type: "aws_launch_configuration")
    }

    private func ebsBlockDevices(_ a: ResourceAttributes) -> [AttachedVolume] {
        a.list("ebs_block_device").indices.map { volume("ebs_block_device[\($0)]", a, "ebs_block_device.\($0)", root: false) }
    }

    /// One device's fields: `volume_type` (unset → gp2, AWS's default, guessed), `volume_size`
    /// (unknown → 8 GB, guessed), `iops` (io1, gp3) and `throughput` (gp3) when positive.
    private func volume(_ name: String, _ a: ResourceAttributes, _ base: String, root: Bool) -> AttachedVolume {
        var fields: [ImportedField] = []
        let stated = a.string("\(base).volume_type")
        let type = stated ?? "gp2"
        guard ["gp2", "gp3", "io1", "st1", "sc1"].contains(type) else {
            return AttachedVolume(name: name, fields: [], notPriced: "EBS volume type \(type) is not priced (gp2, gp3, io1, st1, sc1 are)")
        }
        fields.append(ImportedField(key: "volume_type", value: .string(type),
                                    comment: stated == nil ? "guessed: \(name) volume_type \(a.isUnknown("\(base).volume_type") ? "unknown until apply" : "unset") (AWS default gp2)" : nil))
        if let size = a.decimal("\(base).volume_size"), size > 0 {
            fields.append(ImportedField(key: "storage_gb", value: .number(size), comment: nil))
        } else {
            fields.append(ImportedField(key: "storage_gb", value: .number(Self.defaultRootVolumeGB),
                comment: "guessed: \(name) volume_size \(a.isUnknown("\(base).volume_size") ? "unknown until apply" : "unset") (\(root ? "the AMI's root size" : "from a snapshot?"); 8 GB assumed)"))
        }
        if type == "io1" || type == "gp3", let iops = a.decimal("\(base).iops"), iops > 0 {
            fields.append(ImportedField(key: "iops", value: .number(iops), comment: nil))
        } else if type == "io1" {
            fields.append(ImportedField(key: "iops", value: .number(100), comment: "guessed: \(name) iops unknown until apply (the io1 minimum, 100)"))
        }
        if type == "gp3", let throughput = a.decimal("\(base).throughput"), throughput > 0 {
            fields.append(ImportedField(key: "throughput_mbps", value: .number(throughput), comment: nil))
        }
        return AttachedVolume(name: name, fields: fields, notPriced: nil)
    }
}
