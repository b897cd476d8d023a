#include "crash_journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace gazette::cli {

namespace {

constexpr const char* journal_name = "gazette-crashes.tsv";
constexpr int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// What the handler writes: prepared before each item, since a signal
// handler may only call async-signal-safe functions (open, write, close).
// Each extracting thread has its slot: a crash in a thread notes its own
// item; a signal sent from outside (kill) notes every item in hand.
char journal_path[4096];
constexpr int max_slots = 256;
struct Slot {
    char line[8192];
    volatile std::sig_atomic_t length;
};
Slot slots[max_slots];
std::atomic<int> slots_taken{0};
thread_local int my_slot = -1;  // in the executable: static TLS, safe in a handler
constexpr std::size_t alternate_stack_size = 64 * 1024;  // a stack overflow needs another stack

void write_slot(int fd, const Slot& s) {
    ssize_t ignored = ::write(fd, s.line, static_cast<std::size_t>(s.length));
    (void)ignored;
}

extern "C" void on_crash(int sig) {
    bool own = my_slot >= 0 && slots[my_slot].length > 0;
    bool any = own;
    for (int i = 0; i < max_slots && i < slots_taken.load() && !any; ++i) any = slots[i].length > 0;
    if (any && journal_path[0] != '\0') {
        int fd = ::open(journal_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            if (own)
                write_slot(fd, slots[my_slot]);
            else
                for (int i = 0; i < max_slots && i < slots_taken.load(); ++i)
                    if (slots[i].length > 0) write_slot(fd, slots[i]);
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
    struct sigaction sa {};
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int sig : signals) sigaction(sig, &sa, nullptr);
}

CrashJournal::~CrashJournal() {
    for (auto& s : slots) s.length = 0;
    for (int sig : signals) std::signal(sig, SIG_DFL);
}

std::string CrashJournal::begin(const SourceItem& item) {
    if (my_slot < 0) {
        int n = slots_taken.fetch_add(1);
        if (n >= max_slots) return {};  // more threads than slots: not noted
        my_slot = n;
        // A stack for the handler (a stack overflow needs another one),
        // unless the thread has one already (sanitizers give each thread
        // theirs, and must find it there when the thread ends).
        stack_t current{};
        if (sigaltstack(nullptr, &current) == 0 && (current.ss_flags & SS_DISABLE) != 0) {
            thread_local std::unique_ptr<char[]> stack(new char[alternate_stack_size]);
            stack_t st{};
            st.ss_sp = stack.get();
            st.ss_size = alternate_stack_size;
            sigaltstack(&st, nullptr);
        }
    }
    Slot& slot = slots[my_slot];
    slot.length = 0;
    std::string line = line_for(item);
    if (!listed_.empty() &&
        (listed_.starts_with(line) || listed_.find("\n" + line) != std::string::npos))
        return fmt::format(
            "crashed gazette-index on an earlier run; skipped until the file "
            "changes (or remove {} to try again)",
            path_);
    if (line.size() <= sizeof slot.line) {
        std::memcpy(slot.line, line.data(), line.size());
        slot.length = static_cast<std::sig_atomic_t>(line.size());
    }
    return {};
}

void CrashJournal::end() {
    if (my_slot >= 0) slots[my_slot].length = 0;
}

}  // namespace gazette::cli
