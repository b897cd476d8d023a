#!/usr/bin/env python3
"""Search a gazette index from Python through ctypes and the C API.

    embed.py LIBRARY INDEX [QUERY]

LIBRARY is the shared library, e.g. /usr/local/lib/libgazette_searcher.so.
Prints the ranked hits with their highlighted words.
"""
import ctypes
import sys


def load(path):
    lib = ctypes.CDLL(path)
    c = ctypes
    lib.gazette_last_error.restype = c.c_char_p
    lib.gazette_status_name.restype = c.c_char_p
    lib.gazette_searcher_open.argtypes = [c.c_char_p, c.POINTER(c.c_void_p)]
    lib.gazette_searcher_free.argtypes = [c.c_void_p]
    lib.gazette_request_new.restype = c.c_void_p
    lib.gazette_request_new.argtypes = [c.c_char_p]
    lib.gazette_request_free.argtypes = [c.c_void_p]
    lib.gazette_search.argtypes = [c.c_void_p, c.c_void_p, c.POINTER(c.c_void_p)]
    lib.gazette_result_free.argtypes = [c.c_void_p]
    lib.gazette_result_total.restype = c.c_size_t
    lib.gazette_result_total.argtypes = [c.c_void_p]
    lib.gazette_result_hit_count.restype = c.c_size_t
    lib.gazette_result_hit_count.argtypes = [c.c_void_p]
    for name in ("path", "title", "date", "text", "snippet"):
        f = getattr(lib, "gazette_hit_" + name)
        f.restype = c.c_char_p
        f.argtypes = [c.c_void_p, c.c_size_t]
    lib.gazette_hit_highlight_count.restype = c.c_size_t
    lib.gazette_hit_highlight_count.argtypes = [c.c_void_p, c.c_size_t]
    lib.gazette_hit_highlight.argtypes = [c.c_void_p, c.c_size_t, c.c_size_t,
                                          c.POINTER(c.c_size_t), c.POINTER(c.c_size_t)]
    return lib


def search(lib, index, query):
    searcher = ctypes.c_void_p()
    if lib.gazette_searcher_open(index.encode(), ctypes.byref(searcher)) != 0:
        raise RuntimeError(lib.gazette_last_error().decode())
    request = lib.gazette_request_new(query.encode())
    result = ctypes.c_void_p()
    try:
        if lib.gazette_search(searcher, request, ctypes.byref(result)) != 0:
            raise RuntimeError(lib.gazette_last_error().decode())
        hits = []
        for i in range(lib.gazette_result_hit_count(result)):
            text = lib.gazette_hit_text(result, i)  # bytes: offsets are byte offsets
            words = []
            for k in range(lib.gazette_hit_highlight_count(result, i)):
                begin, length = ctypes.c_size_t(), ctypes.c_size_t()
                lib.gazette_hit_highlight(result, i, k, ctypes.byref(begin), ctypes.byref(length))
                words.append(text[begin.value:begin.value + length.value].decode())
            hits.append({"path": lib.gazette_hit_path(result, i).decode(),
                         "title": lib.gazette_hit_title(result, i).decode(),
                         "date": lib.gazette_hit_date(result, i).decode() or None,
                         "highlighted": words})
        return lib.gazette_result_total(result), hits
    finally:
        lib.gazette_result_free(result)
        lib.gazette_request_free(request)
        lib.gazette_searcher_free(searcher)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lib = load(sys.argv[1])
    query = sys.argv[3] if len(sys.argv) > 3 else "CFE treaty suspension"
    try:
        total, hits = search(lib, sys.argv[2], query)
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"{total} hits")
    for rank, hit in enumerate(hits, 1):
        print(f"{rank}. {hit['title']} ({hit['path']})")
        print(f"   highlighted: {', '.join(hit['highlighted'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
