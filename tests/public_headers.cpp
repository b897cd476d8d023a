// Compiled without Xapian's include path: the public headers must stand alone.
#include "gazette/error.hpp"
#include "gazette/indexer.hpp"
#include "gazette/schema.hpp"
#include "gazette/searcher.hpp"
#include "gazette/version.hpp"

#ifdef XAPIAN_INCLUDED_XAPIAN_H
#error "a public header pulled in xapian.h"
#endif
