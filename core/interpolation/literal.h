// The literal rule: a rendered string that is a Python literal becomes that value
// (ast.literal_eval, as the reference engine applies it to every rendered template).
#pragma once

#include "core/interpolation/value.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace manifold::interpolation {

// Python types a literal can have; callers restrict results with a mask of them.
enum PythonType : std::uint32_t {
  kPyStr = 1u << 0,
  kPyInt = 1u << 1,  // bool counts as int, as isinstance(True, int)
  kPyFloat = 1u << 2,
  kPyBool = 1u << 3,
  kPyNone = 1u << 4,
  kPyList = 1u << 5,
  kPyTuple = 1u << 6,
  kPyDict = 1u << 7,
  kPySet = 1u << 8,
  kPyBytes = 1u << 9,
  kPyEllipsis = 1u << 10,
  kPyComplex = 1u << 11,
};

struct PythonLiteral {
  Value value;  // sets become lists, bytes and Ellipsis strings
  PythonType type = kPyStr;
};

// ast.literal_eval(text) after stripping leading spaces/tabs; nullopt when Python would raise
// ValueError, SyntaxError or TypeError (unhashable keys).
std::optional<PythonLiteral> parsePythonLiteral(std::string_view text);

// The reference's _literal_eval: the literal when it parses and (with a non-zero mask) has an
// allowed type, complex numbers only when allowed explicitly; otherwise the text itself.
Value applyLiteralRule(std::string_view text, std::uint32_t validTypes = 0);

}  // namespace manifold::interpolation
