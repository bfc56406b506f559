# Finds every dependency; a missing one stops configuration with the Debian
# package that provides it.
macro(partyscreen_require _pkg _debian)
  find_package(${_pkg} ${ARGN} QUIET)
  if(NOT ${_pkg}_FOUND)
    message(FATAL_ERROR
      "partyscreen needs ${_pkg}: install the Debian package '${_debian}' "
      "(sudo apt-get install ${_debian}), or run scripts/test, which installs it.")
  endif()
endmacro()

find_package(Threads REQUIRED)
partyscreen_require(absl libabsl-dev CONFIG)
partyscreen_require(Protobuf "libprotobuf-dev protobuf-compiler")
if(NOT TARGET protobuf::protoc)
  message(FATAL_ERROR "partyscreen needs protoc: install the Debian package 'protobuf-compiler'.")
endif()
partyscreen_require(ICU libicu-dev COMPONENTS uc i18n data)
partyscreen_require(Boost libboost-locale-dev 1.74 COMPONENTS locale)
partyscreen_require(pugixml libpugixml-dev CONFIG)
if(PARTYSCREEN_BUILD_TESTS)
  partyscreen_require(GTest "libgtest-dev libgmock-dev" CONFIG)
endif()
if(PARTYSCREEN_BUILD_BENCHMARKS)
  partyscreen_require(benchmark libbenchmark-dev CONFIG)
endif()
