#include "crash_journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

namespace gazette::cli {

namespace {

constexpr const char* journal_name = "gazette-crashes.tsv";
constexpr int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// What the handler writes: prepared before each item, since a signal
// handler may only call async-signal-safe functions (open, write, close).
char journal_path[4096];
char pending_line[8192];
volatile std::sig_atomic_t pending_length = 0;
char alternate_stack[64 * 1024];  // a stack overflow needs another stack

extern "C" void on_crash(int sig) {
    if (pending_length > 0 && journal_path[0] != '\0') {
        int fd = ::open(journal_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ssize_t ignored = ::write(fd, pending_line, static_cast<std::size_t>(pending_length));
            (void)ignored;
            ::close(fd);
        }
        const char note[] =
            "gazette-index: crashed; the file in hand is noted in the index's "
            "gazette-crashes.tsv and will be skipped by the next run\n";
        ssize_t ignored = ::write(STDERR_FILENO, note, sizeof note - 1);
        (void)ignored;
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::string line_for(const SourceItem& item) {
    return fmt::format("{}\t{}\t{}\n", item.id, item.fingerprint.size, item.fingerprint.mtime_ns);
}

}  // namespace

CrashJournal::CrashJournal(const std::string& index) : path_(index + "/" + journal_name) {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    listed_ = ss.str();
    if (path_.size() >= sizeof journal_path) return;  // too long to note: no journal
    std::memcpy(journal_path, path_.c_str(), path_.size() + 1);
    stack_t st{};
    st.ss_sp = alternate_stack;
    st.ss_size = sizeof alternate_stack;
    sigaltstack(&st, nullptr);
    struct sigaction sa {};
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int sig : signals) sigaction(sig, &sa, nullptr);
}

CrashJournal::~CrashJournal() {
    pending_length = 0;
    for (int sig : signals) std::signal(sig, SIG_DFL);
}

std::string CrashJournal::begin(const SourceItem& item) {
    std::string line = line_for(item);
    if (!listed_.empty() &&
        (listed_.starts_with(line) || listed_.find("\n" + line) != std::string::npos)) {
        pending_length = 0;
        return fmt::format(
            "crashed gazette-index on an earlier run; skipped until the file "
            "changes (or remove {} to try again)",
            path_);
    }
    pending_length = 0;
    if (line.size() <= sizeof pending_line) {
        std::memcpy(pending_line, line.data(), line.size());
        pending_length = static_cast<std::sig_atomic_t>(line.size());
    }
    return {};
}

}  // namespace gazette::cli
