# Warnings, sanitizers and ccache as INTERFACE targets linked PRIVATE by our own targets.

find_program(MANIFOLD_CCACHE ccache)
if(MANIFOLD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${MANIFOLD_CCACHE}")
endif()

add_library(manifold_warnings INTERFACE)
target_compile_options(manifold_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
  -Wmisleading-indentation)
if(MANIFOLD_WERROR)
  target_compile_options(manifold_warnings INTERFACE -Werror)
endif()

add_library(manifold_options INTERFACE)
if(MANIFOLD_SANITIZE)
  target_compile_options(manifold_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(manifold_options INTERFACE -fsanitize=address,undefined)
endif()
