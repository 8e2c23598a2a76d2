// Python operator semantics over Value: int vs float, true division, floor modulo, sequence
// concatenation, date-time arithmetic and the TypeErrors Python raises for mixed kinds.
#include "core/interpolation/operators.h"

#include "core/interpolation/methods.h"
#include "core/interpolation/python_format.h"
#include "core/interpolation/string_format.h"
#include "core/interpolation/text_util.h"

#include <cmath>

namespace manifold::interpolation {
namespace {

std::string typeName(const Value& v) { return std::string(pythonTypeName(v.kind())); }

[[noreturn]] void unsupported(std::string_view op, const Value& a, const Value& b) {
  throwTypeError("unsupported operand type(s) for " + std::string(op) + ": '" + typeName(a) + "' and '" +
                 typeName(b) + "'");
}

void checkUndefined(const Value& v) {
  if (v.isUndefined()) {
    throwUndefinedError(v.undefinedReason().empty() ? "value is undefined" : v.undefinedReason());
  }
}

bool isIntLike(const Value& v) { return v.kind() == ValueKind::Int || v.kind() == ValueKind::Bool; }

std::int64_t checkedInt(bool overflow, std::int64_t value) {
  if (overflow) throw EvalException(ErrorKind::Limit, "integer result is too large", kNoOffset);
  return value;
}

std::int64_t floorDivInt(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

double floorModDouble(double a, double b) {
  double m = std::fmod(a, b);
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

Value arithmetic(BinaryOp op, const Value& a, const Value& b) {
  if (isIntLike(a) && isIntLike(b)) {
    const std::int64_t x = a.asInt();
    const std::int64_t y = b.asInt();
    std::int64_t r = 0;
    switch (op) {
      case BinaryOp::Add: {
        const bool overflow = __builtin_add_overflow(x, y, &r);
        return Value(checkedInt(overflow, r));
      }
      case BinaryOp::Subtract: {
        const bool overflow = __builtin_sub_overflow(x, y, &r);
        return Value(checkedInt(overflow, r));
      }
      case BinaryOp::Multiply: {
        const bool overflow = __builtin_mul_overflow(x, y, &r);
        return Value(checkedInt(overflow, r));
      }
      case BinaryOp::Divide:
        if (y == 0) throwValueError("division by zero");
        return Value(static_cast<double>(x) / static_cast<double>(y));
      case BinaryOp::FloorDivide:
        if (y == 0) throwValueError("integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) checkedInt(true, 0);
        return Value(floorDivInt(x, y));
      case BinaryOp::Modulo:
        if (y == 0) throwValueError("integer division or modulo by zero");
        if (y == -1) return Value(std::int64_t{0});
        return Value(x - floorDivInt(x, y) * y);
      case BinaryOp::Power: {
        if (y < 0) {
          if (x == 0) throwValueError("0.0 cannot be raised to a negative power");
          return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
        }
        std::int64_t result = 1;
        std::int64_t base = x;
        std::int64_t exp = y;
        while (exp > 0) {
          if (exp & 1) checkedInt(__builtin_mul_overflow(result, base, &result), 0);
          exp >>= 1;
          if (exp > 0) checkedInt(__builtin_mul_overflow(base, base, &base), 0);
        }
        return Value(result);
      }
    }
  }
  const double x = a.asDouble();
  const double y = b.asDouble();
  switch (op) {
    case BinaryOp::Add: return Value(x + y);
    case BinaryOp::Subtract: return Value(x - y);
    case BinaryOp::Multiply: return Value(x * y);
    case BinaryOp::Divide:
      if (y == 0) throwValueError("float division by zero");
      return Value(x / y);
    case BinaryOp::FloorDivide:
      if (y == 0) throwValueError("float floor division by zero");
      return Value(std::floor(x / y));
    case BinaryOp::Modulo:
      if (y == 0) throwValueError("float modulo");
      return Value(floorModDouble(x, y));
    case BinaryOp::Power:
      if (x == 0 && y < 0) throwValueError("0.0 cannot be raised to a negative power");
      if (x < 0 && y != std::floor(y)) throwValueError("negative number cannot be raised to a fractional power");
      return Value(std::pow(x, y));
  }
  return Value();
}

Value concatSequences(const Value& a, const Value& b) {
  std::vector<Value> items = a.items();
  for (Value& v : b.items()) items.push_back(std::move(v));
  return a.kind() == ValueKind::Tuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
}

Value repeat(const Value& sequence, std::int64_t times, Runtime& runtime) {
  if (sequence.isString()) {
    if (times <= 0) return Value("");
    runtime.checkSize(sequence.asString().size() * static_cast<std::size_t>(times));
    std::string out;
    for (std::int64_t i = 0; i < times; ++i) out += sequence.asString();
    return Value(std::move(out));
  }
  std::vector<Value> items;
  if (times > 0) {
    const std::vector<Value> base = sequence.items();
    runtime.checkSize(base.size() * static_cast<std::size_t>(times));
    for (std::int64_t i = 0; i < times; ++i) items.insert(items.end(), base.begin(), base.end());
  }
  return sequence.kind() == ValueKind::Tuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
}

std::string_view opSymbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Subtract: return "-";
    case BinaryOp::Multiply: return "*";
    case BinaryOp::Divide: return "/";
    case BinaryOp::FloorDivide: return "//";
    case BinaryOp::Modulo: return "%";
    case BinaryOp::Power: return "** or pow()";
  }
  return "?";
}

Value dateArithmetic(BinaryOp op, const Value& a, const Value& b) {
  const ValueKind ka = a.kind();
  const ValueKind kb = b.kind();
  if (op == BinaryOp::Add) {
    if (ka == ValueKind::DateTime && kb == ValueKind::Duration) return addDuration(a.asDateTime(), b.asDuration(), false);
    if (ka == ValueKind::Duration && kb == ValueKind::DateTime) return addDuration(b.asDateTime(), a.asDuration(), false);
    if (ka == ValueKind::Date && kb == ValueKind::Duration) return addDuration(a.asDate(), b.asDuration(), false);
    if (ka == ValueKind::Duration && kb == ValueKind::Date) return addDuration(b.asDate(), a.asDuration(), false);
    if (ka == ValueKind::Duration && kb == ValueKind::Duration) {
      const Duration& x = a.asDuration();
      const Duration& y = b.asDuration();
      return Duration{x.micros + y.micros, x.years + y.years, x.months + y.months};
    }
  } else if (op == BinaryOp::Subtract) {
    if (ka == ValueKind::DateTime && kb == ValueKind::Duration) return addDuration(a.asDateTime(), b.asDuration(), true);
    if (ka == ValueKind::Date && kb == ValueKind::Duration) return addDuration(a.asDate(), b.asDuration(), true);
    if (ka == ValueKind::DateTime && kb == ValueKind::DateTime) {
      if (a.asDateTime().aware != b.asDateTime().aware) {
        throwTypeError("can't subtract offset-naive and offset-aware datetimes");
      }
      return Duration{a.asDateTime().micros - b.asDateTime().micros, 0, 0};
    }
    if (ka == ValueKind::Date && kb == ValueKind::Date) {
      return Duration{(a.asDate().days - b.asDate().days) * kMicrosPerDay, 0, 0};
    }
    if (ka == ValueKind::Duration && kb == ValueKind::Duration) {
      const Duration& x = a.asDuration();
      const Duration& y = b.asDuration();
      return Duration{x.micros - y.micros, x.years - y.years, x.months - y.months};
    }
  } else if (op == BinaryOp::Multiply) {
    if (ka == ValueKind::Duration && isIntLike(b) && !a.asDuration().isCalendar()) {
      return Duration{a.asDuration().micros * b.asInt(), 0, 0};
    }
    if (kb == ValueKind::Duration && isIntLike(a) && !b.asDuration().isCalendar()) {
      return Duration{b.asDuration().micros * a.asInt(), 0, 0};
    }
  } else if (op == BinaryOp::Divide && ka == ValueKind::Duration && kb == ValueKind::Duration) {
    if (b.asDuration().micros == 0) throwValueError("division by zero");
    return Value(static_cast<double>(a.asDuration().micros) / static_cast<double>(b.asDuration().micros));
  }
  unsupported(opSymbol(op), a, b);
}

bool isTemporal(ValueKind k) { return k == ValueKind::DateTime || k == ValueKind::Date || k == ValueKind::Duration; }

}  // namespace

Value applyBinary(BinaryOp op, const Value& left, const Value& right, Runtime& runtime) {
  checkUndefined(left);
  checkUndefined(right);
  if (left.isNumber() && right.isNumber()) return arithmetic(op, left, right);
  const ValueKind ka = left.kind();
  const ValueKind kb = right.kind();
  if (isTemporal(ka) || isTemporal(kb)) return dateArithmetic(op, left, right);
  switch (op) {
    case BinaryOp::Add:
      if (ka == ValueKind::String && kb == ValueKind::String) {
        runtime.checkSize(left.asString().size() + right.asString().size());
        std::string out(left.asString());
        out += right.asString();
        return Value(std::move(out));
      }
      if (left.isSequence() && ka == kb) return concatSequences(left, right);
      if (ka == ValueKind::List || ka == ValueKind::Tuple) {
        throwTypeError("can only concatenate " + typeName(left) + " (not \"" + typeName(right) + "\") to " +
                       typeName(left));
      }
      if (ka == ValueKind::String) {
        throwTypeError("can only concatenate str (not \"" + typeName(right) + "\") to str");
      }
      break;
    case BinaryOp::Multiply:
      if ((ka == ValueKind::String || left.isSequence()) && isIntLike(right)) return repeat(left, right.asInt(), runtime);
      if ((kb == ValueKind::String || right.isSequence()) && isIntLike(left)) return repeat(right, left.asInt(), runtime);
      if (ka == ValueKind::String || left.isSequence() || kb == ValueKind::String || right.isSequence()) {
        throwTypeError("can't multiply sequence by non-int of type '" +
                       typeName(ka == ValueKind::String || left.isSequence() ? right : left) + "'");
      }
      break;
    case BinaryOp::Modulo:
      if (ka == ValueKind::String) {
        std::string out = percentFormat(left.asString(), right);
        runtime.checkSize(out.size());
        return Value(std::move(out));
      }
      break;
    default: break;
  }
  unsupported(opSymbol(op), left, right);
}

Value applyNegate(const Value& operand) {
  checkUndefined(operand);
  switch (operand.kind()) {
    case ValueKind::Bool:
    case ValueKind::Int:
      if (operand.asInt() == INT64_MIN) checkedInt(true, 0);
      return Value(-operand.asInt());
    case ValueKind::Float: return Value(-operand.asDouble());
    case ValueKind::Duration: {
      const Duration& d = operand.asDuration();
      return Duration{-d.micros, -d.years, -d.months};
    }
    default: throwTypeError("bad operand type for unary -: '" + typeName(operand) + "'");
  }
}

Value applyPlus(const Value& operand) {
  checkUndefined(operand);
  switch (operand.kind()) {
    case ValueKind::Bool: return Value(operand.asInt());
    case ValueKind::Int:
    case ValueKind::Float:
    case ValueKind::Duration: return operand;
    default: throwTypeError("bad operand type for unary +: '" + typeName(operand) + "'");
  }
}

int pythonCompare(const Value& left, const Value& right, std::string_view op) {
  checkUndefined(left);
  checkUndefined(right);
  const ValueKind ka = left.kind();
  const ValueKind kb = right.kind();
  if (left.isNumber() && right.isNumber()) {
    if (ka == ValueKind::Float || kb == ValueKind::Float) {
      const double x = left.asDouble();
      const double y = right.asDouble();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    const std::int64_t x = left.asInt();
    const std::int64_t y = right.asInt();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (ka == kb) {
    switch (ka) {
      case ValueKind::String: {
        const int c = left.asString().compare(right.asString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
      }
      case ValueKind::List:
      case ValueKind::Tuple: {
        const std::size_t n = std::min(left.size(), right.size());
        for (std::size_t i = 0; i < n; ++i) {
          const Value a = left.item(i);
          const Value b = right.item(i);
          if (!pythonEquals(a, b)) return pythonCompare(a, b, op);
        }
        return left.size() < right.size() ? -1 : (left.size() > right.size() ? 1 : 0);
      }
      case ValueKind::DateTime: {
        const DateTime& a = left.asDateTime();
        const DateTime& b = right.asDateTime();
        if (a.aware != b.aware) throwTypeError("can't compare offset-naive and offset-aware datetimes");
        return a.micros < b.micros ? -1 : (a.micros > b.micros ? 1 : 0);
      }
      case ValueKind::Date: {
        const auto a = left.asDate().days;
        const auto b = right.asDate().days;
        return a < b ? -1 : (a > b ? 1 : 0);
      }
      case ValueKind::Duration:
        if (!left.asDuration().isCalendar() && !right.asDuration().isCalendar()) {
          const auto a = left.asDuration().micros;
          const auto b = right.asDuration().micros;
          return a < b ? -1 : (a > b ? 1 : 0);
        }
        break;
      default: break;
    }
  }
  if (ka == ValueKind::DateTime && kb == ValueKind::Date) {
    throwTypeError("can't compare datetime.datetime to datetime.date");
  }
  throwTypeError("'" + std::string(op) + "' not supported between instances of '" + typeName(left) + "' and '" +
                 typeName(right) + "'");
}

bool pythonContains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case ValueKind::Undefined: return false;
    case ValueKind::String:
      if (!item.isString()) {
        throwTypeError("'in <string>' requires string as left operand, not " + typeName(item));
      }
      return container.asString().find(item.asString()) != std::string_view::npos;
    case ValueKind::List:
    case ValueKind::Tuple: {
      const std::size_t n = container.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (pythonEquals(container.item(i), item)) return true;
      }
      return false;
    }
    case ValueKind::Dict: return container.lookup(item).has_value();
    default: throwTypeError("argument of type '" + typeName(container) + "' is not iterable");
  }
}

bool applyCompare(CompareOp op, const Value& left, const Value& right) {
  switch (op) {
    case CompareOp::Equal: return pythonEquals(left, right);
    case CompareOp::NotEqual: return !pythonEquals(left, right);
    case CompareOp::Less: return pythonCompare(left, right, "<") < 0;
    case CompareOp::LessEqual: return pythonCompare(left, right, "<=") <= 0;
    case CompareOp::Greater: return pythonCompare(left, right, ">") > 0;
    case CompareOp::GreaterEqual: return pythonCompare(left, right, ">=") >= 0;
    case CompareOp::In: return pythonContains(right, left);
    case CompareOp::NotIn: return !pythonContains(right, left);
  }
  return false;
}

std::optional<std::int64_t> asIndex(const Value& value) {
  if (isIntLike(value)) return value.asInt();
  return std::nullopt;
}

namespace {

std::string objectName(const Value& object) {
  if (object.isNone()) return "None";
  return "'" + typeName(object) + " object'";
}

Value stringItem(std::string_view text, std::int64_t index) {
  if (isAscii(text)) {
    const auto n = static_cast<std::int64_t>(text.size());
    if (index < 0) index += n;
    if (index < 0 || index >= n) return Value::undefined();
    return Value(std::string(1, text[static_cast<std::size_t>(index)]));
  }
  const auto offsets = codePointOffsets(text);
  const auto n = static_cast<std::int64_t>(offsets.size()) - 1;
  if (index < 0) index += n;
  if (index < 0 || index >= n) return Value::undefined();
  const auto i = static_cast<std::size_t>(index);
  return Value(std::string(text.substr(offsets[i], offsets[i + 1] - offsets[i])));
}

}  // namespace

Value getItem(const Value& object, const Value& key) {
  if (object.isUndefined()) {
    throwUndefinedError(object.undefinedReason().empty() ? "value is undefined" : object.undefinedReason());
  }
  switch (object.kind()) {
    case ValueKind::Dict:
      if (auto found = object.lookup(key)) return *found;
      break;
    case ValueKind::List:
    case ValueKind::Tuple:
      if (auto index = asIndex(key)) {
        std::int64_t i = *index;
        const auto n = static_cast<std::int64_t>(object.size());
        if (i < 0) i += n;
        if (i >= 0 && i < n) return object.item(static_cast<std::size_t>(i));
        return Value::undefined(objectName(object) + " has no element " + std::to_string(*index));
      }
      break;
    case ValueKind::String:
      if (auto index = asIndex(key)) {
        Value ch = stringItem(object.asString(), *index);
        if (!ch.isUndefined()) return ch;
        return Value::undefined("'str object' has no element " + std::to_string(*index));
      }
      break;
    default: break;
  }
  if (key.isString()) {
    if (auto attribute = pythonAttribute(object, key.asString())) return *attribute;
  }
  return Value::undefined(objectName(object) + " has no attribute " + toPythonRepr(key));
}

Value getAttr(const Value& object, std::string_view name) {
  if (object.isUndefined()) {
    throwUndefinedError(object.undefinedReason().empty() ? "value is undefined" : object.undefinedReason());
  }
  if (auto attribute = pythonAttribute(object, name)) return *attribute;
  if (object.kind() == ValueKind::Dict) {
    if (auto found = object.lookup(name)) return *found;
  }
  return Value::undefined(objectName(object) + " has no attribute '" + std::string(name) + "'");
}

Value getSlice(const Value& object, const Value& startValue, const Value& stopValue, const Value& stepValue) {
  auto bound = [](const Value& v) -> std::optional<std::int64_t> {
    if (v.isUndefined() || v.isNone()) return std::nullopt;
    if (auto i = asIndex(v)) return i;
    throwTypeError("slice indices must be integers or None");
  };
  const std::int64_t step = bound(stepValue).value_or(1);
  if (step == 0) throwValueError("slice step cannot be zero");
  const bool isString = object.isString();
  std::vector<std::size_t> offsets;
  std::int64_t length = 0;
  if (isString) {
    offsets = codePointOffsets(object.asString());
    length = static_cast<std::int64_t>(offsets.size()) - 1;
  } else if (object.isSequence()) {
    length = static_cast<std::int64_t>(object.size());
  } else if (object.isUndefined()) {
    throwUndefinedError(object.undefinedReason().empty() ? "value is undefined" : object.undefinedReason());
  } else {
    return Value::undefined("'" + typeName(object) + "' object is not subscriptable");
  }
  // Python's slice.indices().
  auto adjust = [&](std::optional<std::int64_t> v, bool isStart) -> std::int64_t {
    if (!v) return step > 0 ? (isStart ? 0 : length) : (isStart ? length - 1 : -1);
    std::int64_t i = *v;
    if (i < 0) {
      i += length;
      if (i < 0) i = step > 0 ? 0 : -1;
    } else if (i >= length) {
      i = step > 0 ? length : length - 1;
    }
    return i;
  };
  const std::int64_t start = adjust(bound(startValue), true);
  const std::int64_t stop = adjust(bound(stopValue), false);
  std::vector<std::int64_t> picks;
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) picks.push_back(i);
  if (isString) {
    const std::string_view text = object.asString();
    std::string out;
    for (std::int64_t i : picks) {
      const auto k = static_cast<std::size_t>(i);
      out += text.substr(offsets[k], offsets[k + 1] - offsets[k]);
    }
    return Value(std::move(out));
  }
  std::vector<Value> items;
  items.reserve(picks.size());
  for (std::int64_t i : picks) items.push_back(object.item(static_cast<std::size_t>(i)));
  return object.kind() == ValueKind::Tuple ? Value::tuple(std::move(items)) : Value::list(std::move(items));
}

std::vector<Value> iterate(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Undefined: return {};
    case ValueKind::List:
    case ValueKind::Tuple: return value.items();
    case ValueKind::Dict: {
      std::vector<Value> keys;
      for (auto& entry : value.entries()) keys.push_back(std::move(entry.first));
      return keys;
    }
    case ValueKind::String: {
      std::vector<Value> chars;
      const std::string_view text = value.asString();
      const auto offsets = codePointOffsets(text);
      for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
        chars.emplace_back(std::string(text.substr(offsets[i], offsets[i + 1] - offsets[i])));
      }
      return chars;
    }
    default: throwTypeError("'" + typeName(value) + "' object is not iterable");
  }
}

}  // namespace manifold::interpolation
