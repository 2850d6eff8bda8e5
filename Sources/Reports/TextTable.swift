/// Left-aligned columns separated by two spaces, with a dashed rule under the header, the way
/// PowerShell's `Format-Table` and the Azure CLI's `-o table` print.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "") -> [String] {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(to: widths[index])
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(headers), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
    }

    /// The lines of `render`, written into a sink without building them (tables of 13,000 rows at scale).
    func write(to sink: OutputSink, indent: String = "") {
        var widths = headers.map(TextTable.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextTable.width(of: cell)) }
        }
        func line(_ cells: [String]) {
            sink.write(indent)
            // As `render` trims trailing spaces: nothing after the last non-empty cell.
            let last = cells.lastIndex { !$0.isEmpty } ?? -1
            for index in 0..<(last + 1) {
                if index > 0 { sink.repeating(0x20, count: widths[index - 1] - TextTable.width(of: cells[index - 1]) + 2) }
                sink.write(cells[index])
            }
            sink.write(0x0A)
        }
        line(headers)
        line(widths.map { String(repeating: "-", count: $0) })
        rows.forEach(line)
    }

    /// Characters as the terminal counts them; bytes for ASCII, which is nearly every cell.
    static func width(of cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    public func leftPadding(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
