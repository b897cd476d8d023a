// gazette-index's crash journal. Extraction is linear-time and catches
// every exception, but should a file still crash the process (a bug, a
// signal), the run must not die on the same file every time. Before each
// item the journal notes which item is in hand (in memory only); a handler
// for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT appends that item's id,
// size and mtime to INDEX/gazette-crashes.tsv before the process dies. The
// next run skips and reports the items listed there until their file
// changes. kill -9 cannot be caught and leaves nothing: an interrupted
// run is simply resumed.
#pragma once

#include <string>

#include "gazette/source.hpp"

namespace gazette::cli {

class CrashJournal {
  public:
    /// Reads INDEX/gazette-crashes.tsv (if any) and installs the handlers.
    explicit CrashJournal(const std::string& index);
    ~CrashJournal();
    CrashJournal(const CrashJournal&) = delete;
    CrashJournal& operator=(const CrashJournal&) = delete;

    /// Arms the journal for `item`. Returns why it must be skipped (it
    /// crashed an earlier run and is unchanged), or "".
    /// Called on the thread that reads and extracts the item; each thread
    /// has its slot, so a crash notes the item of the thread that crashed
    /// (a signal sent from outside notes every item in hand).
    std::string begin(const SourceItem& item);
    /// The calling thread's item is done.
    void end();

  private:
    std::string path_;
    std::string listed_;  // the journal's lines, as read
};

}  // namespace gazette::cli
