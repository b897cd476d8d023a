/* gazette.h must compile as plain C99 with no C++ types. */
#include "gazette/gazette.h"

size_t gazette_c_header_check(const gazette_result* r) {
    return gazette_result_hit_count(r);
}
