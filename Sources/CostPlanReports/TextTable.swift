import CostPlan

/// Plain-text table layout: columns padded to their widest cell, the first columns left-aligned
/// and the rest right-aligned (money), separated by two spaces.
public struct TextTable {
    public var leftAligned: Int
    public init(leftAligned: Int) { self.leftAligned = leftAligned }
    private var rows: [[String]] = []

    /// Adds a row; each cell is shown with `DisplayText.visible` (a line break or terminal
    /// escape in a plan value can neither break the table nor drive the terminal).
    public mutating func add(_ row: [String]) { rows.append(row.map { DisplayText.visible($0) }) }
    public mutating func rule() { rows.append([]) }

    public func rendered() -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let total = widths.reduce(0, +) + 2 * max(0, columns - 1)
        return rows.map { row in
            if row.isEmpty { return String(repeating: "─", count: total) }
            return row.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return i < leftAligned ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
