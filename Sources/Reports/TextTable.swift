/// Left-aligned columns separated by two spaces, with a dashed rule under the header, the way
/// PowerShell's `Format-Table` and the Azure CLI's `-o table` print.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The lines `write` writes. Built as bytes, not by padding every cell and trimming the spaces
    /// after the last one: an effective-route table of 13,000 rows is redrawn on every toggle.
    func render(indent: String = "") -> [String] {
        let widths = columnWidths()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        return [Self.line(headers, widths: widths, indent: indent, buffer: &buffer),
                Self.line(widths.map { String(repeating: "-", count: $0) }, widths: widths, indent: indent, buffer: &buffer)]
            + rows.map { Self.line($0, widths: widths, indent: indent, buffer: &buffer) }
    }

    /// One line of cells in columns of these widths, two spaces apart, nothing after the last non-empty cell.
    static func line(_ cells: [String], widths: [Int], indent: String = "", buffer: inout [UInt8]) -> String {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: indent.utf8)
        let last = cells.lastIndex { !$0.isEmpty } ?? -1
        var gap = 0
        for index in 0..<(last + 1) {
            for _ in 0..<gap { buffer.append(0x20) }
            let start = buffer.count
            buffer.append(contentsOf: cells[index].utf8)
            guard index < last else { break }
            // The cell's width from the bytes just written: their count when they are ASCII.
            let width = buffer[start...].allSatisfy { $0 < 0x80 } ? buffer.count - start : cells[index].count
            gap = widths[index] - width + 2
        }
        while buffer.last == 0x20 { buffer.removeLast() }
        return String(decoding: buffer, as: UTF8.self)
    }

    private func columnWidths() -> [Int] {
        var widths = headers.map(TextTable.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextTable.width(of: cell)) }
        }
        return widths
    }

    /// The lines of `render`, written into a sink without building them (tables of 13,000 rows at scale).
    func write(to sink: OutputSink, indent: String = "") {
        let widths = columnWidths()
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
        let ascii = cell.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? cell.utf8.allSatisfy { $0 < 0x80 }
        return ascii ? cell.utf8.count : cell.count
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
