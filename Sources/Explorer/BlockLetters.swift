/// Large letters for presenter mode: a 3×5 pixel font (wider for M, N, W) drawn with half blocks,
/// so five pixel rows take three terminal rows and read from the back of a room.
public enum BlockLetters {
    /// Each glyph's pixel rows, `#` on.
    private static let font: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"], "N": ["#..#", "##.#", "#.##", "#..#", "#..#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."], "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "##.##", "#...#"], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "##.", "#.#", ".#."], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": [".#.", "#.#", ".#.", "#.#", ".#."], "9": [".#.", "#.#", ".##", "..#", "##."],
        " ": ["..", "..", "..", "..", ".."], "-": ["...", "...", "###", "...", "..."],
        "/": ["..#", "..#", ".#.", "#..", "#.."], ".": [".", ".", ".", ".", "#"], ",": [".", ".", ".", "#", "#"],
        ":": [".", "#", ".", "#", "."], "#": ["#.#", "###", "#.#", "###", "#.#"], "?": ["##.", "..#", ".#.", "...", ".#."],
        "!": ["#", "#", "#", ".", "#"], "(": [".#", "#.", "#.", "#.", ".#"], ")": ["#.", ".#", ".#", ".#", "#."],
        "+": ["...", ".#.", "###", ".#.", "..."],
    ]

    static let height = 3

    /// The text's three rows, or nil when a character has no glyph (the caller shows it small).
    public static func render(_ text: String, ascii: Bool = false) -> [String]? {
        var pixels = Array(repeating: "", count: 5)
        for (index, character) in text.uppercased().enumerated() {
            guard let glyph = font[character] else { return nil }
            for row in 0..<5 { pixels[row] += (index > 0 ? "." : "") + glyph[row] }
        }
        let columns = pixels.map(Array.init)
        return (0..<height).map { cellRow in
            let top = columns[cellRow * 2], bottom = cellRow * 2 + 1 < 5 ? columns[cellRow * 2 + 1] : []
            return String(top.indices.map { column -> Character in
                let up = top[column] == "#", down = column < bottom.count && bottom[column] == "#"
                if ascii { return up || down ? "#" : " " }
                return up && down ? "█" : up ? "▀" : down ? "▄" : " "
            })
        }
    }

    /// Columns the text takes in block letters, or nil.
    public static func width(_ text: String) -> Int? { render(text)?.first.map { displayWidth($0) } }
}
