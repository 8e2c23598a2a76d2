// Jinja's tests (`x is defined`, `x is divisibleby 3`, …).
#include "core/interpolation/builtins.h"
#include "core/interpolation/operators.h"

#include <cmath>
#include <unordered_map>

namespace manifold::interpolation {
namespace {

using TestFunction = bool (*)(const Value&, const CallArgs&, Runtime&);

const Value& other(const CallArgs& args, std::string_view test) { return args.require(0, "other", test); }

bool isKind(const Value& v, std::initializer_list<ValueKind> kinds) {
  const ValueKind k = v.kind();
  for (ValueKind kind : kinds) {
    if (k == kind) return true;
  }
  return false;
}

const std::unordered_map<std::string_view, TestFunction>& testTable() {
  static const std::unordered_map<std::string_view, TestFunction> kTable = {
      {"defined", [](const Value& v, const CallArgs&, Runtime&) { return !v.isUndefined(); }},
      {"undefined", [](const Value& v, const CallArgs&, Runtime&) { return v.isUndefined(); }},
      {"none", [](const Value& v, const CallArgs&, Runtime&) { return v.isNone(); }},
      {"boolean", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Bool; }},
      {"true", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Bool && v.asBool(); }},
      {"false", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Bool && !v.asBool(); }},
      {"integer", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Int; }},
      {"float", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Float; }},
      {"number", [](const Value& v, const CallArgs&, Runtime&) { return v.isNumber(); }},
      {"string", [](const Value& v, const CallArgs&, Runtime&) { return v.isString(); }},
      {"mapping", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Dict; }},
      {"iterable",
       [](const Value& v, const CallArgs&, Runtime&) {
         return isKind(v, {ValueKind::List, ValueKind::Tuple, ValueKind::Dict, ValueKind::String, ValueKind::Undefined});
       }},
      {"sequence",
       [](const Value& v, const CallArgs&, Runtime&) {
         return isKind(v, {ValueKind::List, ValueKind::Tuple, ValueKind::Dict, ValueKind::String, ValueKind::Undefined});
       }},
      {"callable", [](const Value& v, const CallArgs&, Runtime&) { return v.kind() == ValueKind::Function; }},
      {"escaped", [](const Value&, const CallArgs&, Runtime&) { return false; }},
      {"sameas",
       [](const Value& v, const CallArgs& a, Runtime&) {
         const Value& o = other(a, "sameas");
         // Identity holds for the singletons None, True and False.
         if (v.isNone() || v.kind() == ValueKind::Bool) return v.kind() == o.kind() && pythonEquals(v, o);
         return false;
       }},
      {"divisibleby",
       [](const Value& v, const CallArgs& a, Runtime& rt) {
         const Value& num = a.require(0, "num", "divisibleby");
         return pythonEquals(applyBinary(BinaryOp::Modulo, v, num, rt), Value(std::int64_t{0}));
       }},
      {"odd",
       [](const Value& v, const CallArgs&, Runtime& rt) {
         return pythonEquals(applyBinary(BinaryOp::Modulo, v, Value(std::int64_t{2}), rt), Value(std::int64_t{1}));
       }},
      {"even",
       [](const Value& v, const CallArgs&, Runtime& rt) {
         return pythonEquals(applyBinary(BinaryOp::Modulo, v, Value(std::int64_t{2}), rt), Value(std::int64_t{0}));
       }},
      {"lower",
       [](const Value& v, const CallArgs&, Runtime&) {
         if (!v.isString()) return false;
         bool cased = false;
         for (char c : v.asString()) {
           if (c >= 'A' && c <= 'Z') return false;
           if (c >= 'a' && c <= 'z') cased = true;
         }
         return cased;
       }},
      {"upper",
       [](const Value& v, const CallArgs&, Runtime&) {
         if (!v.isString()) return false;
         bool cased = false;
         for (char c : v.asString()) {
           if (c >= 'a' && c <= 'z') return false;
           if (c >= 'A' && c <= 'Z') cased = true;
         }
         return cased;
       }},
      {"in", [](const Value& v, const CallArgs& a, Runtime&) { return pythonContains(a.require(0, "seq", "in"), v); }},
      {"eq", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::Equal, v, other(a, "eq")); }},
      {"ne", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::NotEqual, v, other(a, "ne")); }},
      {"lt", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::Less, v, other(a, "lt")); }},
      {"le", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::LessEqual, v, other(a, "le")); }},
      {"gt", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::Greater, v, other(a, "gt")); }},
      {"ge", [](const Value& v, const CallArgs& a, Runtime&) { return applyCompare(CompareOp::GreaterEqual, v, other(a, "ge")); }},
      {"filter", [](const Value& v, const CallArgs&, Runtime&) { return v.isString() && hasFilter(v.asString()); }},
      {"test", [](const Value& v, const CallArgs&, Runtime&) { return v.isString() && hasTest(v.asString()); }},
  };
  return kTable;
}

std::string_view alias(std::string_view name) {
  if (name == "==" || name == "equalto") return "eq";
  if (name == "!=") return "ne";
  if (name == "<" || name == "lessthan") return "lt";
  if (name == "<=") return "le";
  if (name == ">" || name == "greaterthan") return "gt";
  if (name == ">=") return "ge";
  return name;
}

}  // namespace

bool hasTest(std::string_view name) { return testTable().count(alias(name)) != 0; }

bool applyTest(std::string_view name, const Value& subject, const CallArgs& args, Runtime& runtime) {
  const auto& table = testTable();
  auto it = table.find(alias(name));
  if (it == table.end()) throw EvalException(ErrorKind::Syntax, "no test named '" + std::string(name) + "'", kNoOffset);
  return it->second(subject, args, runtime);
}

}  // namespace manifold::interpolation
