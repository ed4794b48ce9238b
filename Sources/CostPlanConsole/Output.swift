import CostPlan
import CostPlanReports
import Foundation

/// Writing to the terminal: results to standard output, problems to standard error. Both show
/// control and bidi characters as visible `\u{XX}` escapes (`DisplayText`, line breaks kept), so
/// no plan value or echoed file content can drive the terminal or a CI log.
public enum Output {
    public static func write(_ text: String) {
        write(text, to: .standardOutput)
    }

    /// Writes a JSON document to standard output as its UTF-8 bytes: `JSONString` has already
    /// escaped every control and bidi character, so the text is not scanned again.
    public static func write(_ document: JSONValue) {
        FileHandle.standardOutput.write(Data(document.utf8()))
    }

    public static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: .standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        var visible = DisplayText.visible(text, keepingLineBreaks: true)
        handle.write(visible.withUTF8 { Data(buffer: $0) })   // one copy of the bytes, not a generic sequence
    }
}
