// Python's str() and repr() of values: what a rendered template prints.
#pragma once

#include "core/interpolation/value.h"

#include <string>
#include <string_view>

namespace manifold::interpolation {

std::string toPythonStr(const Value& value);
std::string toPythonRepr(const Value& value);
// Python float repr: shortest round-trip digits, "1.0", "1e+16", "inf", "nan".
std::string formatPythonFloat(double value);
// Python repr of a str: single quotes unless the text holds ' and no ".
std::string reprString(std::string_view text);

// Python's json.dumps (", " and ": " separators, ASCII only). Date-times and other
// non-JSON kinds raise TypeError as in Python.
std::string jsonDumps(const Value& value, bool sortKeys);

}  // namespace manifold::interpolation
