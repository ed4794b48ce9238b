/// A command that stops: the message for standard error (none when empty) and the exit status
/// (2 bad input, 1 anything else). The library steps of the commands throw it; the executable's
/// entry point prints the message and exits with the status.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var status: Int32

    public init(_ message: String = "", status: Int32) {
        self.message = message
        self.status = status
    }

    public var description: String { message }

    /// `work()`, with any error it throws turned into a failure with `status` whose message is
    /// the error's description.
    public static func mapping<T>(status: Int32, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let failure as CommandFailure { throw failure } catch {
            throw CommandFailure("\(error)", status: status)
        }
    }
}
