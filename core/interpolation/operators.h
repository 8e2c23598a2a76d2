// Python's operators on values: arithmetic, ordering, equality, membership, indexing, slicing.
#pragma once

#include "core/interpolation/ast.h"
#include "core/interpolation/runtime.h"
#include "core/interpolation/value.h"

#include <optional>

namespace manifold::interpolation {

Value applyBinary(BinaryOp op, const Value& left, const Value& right, Runtime& runtime);
Value applyNegate(const Value& operand);
Value applyPlus(const Value& operand);
bool applyCompare(CompareOp op, const Value& left, const Value& right);

// Python's ordering: negative, zero or positive; TypeError for unorderable kinds.
int pythonCompare(const Value& left, const Value& right, std::string_view op = "<");
bool pythonContains(const Value& container, const Value& item);

// Jinja's subscript: the item, else a Python attribute when the key is a string, else Undefined.
Value getItem(const Value& object, const Value& key);
// Jinja's attribute access: the Python attribute (method, property), else the item, else Undefined.
Value getAttr(const Value& object, std::string_view name);
Value getSlice(const Value& object, const Value& start, const Value& stop, const Value& step);

// The elements a for loop or list() sees: list items, dict keys, string characters.
std::vector<Value> iterate(const Value& value);

// Python int() rules for an index; nullopt when the value is not an integer.
std::optional<std::int64_t> asIndex(const Value& value);

}  // namespace manifold::interpolation
