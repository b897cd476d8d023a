# The Debian libraries the indexer links besides Xapian, as imported
# targets: gazette::re2 (linear-time regular expressions for extraction),
# gazette::uchardet (encoding detection), gazette::gumbo (HTML5
# parsing) and gazette::zlib (.html.gz pages). Also used by the installed package config, so consumers of the
# static indexer get them linked.
find_package(PkgConfig REQUIRED)

# gazette::<name> from the pkg-config module <name>, or a clear error
# naming the Debian package that provides it.
function(gazette_pkg_target name debian_package)
  if(TARGET gazette::${name})
    return()
  endif()
  pkg_check_modules(GAZETTE_PC_${name} QUIET IMPORTED_TARGET GLOBAL ${name})
  if(NOT GAZETTE_PC_${name}_FOUND)
    message(FATAL_ERROR "${name} not found: install ${debian_package}")
  endif()
  add_library(gazette::${name} INTERFACE IMPORTED GLOBAL)
  target_link_libraries(gazette::${name} INTERFACE PkgConfig::GAZETTE_PC_${name})
endfunction()

gazette_pkg_target(re2 libre2-dev)
gazette_pkg_target(uchardet libuchardet-dev)
gazette_pkg_target(gumbo libgumbo-dev)
gazette_pkg_target(zlib zlib1g-dev)
