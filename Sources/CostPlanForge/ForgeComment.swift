/// A comment on a pull request (GitHub) or a note on a merge request (GitLab).
public struct ForgeComment: Sendable, Equatable {
    /// The forge's id of the comment, as text (`123456789`).
    public var id: String
    public var body: String
    /// Where a person can read it, when the forge says.
    public var webURL: String?

    public init(id: String, body: String, webURL: String? = nil) {
        (self.id, self.body, self.webURL) = (id, body, webURL)
    }
}

/// The comment operations `CommentPublisher` needs from a forge: list every comment of one pull
/// or merge request (all pages), create, edit and delete one.
public protocol ForgeComments: Sendable {
    /// The pull or merge request, for messages: `octo/app pull request #12`.
    var target: String { get }
    /// Every comment, oldest first, following the forge's pagination to the last page.
    func list() async throws -> [ForgeComment]
    func create(body: String) async throws -> ForgeComment
    func update(id: String, body: String) async throws -> ForgeComment
    func delete(id: String) async throws
    /// The request each write would send, for `--dry-run`: `POST https://…/comments`.
    func describeCreate() -> String
    func describeUpdate(id: String) -> String
    func describeDelete(id: String) -> String
}
