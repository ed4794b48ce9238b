import CostPlan
import Foundation

/// Writing to the terminal: results to standard output, problems to standard error. Both show
/// control and bidi characters as visible `\u{XX}` escapes (`DisplayText`, line breaks kept), so
/// no plan value or echoed file content can drive the terminal or a CI log.
public enum Output {
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(DisplayText.visible(text, keepingLineBreaks: true).utf8))
    }

    public static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data(DisplayText.visible(line, keepingLineBreaks: true).utf8))
    }
}
