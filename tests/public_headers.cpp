// Compiled without Xapian's include path: the public headers must stand alone.
#include "gazette/document.hpp"
#include "gazette/error.hpp"
#include "gazette/extractor.hpp"
#include "gazette/index_writer.hpp"
#include "gazette/indexer.hpp"
#include "gazette/manifest.hpp"
#include "gazette/outlets.hpp"
#include "gazette/searcher.hpp"
#include "gazette/source.hpp"
#include "gazette/version.hpp"

#ifdef XAPIAN_INCLUDED_XAPIAN_H
#error "a public header pulled in xapian.h"
#endif
