// Value: kinds, accessors over borrowed JSON and owned Python values, JSON conversion.
#include "core/interpolation/value.h"

#include "core/interpolation/error.h"
#include "core/interpolation/python_format.h"

#include <cmath>
#include <limits>

namespace manifold::interpolation {

using nlohmann::json;

std::string_view pythonTypeName(ValueKind kind) {
  switch (kind) {
    case ValueKind::Undefined: return "Undefined";
    case ValueKind::None: return "NoneType";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Float: return "float";
    case ValueKind::String: return "str";
    case ValueKind::List: return "list";
    case ValueKind::Tuple: return "tuple";
    case ValueKind::Dict: return "dict";
    case ValueKind::DateTime: return "datetime.datetime";
    case ValueKind::Date: return "datetime.date";
    case ValueKind::Duration: return "datetime.timedelta";
    case ValueKind::Function: return "function";
  }
  return "object";
}

const Value* DictObject::find(const Value& key) const {
  for (const auto& [k, v] : entries) {
    if (pythonEquals(k, key)) return &v;
  }
  return nullptr;
}

void DictObject::set(Value key, Value value) {
  for (auto& entry : entries) {
    if (pythonEquals(entry.first, key)) {
      entry.second = std::move(value);
      return;
    }
  }
  entries.emplace_back(std::move(key), std::move(value));
}

Value Value::undefined(std::string reason) { return Value(Data(UndefinedData{std::move(reason)})); }

Value Value::borrow(const json& node) { return Value(Data(JsonRef{&node, nullptr})); }

Value Value::fromJson(json node) {
  auto owner = std::make_shared<const json>(std::move(node));
  const json* raw = owner.get();
  return Value(Data(JsonRef{raw, std::move(owner)}));
}

Value Value::list(std::vector<Value> items) {
  return Value(Data(std::make_shared<ListObject>(ListObject{std::move(items), false})));
}

Value Value::tuple(std::vector<Value> items) {
  return Value(Data(std::make_shared<ListObject>(ListObject{std::move(items), true})));
}

Value Value::dict(DictObject dict) { return Value(Data(std::make_shared<DictObject>(std::move(dict)))); }

Value Value::child(const json& node) const {
  const auto& ref = std::get<JsonRef>(data_);
  return Value(Data(JsonRef{&node, ref.owner}));
}

ValueKind Value::kind() const {
  switch (data_.index()) {
    case 0: return ValueKind::Undefined;
    case 1: return ValueKind::None;
    case 2: return ValueKind::Bool;
    case 3: return ValueKind::Int;
    case 4: return ValueKind::Float;
    case 5: return ValueKind::String;
    case 6: return std::get<6>(data_)->tuple ? ValueKind::Tuple : ValueKind::List;
    case 7: return ValueKind::Dict;
    case 8: {
      const json& node = *std::get<JsonRef>(data_).node;
      switch (node.type()) {
        case json::value_t::null: return ValueKind::None;
        case json::value_t::boolean: return ValueKind::Bool;
        case json::value_t::number_integer: return ValueKind::Int;
        case json::value_t::number_unsigned:
          return node.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX) ? ValueKind::Float
                                                                                  : ValueKind::Int;
        case json::value_t::number_float: return ValueKind::Float;
        case json::value_t::string: return ValueKind::String;
        case json::value_t::array: return ValueKind::List;
        case json::value_t::object: return ValueKind::Dict;
        default: return ValueKind::None;
      }
    }
    case 9: return ValueKind::DateTime;
    case 10: return ValueKind::Date;
    case 11: return ValueKind::Duration;
    default: return ValueKind::Function;
  }
}

bool Value::isNumber() const {
  const ValueKind k = kind();
  return k == ValueKind::Int || k == ValueKind::Float || k == ValueKind::Bool;
}

bool Value::isSequence() const {
  const ValueKind k = kind();
  return k == ValueKind::List || k == ValueKind::Tuple;
}

const std::string& Value::undefinedReason() const {
  static const std::string kEmpty;
  if (const auto* undefined = std::get_if<UndefinedData>(&data_)) return undefined->reason;
  return kEmpty;
}

bool Value::asBool() const {
  if (const auto* b = std::get_if<bool>(&data_)) return *b;
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    if (ref->node->is_boolean()) return ref->node->get<bool>();
  }
  return truthy();
}

namespace {
// Python's int() of a float truncates toward zero; a value beyond int64 (or NaN) has no int64
// form, so it saturates instead of being converted out of range, which is undefined.
std::int64_t truncatedToInt(double d) {
  if (std::isnan(d)) return 0;
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (d >= kLimit) return std::numeric_limits<std::int64_t>::max();
  if (d < -kLimit) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}
}  // namespace

std::int64_t integerFromFloat(double d) {
  if (std::isinf(d)) throwValueError("cannot convert float infinity to integer");
  if (std::isnan(d)) throwValueError("cannot convert float NaN to integer");
  if (std::fabs(d) >= 9223372036854775808.0) {
    throwValueError("integer " + formatPythonFloat(d) + " is outside the 64-bit range");
  }
  return static_cast<std::int64_t>(d);
}

std::int64_t Value::asInt() const {
  if (const auto* i = std::get_if<std::int64_t>(&data_)) return *i;
  if (const auto* b = std::get_if<bool>(&data_)) return *b ? 1 : 0;
  if (const auto* d = std::get_if<double>(&data_)) return truncatedToInt(*d);
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    const json& node = *ref->node;
    if (node.is_number_integer()) return node.get<std::int64_t>();
    if (node.is_boolean()) return node.get<bool>() ? 1 : 0;
    if (node.is_number_float()) return truncatedToInt(node.get<double>());
  }
  return 0;
}

double Value::asDouble() const {
  if (const auto* d = std::get_if<double>(&data_)) return *d;
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    const json& node = *ref->node;
    if (node.is_number_unsigned()) return static_cast<double>(node.get<std::uint64_t>());
    if (node.is_number()) return node.get<double>();
    if (node.is_boolean()) return node.get<bool>() ? 1.0 : 0.0;
    return 0.0;
  }
  return static_cast<double>(asInt());
}

std::string_view Value::asString() const {
  if (const auto* s = std::get_if<std::string>(&data_)) return *s;
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    if (ref->node->is_string()) return ref->node->get_ref<const std::string&>();
  }
  return {};
}

bool Value::truthy() const {
  switch (kind()) {
    case ValueKind::Undefined:
    case ValueKind::None: return false;
    case ValueKind::Bool: return asBool();
    case ValueKind::Int: return asInt() != 0;
    case ValueKind::Float: return asDouble() != 0.0;
    case ValueKind::String: return !asString().empty();
    case ValueKind::List:
    case ValueKind::Tuple:
    case ValueKind::Dict: return size() != 0;
    case ValueKind::Duration: {
      const Duration& d = asDuration();
      return d.micros != 0 || d.years != 0 || d.months != 0;
    }
    default: return true;
  }
}

std::size_t Value::size() const {
  if (const auto* list = std::get_if<std::shared_ptr<ListObject>>(&data_)) return (*list)->items.size();
  if (const auto* dict = std::get_if<std::shared_ptr<DictObject>>(&data_)) return (*dict)->entries.size();
  if (const auto* s = std::get_if<std::string>(&data_)) return s->size();
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    const json& node = *ref->node;
    if (node.is_array() || node.is_object()) return node.size();
    if (node.is_string()) return node.get_ref<const std::string&>().size();
  }
  return 0;
}

Value Value::item(std::size_t index) const {
  if (const auto* list = std::get_if<std::shared_ptr<ListObject>>(&data_)) return (*list)->items.at(index);
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    if (ref->node->is_array()) return child((*ref->node)[index]);
  }
  return Value::undefined();
}

std::vector<Value> Value::items() const {
  if (const auto* list = std::get_if<std::shared_ptr<ListObject>>(&data_)) return (*list)->items;
  std::vector<Value> out;
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    if (ref->node->is_array()) {
      out.reserve(ref->node->size());
      for (const json& element : *ref->node) out.push_back(child(element));
    }
  }
  return out;
}

std::optional<Value> Value::lookup(std::string_view key) const {
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    const json& node = *ref->node;
    if (!node.is_object()) return std::nullopt;
    const auto& object = node.get_ref<const json::object_t&>();
    auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    return child(it->second);
  }
  if (const auto* dict = std::get_if<std::shared_ptr<DictObject>>(&data_)) {
    for (const auto& [k, v] : (*dict)->entries) {
      if (k.kind() == ValueKind::String && k.asString() == key) return v;
    }
  }
  return std::nullopt;
}

std::optional<Value> Value::lookup(const Value& key) const {
  if (const auto* dict = std::get_if<std::shared_ptr<DictObject>>(&data_)) {
    if (const Value* found = (*dict)->find(key)) return *found;
    return std::nullopt;
  }
  if (key.kind() == ValueKind::String) return lookup(key.asString());
  return std::nullopt;
}

std::vector<std::pair<Value, Value>> Value::entries() const {
  if (const auto* dict = std::get_if<std::shared_ptr<DictObject>>(&data_)) return (*dict)->entries;
  std::vector<std::pair<Value, Value>> out;
  if (const auto* ref = std::get_if<JsonRef>(&data_)) {
    if (ref->node->is_object()) {
      out.reserve(ref->node->size());
      for (const auto& [k, v] : ref->node->items()) out.emplace_back(Value(k), child(v));
    }
  }
  return out;
}

ListObject* Value::mutableList() const {
  if (const auto* list = std::get_if<std::shared_ptr<ListObject>>(&data_)) {
    return (*list)->tuple ? nullptr : list->get();
  }
  return nullptr;
}

DictObject* Value::mutableDict() const {
  if (const auto* dict = std::get_if<std::shared_ptr<DictObject>>(&data_)) return dict->get();
  return nullptr;
}

json Value::toJson() const {
  switch (kind()) {
    case ValueKind::Undefined:
    case ValueKind::None: return nullptr;
    default: break;
  }
  if (const auto* ref = std::get_if<JsonRef>(&data_)) return *ref->node;
  switch (kind()) {
    case ValueKind::Bool: return asBool();
    case ValueKind::Int: return asInt();
    case ValueKind::Float: {
      const double d = asDouble();
      if (!std::isfinite(d)) return toPythonStr(*this);
      return d;
    }
    case ValueKind::String: return std::string(asString());
    case ValueKind::List:
    case ValueKind::Tuple: {
      json out = json::array();
      for (const Value& element : std::get<std::shared_ptr<ListObject>>(data_)->items) {
        out.push_back(element.toJson());
      }
      return out;
    }
    case ValueKind::Dict: {
      json out = json::object();
      for (const auto& [k, v] : std::get<std::shared_ptr<DictObject>>(data_)->entries) {
        out[k.isString() ? std::string(k.asString()) : toPythonStr(k)] = v.toJson();
      }
      return out;
    }
    default: return toPythonStr(*this);
  }
}

namespace {

bool sequenceEquals(const Value& left, const Value& right) {
  const std::size_t n = left.size();
  if (n != right.size()) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!pythonEquals(left.item(i), right.item(i))) return false;
  }
  return true;
}

bool dictEquals(const Value& left, const Value& right) {
  if (left.size() != right.size()) return false;
  for (const auto& [k, v] : left.entries()) {
    auto other = right.lookup(k);
    if (!other || !pythonEquals(v, *other)) return false;
  }
  return true;
}

}  // namespace

bool pythonEquals(const Value& left, const Value& right) {
  const ValueKind a = left.kind();
  const ValueKind b = right.kind();
  if (left.isNumber() && right.isNumber()) {
    if (a == ValueKind::Float || b == ValueKind::Float) return left.asDouble() == right.asDouble();
    return left.asInt() == right.asInt();
  }
  if (a != b) return false;
  switch (a) {
    case ValueKind::Undefined:
    case ValueKind::None: return true;
    case ValueKind::String: return left.asString() == right.asString();
    case ValueKind::List:
    case ValueKind::Tuple: return sequenceEquals(left, right);
    case ValueKind::Dict: return dictEquals(left, right);
    case ValueKind::DateTime: {
      const DateTime& x = left.asDateTime();
      const DateTime& y = right.asDateTime();
      return x.aware == y.aware && x.micros == y.micros;
    }
    case ValueKind::Date: return left.asDate().days == right.asDate().days;
    case ValueKind::Duration: {
      const Duration& x = left.asDuration();
      const Duration& y = right.asDuration();
      return x.micros == y.micros && x.years == y.years && x.months == y.months;
    }
    case ValueKind::Function: return left.asFunction().name == right.asFunction().name;
    default: return false;
  }
}

}  // namespace manifold::interpolation
