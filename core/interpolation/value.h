// The values templates compute with: caller JSON (borrowed, never copied), owned
// Python values (lists, tuples, dicts with any keys) and date-time/duration values.
#pragma once

#include "core/interpolation/datetime.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace manifold::interpolation {

class Value;

enum class ValueKind : std::uint8_t {
  Undefined,
  None,
  Bool,
  Int,
  Float,
  String,
  List,
  Tuple,
  Dict,
  DateTime,
  Date,
  Duration,
  Function,
};

// Python's type name of a kind, as used in its error messages ("str", "dict", …).
std::string_view pythonTypeName(ValueKind kind);

// Lists and tuples share one representation; a tuple is never mutated.
struct ListObject {
  std::vector<Value> items;
  bool tuple = false;
};

// Insertion-ordered Python dict; keys compare with Python equality (1 == 1.0 == True).
struct DictObject {
  std::vector<std::pair<Value, Value>> entries;

  const Value* find(const Value& key) const;
  void set(Value key, Value value);
};

// A callable: a macro (self empty) or a method bound to its receiver.
struct FunctionRef {
  std::string name;
  std::shared_ptr<const Value> self;
};

// A missing value. `reason` is Jinja's message used when the value is misused.
struct UndefinedData {
  std::string reason;
};

// A node inside caller-owned JSON (owner empty) or inside JSON this value keeps alive.
struct JsonRef {
  const nlohmann::json* node = nullptr;
  std::shared_ptr<const nlohmann::json> owner;
};

// Python's int() of a float, truncating toward zero. Throws a ValueError for infinity, and for
// a finite value outside the 64-bit range (Python's integers are unbounded; Manifold's are not).
// NaN is the caller's to handle: filters and macros treat it differently.
std::int64_t integerFromFloat(double d);

class Value {
 public:
  Value() = default;  // undefined
  Value(std::nullptr_t) : data_(std::nullptr_t{}) {}
  Value(bool value) : data_(value) {}
  Value(int value) : data_(std::int64_t{value}) {}
  Value(std::int64_t value) : data_(value) {}
  Value(double value) : data_(value) {}
  Value(std::string value) : data_(std::move(value)) {}
  Value(std::string_view value) : data_(std::string(value)) {}
  Value(const char* value) : data_(std::string(value)) {}
  Value(DateTime value) : data_(value) {}
  Value(Date value) : data_(value) {}
  Value(Duration value) : data_(value) {}
  Value(FunctionRef value) : data_(std::move(value)) {}

  static Value undefined(std::string reason = {});
  // The caller keeps `node` alive (and unchanged) for as long as this value is used.
  static Value borrow(const nlohmann::json& node);
  static Value fromJson(nlohmann::json node);
  static Value list(std::vector<Value> items = {});
  static Value tuple(std::vector<Value> items = {});
  static Value dict(DictObject dict = {});

  ValueKind kind() const;
  bool isUndefined() const { return std::holds_alternative<UndefinedData>(data_); }
  bool isNone() const { return kind() == ValueKind::None; }
  bool isString() const { return kind() == ValueKind::String; }
  bool isNumber() const;  // int, float or bool
  bool isSequence() const;  // list or tuple
  bool isJson() const { return std::holds_alternative<JsonRef>(data_); }
  const std::string& undefinedReason() const;

  bool asBool() const;
  std::int64_t asInt() const;  // bool and int
  double asDouble() const;     // bool, int and float
  std::string_view asString() const;
  const DateTime& asDateTime() const { return std::get<DateTime>(data_); }
  const Date& asDate() const { return std::get<Date>(data_); }
  const Duration& asDuration() const { return std::get<Duration>(data_); }
  const FunctionRef& asFunction() const { return std::get<FunctionRef>(data_); }

  // Python truthiness; Undefined is false.
  bool truthy() const;

  // Lists, tuples, dicts (entries) and strings (bytes); 0 otherwise.
  std::size_t size() const;
  // Element i of a list or tuple.
  Value item(std::size_t index) const;
  std::vector<Value> items() const;  // list/tuple elements
  // Dict lookups; nullopt when the key is absent or this is not a dict.
  std::optional<Value> lookup(const Value& key) const;
  std::optional<Value> lookup(std::string_view key) const;
  std::vector<std::pair<Value, Value>> entries() const;  // dict items in order
  // The owned, mutable list or dict behind this value (nullptr for JSON and tuples).
  ListObject* mutableList() const;
  DictObject* mutableDict() const;

  // JSON for the outside world: tuples become arrays, date-times their str(),
  // non-string dict keys their str(), Undefined null.
  nlohmann::json toJson() const;

 private:
  using Data = std::variant<UndefinedData, std::nullptr_t, bool, std::int64_t, double, std::string,
                            std::shared_ptr<ListObject>, std::shared_ptr<DictObject>, JsonRef,
                            DateTime, Date, Duration, FunctionRef>;
  explicit Value(Data data) : data_(std::move(data)) {}
  Value child(const nlohmann::json& node) const;

  Data data_;
};

// Python ==, including 1 == 1.0 == True and deep container equality.
bool pythonEquals(const Value& left, const Value& right);

}  // namespace manifold::interpolation
