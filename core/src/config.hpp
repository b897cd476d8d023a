// The command lines' defaults from the environment and a config file, so
// gazette-search and gazette-index find the index from any folder:
//
//   GAZETTE_INDEX=/srv/news/index          (several: separated by ':')
//   $XDG_CONFIG_HOME/gazette/config        (default ~/.config/gazette/config)
//     # comment
//     index = /srv/news/index              (repeatable: shards searched as one)
//     corpus = /srv/news/articles          (repeatable: gazette-index's folders)
//
// An --index or folder given on the command line wins over GAZETTE_INDEX,
// which wins over the file; without any, "index" and "corpus" in the
// current folder. Relative paths in the file are taken from the file's
// folder, "~/" from $HOME. A malformed file is an error naming the file and
// line (ErrorKind::invalid_input); a missing file is no error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::config {

struct Defaults {
    std::vector<std::string> indexes;  ///< default index folders or stubs
    std::vector<std::string> corpus;   ///< default article folders (gazette-index)
    std::string file;                  ///< the config file read, "" when none
};

/// The config file's path: $GAZETTE_CONFIG if set, else
/// $XDG_CONFIG_HOME/gazette/config, else $HOME/.config/gazette/config
/// ("" when none of them is set).
std::string file_path();

/// Reads `path` (nothing when it does not exist). @throws Error
/// invalid_input naming the file and line of an unknown key or a line
/// without "key = value".
Defaults read_file(const std::string& path);

/// The same from the file's text; `name` is used in messages, `folder`
/// resolves relative paths.
Defaults parse(std::string_view text, const std::string& name, const std::string& folder);

/// The defaults in force: the config file's, with GAZETTE_INDEX (when set
/// and not empty) in place of its indexes, and "index" / "corpus" where
/// nothing names them.
Defaults load();

}  // namespace gazette::config
