# Install rules: binaries, public headers, libraries, and a CMake package.
include(CMakePackageConfigHelpers)

set(GAZETTE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/gazette")

if(GAZETTE_BUILD_TOOLS)
  install(TARGETS gazette-index gazette-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
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
