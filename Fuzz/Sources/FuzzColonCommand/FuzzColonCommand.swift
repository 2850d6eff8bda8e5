import CLibFuzzer
import Explorer

/// Any bytes, as the text typed after `:`. A refusal has a message; a command reads the same twice and
/// survives `commandLine`: rendered, parsed again, the same command.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzColonCommand(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let result = ColonCommand.parse(text)
    require(result == ColonCommand.parse(text), "parsed differently twice", text)
    switch result {
    case .success(let command):
        let line = command.commandLine
        require(ColonCommand.parse(line) == .success(command), "'\(line)' does not parse back to \(command)", text)
    case .failure(let error):
        require(!error.message.isEmpty, "a refusal without a message", text)
    }
    return 0
}

/// Traps (so libFuzzer reports the input) when `condition` is false.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: String) {
    guard !condition else { return }
    fatalError("invariant broken: \(message())\n--- input: \(input.debugDescription)")
}

/// SwiftPM links `main` to `<module>_main`: hand the command line to libFuzzer's driver.
@_cdecl("FuzzColonCommand_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzColonCommand)
}
