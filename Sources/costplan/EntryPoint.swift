import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanServer
import Foundation

/// The program's entry point: runs `CostplanCommand`. For `serve`, the server's event loops
/// first become Swift concurrency's executor (see `ServerExecutor`), which must happen before
/// any task starts, hence a synchronous `main` that starts the asynchronous command and hands the
/// main thread to the main dispatch queue (the main actor's executor) until the command exits.
@main
enum EntryPoint {
    static func main() {
        if CommandLine.arguments.dropFirst().first == "serve" {
            ServerExecutor.adoptEventLoopsForConcurrency()
        }
        Task { await run(); exit(0) }
        dispatchMain()
    }

    /// `CostplanCommand.main()`, except that a `CommandFailure` (thrown by the commands' library steps)
    /// prints its message and exits with its status. Runs at the process's priority (`ThreadPriority`).
    static func run() async {
        ThreadPriority.adoptProcessPriority()
        do {
            var command = try await CostplanCommand.asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Output.error(failure.message) }
            exit(failure.status)
        } catch {
            CostplanCommand.exit(withError: error)
        }
    }
}
