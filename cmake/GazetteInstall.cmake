# Install rules: binaries, public headers, libraries, and a CMake package.
include(CMakePackageConfigHelpers)

set(GAZETTE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/gazette")

if(GAZETTE_BUILD_TOOLS)
  install(TARGETS gazette-index gazette-search gazette-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# gazette_core is installed as an archive only (no headers): the static
# libraries list it as a link dependency.
install(TARGETS gazette_core gazette_searcher gazette_searcher_shared gazette_indexer
  EXPORT gazette-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY core/include/gazette searcher/include/gazette indexer/include/gazette
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/include/gazette/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/gazette)
install(EXPORT gazette-targets NAMESPACE gazette:: DESTINATION ${GAZETTE_CMAKE_DIR})
configure_package_config_file(cmake/gazette-config.cmake.in
  "${PROJECT_BINARY_DIR}/gazette-config.cmake" INSTALL_DESTINATION ${GAZETTE_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/gazette-config-version.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/gazette-config.cmake"
              "${PROJECT_BINARY_DIR}/gazette-config-version.cmake"
              cmake/GazetteXapian.cmake
              cmake/GazetteDeps.cmake
  DESTINATION ${GAZETTE_CMAKE_DIR})

# pkg-config: relative to the .pc file, so `cmake --install --prefix P` works.
file(RELATIVE_PATH GAZETTE_PC_TO_PREFIX
  "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/gazette.pc.in "${PROJECT_BINARY_DIR}/gazette.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/gazette.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Man pages made from each command's --help by help2man (Debian's help2man;
# skipped with a note when it is missing), and bash completion.
if(GAZETTE_BUILD_TOOLS)
  find_program(HELP2MAN help2man)
  if(HELP2MAN)
    set(GAZETTE_MAN_DIR "${PROJECT_BINARY_DIR}/man")
    foreach(tool gazette-index gazette-search gazette-serve)
      if(tool STREQUAL "gazette-index")
        set(summary "bring a gazette search index in step with folders of news articles")
      elseif(tool STREQUAL "gazette-serve")
        set(summary "search page and JSON API over gazette indexes")
      else()
        set(summary "ranked search of news articles with highlighted snippets")
      endif()
      add_custom_command(OUTPUT "${GAZETTE_MAN_DIR}/${tool}.1"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${GAZETTE_MAN_DIR}"
        COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --name="${summary}"
                --source="gazette ${PROJECT_VERSION}" --output="${GAZETTE_MAN_DIR}/${tool}.1"
                $<TARGET_FILE:${tool}>
        DEPENDS ${tool}
        COMMENT "Making the man page of ${tool}")
      list(APPEND GAZETTE_MAN_PAGES "${GAZETTE_MAN_DIR}/${tool}.1")
    endforeach()
    add_custom_target(man ALL DEPENDS ${GAZETTE_MAN_PAGES})
    install(FILES ${GAZETTE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  else()
    message(STATUS "help2man not found: no man pages (apt-get install help2man)")
  endif()
  foreach(tool gazette-index gazette-search gazette-serve)
    install(FILES completion/gazette.bash
      DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${tool})
  endforeach()
endif()
