import CLibFuzzer
import FuzzSupport
import RoutingEngine
import TopologyFile

private let file = "fuzz/input.yaml"

/// Each input is read as a lesson and as an expectation file. A refusal must satisfy
/// `Invariants.checkRefusals`; a success must be the same when read again, and every fact's
/// line:column must lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let yaml = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let lesson = try LessonLoader.parse(yaml, file: file)
        Invariants.require(lesson == (try? LessonLoader.parse(yaml, file: file)), "a lesson reads differently twice", yaml)
        Invariants.require(lesson.name == "input", "the lesson is named '\(lesson.name)', not after its file", yaml)
    } catch {
        Invariants.checkRefusals(error.errors, in: yaml, file: file)
    }
    do {
        let cases = try ExpectationLoader.parse(yaml, file: file)
        Invariants.require(cases == (try? ExpectationLoader.parse(yaml, file: file)), "expectations read differently twice", yaml)
        let lines = LineMap(yaml)
        for expectation in cases.flatMap(\.expectations) {
            Invariants.require(lines.contains(line: expectation.line, column: expectation.column),
                               "a fact at \(expectation.line):\(expectation.column), outside the text (\(lines.summary))", yaml)
        }
    } catch {
        Invariants.checkRefusals(error.errors, in: yaml, file: file)
    }
    return 0
}

/// SwiftPM links `main` to `<module>_main`: hand the command line to libFuzzer's driver.
@_cdecl("FuzzLessonLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzLessonLoader)
}
