import Foundation

// Build tool of the EmbedRateSheets plugin:
//   embed-rate-sheets OUTPUT.swift PRICING-FOLDER SHEET.csv…
// writes a Swift source that extends `EmbeddedRateSheets` (target CostPlanRateSheets) with every
// sheet's name and exact text, one string literal each, and the sheets' FNV-1a fingerprint
// (the same function as `CatalogLoader.fingerprint`, checked by a test), so a run can tell
// whether its catalog cache is current without reading or hashing the sheets.
//   embed-rate-sheets --stylesheet OUTPUT.swift Public/costplan.css
// writes the web pages' stylesheet as `EmbeddedAssets.generatedStylesheet` (same target), so a
// copied binary serves and writes styled pages with no Public/ folder beside it.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-rate-sheets: error: \(message)\n".utf8))
    exit(1)
}

/// Writes `source` to `output` only when it changed, so an unchanged input does not recompile the target.
func writeIfChanged(_ source: String, to output: URL) {
    do {
        if (try? Data(contentsOf: output)) != Data(source.utf8) {
            try Data(source.utf8).write(to: output, options: .atomic)
        }
    } catch {
        fail("\(output.path): cannot write the generated source (\(error))")
    }
}

var arguments = CommandLine.arguments.dropFirst()
// embed-rate-sheets --stylesheet OUTPUT.swift FILE.css: the web pages' stylesheet, as `EmbeddedAssets`.
if arguments.first == "--stylesheet" {
    arguments = arguments.dropFirst()
    guard arguments.count == 2, let outputPath = arguments.first, let cssPath = arguments.last else {
        fail("usage: embed-rate-sheets --stylesheet OUTPUT.swift FILE.css")
    }
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: cssPath)), let css = String(data: data, encoding: .utf8) else {
        fail("\(cssPath): cannot read the stylesheet as UTF-8 text")
    }
    writeIfChanged("""
        // Generated at build time by the EmbedRateSheets plugin from Public/costplan.css. Do not edit.

        extension EmbeddedAssets {
            static let generatedStylesheet = "\(literal(css))"
        }

        """, to: URL(fileURLWithPath: outputPath))
    exit(0)
}
guard arguments.count >= 2 else { fail("usage: embed-rate-sheets OUTPUT.swift PRICING-FOLDER SHEET.csv…") }
let output = URL(fileURLWithPath: arguments.first!)
let files = arguments.dropFirst(2).map { URL(fileURLWithPath: $0) }
if files.isEmpty { fail("no rate sheets (*.csv) in \(arguments.dropFirst().first!)") }

/// `text` as the body of a single-line Swift string literal, byte for byte.
func literal(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

var hash: UInt64 = 0xcbf2_9ce4_8422_2325
var entries: [String] = []
for file in files {
    guard let data = try? Data(contentsOf: file) else { fail("\(file.path): cannot read the rate sheet") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(file.path): the rate sheet is not UTF-8 text") }
    let name = file.lastPathComponent
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    hash = (hash ^ 0) &* 0x100_0000_01b3
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    entries.append("        .init(name: \"\(literal(name))\", text: \"\(literal(text))\"),\n")
}
let fingerprint = String(hash, radix: 16)
let source = """
    // Generated at build time by the EmbedRateSheets plugin from pricing/*.csv. Do not edit.

    extension EmbeddedRateSheets {
        static let generatedFingerprint = "\(String(repeating: "0", count: max(0, 16 - fingerprint.count)) + fingerprint)"
        static let generatedSheets: [Sheet] = [

    """ + entries.joined() + """
        ]
    }

    """
writeIfChanged(source, to: output)
