# Helpers that give every Manifold target the same include root, warnings and options.

# manifold_core_library(<name> SOURCES ... [DEPS ...])
# One static library per core concept (core/<concept>/), plain C++20 without Qt.
function(manifold_core_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  # Core has no QObject: keep Qt's automoc (switched on globally for ui/) away from it.
  set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE manifold_warnings manifold_options)
  target_link_options(${name} INTERFACE $<$<BOOL:${MANIFOLD_SANITIZE}>:-fsanitize=address,undefined>)
endfunction()

# manifold_gtest(<name> SOURCES ... [LIBS ...] [QT])
# A GoogleTest executable whose tests ctest lists one by one. QT tests run offscreen.
function(manifold_gtest name)
  cmake_parse_arguments(ARG "QT" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
  if(NOT ARG_QT)
    set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  endif()
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} manifold_test_support GTest::gtest GTest::gmock
    manifold_warnings manifold_options)
  target_compile_definitions(${name} PRIVATE
    MANIFOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    MANIFOLD_BINARY_DIR="${PROJECT_BINARY_DIR}")
  set(env "MANIFOLD_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared")
  if(ARG_QT)
    # Qt tests bring their own main() that creates the QApplication.
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  else()
    target_link_libraries(${name} PRIVATE GTest::gtest_main)
  endif()
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
endfunction()
