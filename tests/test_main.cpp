#define CATCH_CONFIG_MAIN
#include <xapian.h>
#include <catch2/catch.hpp>

// Let CHECK_THROWS_WITH read Xapian's messages (Xapian::Error is not a
// std::exception).
CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) {
    return e.get_msg();
}
