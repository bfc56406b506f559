# Warnings on our own targets; -Werror only when PARTYSCREEN_WERROR (CI).
function(partyscreen_warnings _target)
  target_compile_options(${_target} PRIVATE -Wall -Wextra)
  if(PARTYSCREEN_WERROR)
    target_compile_options(${_target} PRIVATE -Werror)
  endif()
endfunction()

# partyscreen_cc_test(NAME name SRCS a.cc b.cc [DEPS ...]): one GoogleTest
# binary registered with CTest. Tests get the repository root and the shared
# data directory (../shared beside the checkout) as compile definitions.
function(partyscreen_cc_test)
  cmake_parse_arguments(T "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${T_NAME} ${T_SRCS})
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${T_NAME} PRIVATE partyscreen_core partyscreen_sources
                        GTest::gmock GTest::gtest_main ${T_DEPS})
  target_compile_definitions(${T_NAME} PRIVATE
    PARTYSCREEN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PARTYSCREEN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    PARTYSCREEN_BINARY_DIR="${PROJECT_BINARY_DIR}")
  partyscreen_warnings(${T_NAME})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES TIMEOUT 600)
endfunction()
