# Bash completion for gazette-index, gazette-search and gazette-serve (installed by
# `cmake --install` as bash-completion/completions/gazette-index, -search and
# -serve). Options are read from the command's own --help, so
# they are never listed twice.

_gazette() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[0]}"
    case "$prev" in
        --index|--show|--like|--outlets|--manifest|--synonyms)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --sort)
            COMPREPLY=($(compgen -W "relevance date" -- "$cur"))
            return ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --outlet|--speaker|--since|--until|--limit|--offset|--snippet-length|--ranking|--batch|-j|--jobs|--listen|--threads|--rate|--burst|--max-body)
            return ;;
    esac
    if [[ "$cur" == --color=* ]]; then
        COMPREPLY=($(compgen -W "auto always never" -- "${cur#--color=}"))
        return
    fi
    if [[ "$cur" == -* ]]; then
        local options
        options=$("$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    # gazette-index takes folders and files; gazette-search takes words.
    if [[ "$cmd" == *gazette-index ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

complete -o filenames -F _gazette gazette-index gazette-search gazette-serve
