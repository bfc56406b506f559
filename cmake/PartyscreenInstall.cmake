# Install rules: libraries, public headers, generated proto headers, the CLI,
# the bundled lists, a CMake package (find_package(partyscreen) giving
# partyscreen::partyscreen) and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS partyscreen_core partyscreen_sources partyscreen_all
  EXPORT partyscreenTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS partyscreen_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/partyscreen DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PARTYSCREEN_GEN_DIR}/partyscreen/v1
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/partyscreen FILES_MATCHING PATTERN "*.pb.h")
install(DIRECTORY proto/partyscreen DESTINATION ${CMAKE_INSTALL_DATADIR}/partyscreen/proto)
install(DIRECTORY data/lists/ DESTINATION ${CMAKE_INSTALL_DATADIR}/partyscreen/lists)

install(EXPORT partyscreenTargets NAMESPACE partyscreen::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/partyscreen)
configure_package_config_file(cmake/partyscreenConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/partyscreenConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/partyscreen)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/partyscreenConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/partyscreenConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/partyscreenConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/partyscreen)
configure_file(cmake/partyscreen.pc.in ${CMAKE_CURRENT_BINARY_DIR}/partyscreen.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/partyscreen.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
