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

# manifold_fuzz_instrument(<library>)
# With -DMANIFOLD_FUZZ=ON and clang: coverage instrumentation and sanitizers for a library a
# fuzz target drives, so libFuzzer sees its branches.
function(manifold_fuzz_instrument library)
  if(MANIFOLD_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${library} PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(${library} INTERFACE -fsanitize=address,undefined)
  endif()
endfunction()

# manifold_fuzz_target(<name> SOURCES ... LIBS ... [SEEDS <dir>...])
# SOURCES define LLVMFuzzerTestOneInput. Its inputs are tests/data/fuzz/<name>/ (seeds and the
# reproducers of fixed findings, regression-*) plus any SEEDS folders.
# With -DMANIFOLD_FUZZ=ON and clang: a libFuzzer executable in <build>/fuzz/, run for a bounded
# time by `./packaging/dev.sh fuzz`, with its input folders listed beside it in <name>.seeds.
# In every other build: the same sources behind tests/support/fuzz_seed_replay.cpp as a ctest
# `FuzzSeeds.<name>` that feeds every one of those files through the target, so a fixed finding
# stays fixed in CI without clang.
function(manifold_fuzz_target name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;SEEDS" ${ARGN})
  set(inputs "${PROJECT_SOURCE_DIR}/tests/data/fuzz/${name}" ${ARG_SEEDS})
  foreach(dir IN LISTS inputs)
    if(NOT IS_DIRECTORY "${dir}")
      message(FATAL_ERROR "fuzz target ${name}: no input folder ${dir}")
    endif()
  endforeach()
  if(MANIFOLD_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/fuzz"
      AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} manifold_warnings manifold_options)
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}")
    list(JOIN inputs "\n" lines)
    file(WRITE "${PROJECT_BINARY_DIR}/fuzz/${name}.seeds" "${lines}\n")
    set_property(GLOBAL APPEND PROPERTY MANIFOLD_FUZZ_TARGETS ${name})
    return()
  endif()
  set(replay ${name}_replay)
  add_executable(${replay} ${ARG_SOURCES} "${PROJECT_SOURCE_DIR}/tests/support/fuzz_seed_replay.cpp")
  set_target_properties(${replay} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests"
    AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_link_libraries(${replay} PRIVATE ${ARG_LIBS} manifold_warnings manifold_options)
  target_include_directories(${replay} PRIVATE "${PROJECT_SOURCE_DIR}")
  add_test(NAME FuzzSeeds.${name} COMMAND ${replay} ${inputs})
  set_tests_properties(FuzzSeeds.${name} PROPERTIES TIMEOUT 300)
endfunction()

# manifold_write_fuzz_target_list(): after every manifold_fuzz_target, <build>/fuzz/targets.txt
# names them one a line for `./packaging/dev.sh fuzz` (fuzz builds only).
function(manifold_write_fuzz_target_list)
  if(MANIFOLD_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    get_property(targets GLOBAL PROPERTY MANIFOLD_FUZZ_TARGETS)
    list(JOIN targets "\n" lines)
    file(WRITE "${PROJECT_BINARY_DIR}/fuzz/targets.txt" "${lines}\n")
  endif()
endfunction()
