import Foundation

/// Follows the explorer's file: polled from the run loop (a few stat calls a second), it hands back the
/// new text when the file's modification time, size or inode changed. Editors that save by renaming a
/// new file over the old one change the inode; the path is what is followed.
struct FileWatcher {
    private(set) var path: String?
    private var last: Stamp?
    private var lastPoll = Date.distantPast
    static let interval: TimeInterval = 0.25

    private struct Stamp: Equatable {
        let modified: timespec
        let size: off_t
        let inode: ino_t
        static func == (a: Self, b: Self) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size && a.inode == b.inode
        }
    }

    init(path: String?) {
        self.path = path
        last = path.flatMap(Self.stamp)
    }

    /// Follows another file after `:saveas` or `:open`; nil stops following.
    mutating func follow(_ next: String?) {
        guard next != path else { return }
        path = next
        last = next.flatMap(Self.stamp)
    }

    /// The file's text when it changed since the last look (nil while it is missing: an editor between
    /// deleting and writing it).
    mutating func poll(now: Date = Date()) -> String? {
        guard let path, now.timeIntervalSince(lastPoll) >= Self.interval else { return nil }
        lastPoll = now
        guard let stamp = Self.stamp(path), stamp != last else { return nil }
        last = stamp
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// What is on disk now is known (we wrote it).
    mutating func rememberCurrent() { last = path.flatMap(Self.stamp) }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        return Stamp(modified: info.st_mtim, size: info.st_size, inode: info.st_ino)
        #else
        return Stamp(modified: info.st_mtimespec, size: info.st_size, inode: info.st_ino)
        #endif
    }
}
