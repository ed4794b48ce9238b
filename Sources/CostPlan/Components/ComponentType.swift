import Foundation

/// Every component type of plan format version 1.
public enum ComponentType: String, CaseIterable, Sendable, Codable {
    case fargate, ec2
    case natGateway = "nat_gateway"
    case alb, nlb, clb, rds, aurora, elasticache, s3, cloudfront
    case dataTransfer = "data_transfer"
    case ecr
    case cloudwatchLogs = "cloudwatch_logs"
    case cloudwatch
    case secretsManager = "secrets_manager"
    case route53, kms, waf, codepipeline, codebuild, dynamodb, ebs, sns, xray, fixed

    /// The type that decodes and prices this kind of component.
    var spec: any ComponentSpec.Type {
        switch self {
        case .fargate: Fargate.self
        case .ec2: EC2Instances.self
        case .natGateway: NATGateway.self
        case .alb: LoadBalancer.ALB.self
        case .nlb: LoadBalancer.NLB.self
        case .clb: LoadBalancer.Classic.self
        case .rds: RDSDatabase.self
        case .aurora: AuroraCluster.self
        case .elasticache: ElastiCacheCluster.self
        case .s3: S3Bucket.self
        case .cloudfront: CloudFrontDistribution.self
        case .dataTransfer: DataTransfer.self
        case .ecr: ECRRepository.self
        case .cloudwatchLogs: CloudWatchLogs.self
        case .cloudwatch: CloudWatchMonitoring.self
        case .secretsManager: SecretsManager.self
        case .route53: Route53.self
        case .kms: KMSKeys.self
        case .waf: WAF.self
        case .codepipeline: CodePipeline.self
        case .codebuild: CodeBuild.self
        case .dynamodb: DynamoDBTable.self
        case .ebs: EBSVolumes.self
        case .sns: SNSTopic.self
        case .xray: XRay.self
        case .fixed: FixedCost.self
        }
    }

    /// The AWS service name as it appears on the invoice (finance groups costs by it).
    public var serviceName: String {
        switch self {
        case .fargate: "Amazon Elastic Container Service"
        case .ec2, .ebs: "Amazon Elastic Compute Cloud"
        case .natGateway: "Amazon Virtual Private Cloud"
        case .alb, .nlb, .clb: "Elastic Load Balancing"
        case .rds, .aurora: "Amazon Relational Database Service"
        case .elasticache: "Amazon ElastiCache"
        case .s3: "Amazon Simple Storage Service"
        case .cloudfront: "Amazon CloudFront"
        case .dataTransfer: "AWS Data Transfer"
        case .ecr: "Amazon EC2 Container Registry (ECR)"
        case .cloudwatchLogs, .cloudwatch: "AmazonCloudWatch"
        case .secretsManager: "AWS Secrets Manager"
        case .route53: "Amazon Route 53"
        case .kms: "AWS Key Management Service"
        case .waf: "AWS WAF"
        case .codepipeline: "AWS CodePipeline"
        case .codebuild: "AWS CodeBuild"
        case .dynamodb: "Amazon DynamoDB"
        case .sns: "Amazon Simple Notification Service"
        case .xray: "AWS X-Ray"
        case .fixed: "Other"
        }
    }
}

/// A component type's settings: decoded strictly from the plan, and able to price itself.
/// Each conforming type is small: it reads its fields and emits line items (in the spirit of
/// Infracost's resources), while lookups and arithmetic helpers live in `PricingContext`.
protocol ComponentSpec: Sendable {
    /// Reads the type's fields; problems go to the reader's diagnostics.
    init(_ fields: FieldReader)
    /// The line items at one scenario of the scaling ranges.
    func lineItems(_ pricing: PricingContext, at scenario: Scenario) throws -> [LineItem]
    /// The count the component scales by (min/desired/max) and what it counts ("tasks",
    /// "instances"...); nil when nothing scales. Every priced quantity is linear in it.
    var scalingRange: (range: CountRange, label: String)? { get }
    /// The size of one step of `scalingRange` (1; 0.5 for Aurora Serverless v2 ACUs).
    var scalingStep: Decimal { get }
    /// The spec sized against the environment's demand (`DemandSized` types); `.notSized` for
    /// the rest. A requirement rather than an `as? any DemandSized` cast: a cold process pays a
    /// scan of every protocol conformance in the binary for each such cast.
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome
}

extension ComponentSpec {
    var scalingRange: (range: CountRange, label: String)? { nil }
    var scalingStep: Decimal { 1 }
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome { .notSized }
}
