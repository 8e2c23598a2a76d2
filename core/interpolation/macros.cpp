// The Airbyte CDK macros (now_utc, format_datetime, duration, …) and Jinja's `dict` global.
#include "core/interpolation/builtins.h"
#include "core/interpolation/datetime_format.h"
#include "core/interpolation/encoding.h"
#include "core/interpolation/operators.h"
#include "core/interpolation/python_format.h"
#include "core/interpolation/timezone.h"

#include <chrono>
#include <cmath>
#include <unordered_map>

namespace manifold::interpolation {

std::int64_t Runtime::nowMicros() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

namespace {

using MacroFunction = Value (*)(const CallArgs&, Runtime&);

std::string typeName(const Value& v) { return std::string(pythonTypeName(v.kind())); }

void expectArgs(const CallArgs& args, std::size_t most, std::string_view name) {
  if (args.count() > most) {
    throwTypeError(std::string(name) + "() takes at most " + std::to_string(most) + " arguments (" +
                   std::to_string(args.count()) + " given)");
  }
}

DateTime nowUtc(Runtime& runtime) { return DateTime{runtime.nowMicros(), 0, true}; }

// str_to_datetime: dateutil.isoparse, naive taken as UTC, result converted to UTC.
DateTime strToDatetime(const Value& v) {
  if (!v.isString()) throwTypeError("Parser must be a string or character stream, not " + typeName(v));
  DateTime parsed = parseIsoDateTime(v.asString());
  return DateTime{parsed.micros, 0, true};
}

Value macroNowUtc(const CallArgs& args, Runtime& runtime) {
  expectArgs(args, 0, "now_utc");
  return nowUtc(runtime);
}

Value macroTodayUtc(const CallArgs& args, Runtime& runtime) {
  expectArgs(args, 0, "today_utc");
  const std::int64_t micros = runtime.nowMicros();
  return Date{micros / kMicrosPerDay - (micros % kMicrosPerDay < 0 ? 1 : 0)};
}

Value macroTodayWithTimezone(const CallArgs& args, Runtime& runtime) {
  expectArgs(args, 1, "today_with_timezone");
  const Value& zone = args.require(0, "timezone", "today_with_timezone");
  if (!zone.isString()) throw EvalException(ErrorKind::Value, "UnknownTimeZoneError: " + toPythonRepr(zone), kNoOffset);
  const std::int64_t micros = runtime.nowMicros();
  const std::int64_t local = micros + std::int64_t{utcOffsetAt(zone.asString(), micros / kMicrosPerSecond)} * kMicrosPerSecond;
  return Date{local / kMicrosPerDay - (local % kMicrosPerDay < 0 ? 1 : 0)};
}

Value macroTimestamp(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "timestamp");
  const Value& dt = args.require(0, "dt", "timestamp");
  if (dt.kind() == ValueKind::Int || dt.kind() == ValueKind::Bool) return Value(dt.asInt());
  if (dt.kind() == ValueKind::Float) {
    const double d = dt.asDouble();
    if (std::isnan(d)) throwValueError("cannot convert float NaN to integer");
    return Value(integerFromFloat(d));
  }
  return Value(static_cast<double>(strToDatetime(dt).micros) / 1e6);
}

Value macroStrToDatetime(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "str_to_datetime");
  return strToDatetime(args.require(0, "s", "str_to_datetime"));
}

// Python's builtin max/min: one iterable or several arguments; `default` for empty iterables.
Value extreme(const CallArgs& args, bool wantMax) {
  const std::string_view name = wantMax ? "max" : "min";
  std::vector<Value> items;
  const Value* fallback = nullptr;
  for (const auto& [k, v] : args.keywords) {
    if (k == "default") fallback = &v;
    else throwTypeError("'" + k + "' is an invalid keyword argument for " + std::string(name) + "()");
  }
  if (args.positional.empty()) throwTypeError(std::string(name) + " expected at least 1 argument, got 0");
  if (args.positional.size() == 1) {
    items = iterate(args.positional[0]);
    if (items.empty()) {
      if (fallback) return *fallback;
      throwValueError(std::string(name) + "() arg is an empty sequence");
    }
  } else {
    if (fallback) throwTypeError("Cannot specify a default for " + std::string(name) + "() with multiple positional arguments");
    items = args.positional;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < items.size(); ++i) {
    const int c = pythonCompare(items[i], items[best], wantMax ? ">" : "<");
    if (wantMax ? c > 0 : c < 0) best = i;
  }
  return items[best];
}

Value macroMax(const CallArgs& args, Runtime&) { return extreme(args, true); }
Value macroMin(const CallArgs& args, Runtime&) { return extreme(args, false); }

Value macroDayDelta(const CallArgs& args, Runtime& runtime) {
  expectArgs(args, 2, "day_delta");
  const Value& days = args.require(0, "num_days", "day_delta");
  const Value* format = args.find(1, "format");
  if (!days.isNumber()) throwTypeError("unsupported type for timedelta days component: " + typeName(days));
  const auto micros = static_cast<std::int64_t>(std::llround(days.asDouble() * static_cast<double>(kMicrosPerDay)));
  DateTime when = nowUtc(runtime);
  when.micros += days.kind() == ValueKind::Float ? micros : days.asInt() * kMicrosPerDay;
  if (format && !format->isString()) throwTypeError("strftime() argument 1 must be str, not " + typeName(*format));
  return Value(strftime(when, format ? format->asString() : "%Y-%m-%dT%H:%M:%S.%f%z"));
}

Value macroDuration(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "duration");
  const Value& text = args.require(0, "datestring", "duration");
  if (!text.isString()) throwTypeError("Expecting a string " + toPythonRepr(text));
  return parseIsoDuration(text.asString());
}

Value macroFormatDatetime(const CallArgs& args, Runtime&) {
  expectArgs(args, 3, "format_datetime");
  const Value& dt = args.require(0, "dt", "format_datetime");
  const Value& formatValue = args.require(1, "format", "format_datetime");
  const Value* inputFormat = args.find(2, "input_format");
  const bool hasInputFormat = inputFormat && inputFormat->truthy();
  if (!formatValue.isString()) throwTypeError("format must be str, not " + typeName(formatValue));
  const std::string_view format = formatValue.asString();
  if (dt.kind() == ValueKind::DateTime) return Value(strftime(dt.asDateTime(), format));
  if (hasInputFormat && !inputFormat->isString()) throwTypeError("strptime() argument 2 must be str, not " + typeName(*inputFormat));
  DateTime parsed;
  if (dt.kind() == ValueKind::Int || dt.kind() == ValueKind::Bool) {
    parsed = parseWithDatetimeFormat(std::to_string(dt.asInt()), hasInputFormat ? inputFormat->asString() : "%s");
  } else if (dt.isString()) {
    parsed = hasInputFormat ? strptime(dt.asString(), inputFormat->asString()) : strToDatetime(dt);
  } else {
    throwTypeError("format_datetime() cannot read a value of type " + typeName(dt));
  }
  if (!parsed.aware) {
    parsed.aware = true;
    parsed.offsetSeconds = 0;
  }
  return Value(formatWithDatetimeFormat(parsed, format));
}

Value macroSanitizeUrl(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "sanitize_url");
  const Value& value = args.require(0, "value", "sanitize_url");
  if (!value.isString()) throwTypeError("quote_from_bytes() expected bytes");
  // urllib.parse.quote_plus: spaces become "+", "/" is encoded too.
  std::string out = percentEncode(value.asString(), " ");
  for (char& c : out) {
    if (c == ' ') c = '+';
  }
  return Value(std::move(out));
}

Value macroCamelCaseToSnakeCase(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "camel_case_to_snake_case");
  const Value& value = args.require(0, "value", "camel_case_to_snake_case");
  if (!value.isString()) throwTypeError("expected string or bytes-like object, got '" + typeName(value) + "'");
  // re.sub(r"(?<!^)(?=[A-Z])", "_", value).lower()
  std::string out;
  const std::string_view text = value.asString();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i > 0 && c >= 'A' && c <= 'Z') out += '_';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return Value(std::move(out));
}

Value macroGenerateUuid(const CallArgs& args, Runtime&) {
  expectArgs(args, 0, "generate_uuid");
  return Value(uuid4());
}

Value globalDict(const CallArgs& args, Runtime&) {
  DictObject dict;
  if (!args.positional.empty()) {
    if (args.positional.size() > 1) throwTypeError("dict expected at most 1 argument");
    const Value& source = args.positional[0];
    if (source.kind() == ValueKind::Dict) {
      dict.entries = source.entries();
    } else {
      for (const Value& pair : iterate(source)) {
        const std::vector<Value> kv = iterate(pair);
        if (kv.size() != 2) throwValueError("dictionary update sequence element has wrong length");
        dict.set(kv[0], kv[1]);
      }
    }
  }
  for (const auto& [k, v] : args.keywords) dict.set(Value(k), v);
  return Value::dict(std::move(dict));
}

// json.loads, which the reference hands to a few evaluations only (JwtAuthenticator's fields);
// callable where a context sets `json_loads` to it, never as a global name.
Value macroJsonLoads(const CallArgs& args, Runtime&) {
  expectArgs(args, 1, "loads");
  if (args.positional.empty()) throwTypeError("loads() missing 1 required positional argument: 's'");
  const Value& text = args.positional[0];
  if (!text.isString()) throwTypeError("the JSON object must be str, bytes or bytearray, not " + typeName(text));
  auto parsed = nlohmann::json::parse(text.asString(), nullptr, false);
  if (parsed.is_discarded()) throwValueError("json.decoder.JSONDecodeError: the text is not valid JSON");
  return Value::fromJson(std::move(parsed));
}

const std::unordered_map<std::string_view, MacroFunction>& macroTable() {
  static const std::unordered_map<std::string_view, MacroFunction> kTable = {
      {"now_utc", macroNowUtc},
      {"today_utc", macroTodayUtc},
      {"today_with_timezone", macroTodayWithTimezone},
      {"timestamp", macroTimestamp},
      {"str_to_datetime", macroStrToDatetime},
      {"max", macroMax},
      {"min", macroMin},
      {"day_delta", macroDayDelta},
      {"duration", macroDuration},
      {"format_datetime", macroFormatDatetime},
      {"sanitize_url", macroSanitizeUrl},
      {"camel_case_to_snake_case", macroCamelCaseToSnakeCase},
      {"generate_uuid", macroGenerateUuid},
      {"dict", globalDict},
      {"json_loads", macroJsonLoads},
  };
  return kTable;
}

}  // namespace

bool isGlobalFunction(std::string_view name) { return name != "json_loads" && macroTable().count(name) != 0; }

Value callGlobalFunction(std::string_view name, const CallArgs& args, Runtime& runtime) {
  const auto& table = macroTable();
  auto it = table.find(name);
  if (it == table.end()) throwUndefinedError("'" + std::string(name) + "' is undefined");
  return it->second(args, runtime);
}

}  // namespace manifold::interpolation
