import ArgumentParser
import Foundation
import Reports

/// Where a command's output goes, written as the report produces it: standard output, or a file
/// written atomically (into a temporary file beside it, renamed over it when complete).
enum Output {
    /// Runs `render` into standard output.
    static func standardOutput(_ render: (OutputSink) throws -> Void) throws {
        fflush(nil)   // anything already printed goes first
        let sink = OutputSink { try writeAll($0, to: STDOUT_FILENO) }
        try render(sink)
        do {
            try sink.finish()
        } catch {
            Diagnostics.error("cannot write to standard output: \(error)")
            throw ExitCode(1)
        }
    }

    /// Runs `render` into `path`; on any failure the old file is left as it was.
    static func file(_ path: String, _ render: (OutputSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            Diagnostics.error("cannot write \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do {
            let sink = OutputSink { try writeAll($0, to: descriptor) }
            try render(sink)
            try sink.finish()
            closed = true
            guard close(descriptor) == 0 else { throw WriteError(errno: errno) }
            // rename(2) replaces the target in one step, whether or not it exists.
            guard rename(temporary, path) == 0 else { throw WriteError(errno: errno) }
        } catch {
            unlink(temporary)
            if error is ExitCode { throw error }
            Diagnostics.error("cannot write \(path): \(error)")
            throw ExitCode(1)
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        let errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) throws {
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(errno: errno)
            }
            offset += written
        }
    }
}
