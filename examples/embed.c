/* Embedding gazette from C: open an index, search, print ranked hits.
 *   gazette-embed-c INDEX [QUERY] [OUTLET]
 * Build: cc embed.c $(pkg-config --cflags --libs gazette) */
#include <gazette/gazette.h>
#include <stdio.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s INDEX [QUERY] [OUTLET]\n", argv[0]);
        return 2;
    }
    gazette_searcher* searcher = NULL;
    if (gazette_searcher_open(argv[1], &searcher) != GAZETTE_OK) {
        fprintf(stderr, "error: %s\n", gazette_last_error());
        return 1;
    }
    gazette_request* request = gazette_request_new(argc > 2 ? argv[2] : "CFE treaty suspension");
    if (argc > 3) gazette_request_add_outlet(request, argv[3]);
    gazette_request_set_snippet(request, 160, "[", "]", 0);

    gazette_result* result = NULL;
    gazette_status status = gazette_search(searcher, request, &result);
    if (status != GAZETTE_OK) {
        fprintf(stderr, "error (%s): %s\n", gazette_status_name(status), gazette_last_error());
    } else {
        printf("%zu hits\n", gazette_result_total(result));
        for (size_t i = 0; i < gazette_result_hit_count(result); ++i) {
            printf("%zu. %s (%s)\n", gazette_hit_rank(result, i), gazette_hit_title(result, i),
                   gazette_hit_path(result, i));
            printf("   %s\n", gazette_hit_snippet(result, i));
        }
        gazette_result_free(result);
    }
    gazette_request_free(request);
    gazette_searcher_free(searcher);
    return status == GAZETTE_OK ? 0 : 1;
}
