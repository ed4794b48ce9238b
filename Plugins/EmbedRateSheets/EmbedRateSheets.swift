import Foundation
import PackagePlugin

/// Compiles the package's `pricing/*.csv` rate sheets into the target as a generated Swift
/// source (one string literal per sheet, plus their fingerprint), so the built `costplan` carries
/// its rates inside the executable and needs no files beside it. The source is generated into the
/// build folder at build time (never committed) and regenerated whenever a sheet is added,
/// removed or edited. The web pages' stylesheet `Public/costplan.css` is compiled in the same
/// way (`EmbeddedAssets`).
@main
struct EmbedRateSheets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let pricing = context.package.directoryURL.appending(path: "pricing")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pricing.path)) ?? []
        let sheets = names.filter { $0.hasSuffix(".csv") }.sorted().map { pricing.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRateSheets+Generated.swift")
        let stylesheet = context.package.directoryURL.appending(path: "Public/costplan.css")
        let stylesheetOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets+Generated.swift")
        let tool = try context.tool(named: "embed-rate-sheets").url
        return [
            .buildCommand(
                displayName: "Embedding \(sheets.count) rate sheets from pricing/",
                executable: tool,
                // The folder is listed too, so that a sheet added or removed is noticed.
                arguments: [output.path, pricing.path] + sheets.map(\.path),
                inputFiles: sheets,
                outputFiles: [output]
            ),
            .buildCommand(
                displayName: "Embedding the stylesheet Public/costplan.css",
                executable: tool,
                arguments: ["--stylesheet", stylesheetOutput.path, stylesheet.path],
                inputFiles: [stylesheet],
                outputFiles: [stylesheetOutput]
            ),
        ]
    }
}
