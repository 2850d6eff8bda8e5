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

    /// The rendered lines, written into a sink.
    func write(to sink: OutputSink, indent: String = "") {
        for line in render(indent: indent) { sink.line(line) }
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
