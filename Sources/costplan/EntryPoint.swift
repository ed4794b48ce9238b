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
        Task {
            await CostplanCommand.main()
            exit(0)
        }
        dispatchMain()
    }
}
