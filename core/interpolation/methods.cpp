// Python methods and properties of values that real manifests call: dict.get/keys/items,
// str.split/strip/format…, list.append, datetime.strftime/isoformat/timestamp, timedelta fields.
#include "core/interpolation/methods.h"

#include "core/interpolation/datetime_format.h"
#include "core/interpolation/operators.h"
#include "core/interpolation/python_format.h"
#include "core/interpolation/string_format.h"
#include "core/interpolation/text_util.h"

#include <algorithm>
#include <array>

namespace manifold::interpolation {
namespace {

constexpr std::array kDictMethods = {"get", "keys", "values", "items", "update", "copy", "pop", "setdefault"};
constexpr std::array kStringMethods = {"split",   "rsplit",    "strip",     "lstrip",  "rstrip",     "lower",
                                       "upper",   "replace",   "startswith", "endswith", "join",      "format",
                                       "title",   "capitalize", "find",      "rfind",   "count",      "isdigit",
                                       "isalpha", "isalnum",   "isnumeric", "islower", "isupper",    "zfill",
                                       "splitlines", "index"};
constexpr std::array kListMethods = {"append", "index", "count", "extend"};
constexpr std::array kDateTimeMethods = {"strftime", "isoformat", "timestamp", "date",     "replace",
                                         "weekday",  "isoweekday", "astimezone", "utcoffset"};
constexpr std::array kDateMethods = {"strftime", "isoformat", "weekday", "isoweekday", "replace"};

template <typename Names>
bool contains(const Names& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Value bound(const Value& self, std::string_view name) {
  return Value(FunctionRef{std::string(name), std::make_shared<const Value>(self)});
}

std::string typeName(const Value& v) { return std::string(pythonTypeName(v.kind())); }

std::string_view requireString(const Value& v, std::string_view what) {
  if (!v.isString()) throwTypeError(std::string(what) + " must be str, not " + typeName(v));
  return v.asString();
}

std::int64_t requireInt(const Value& v, std::string_view what) {
  auto i = asIndex(v);
  if (!i) throwTypeError(std::string(what) + " must be an integer, not " + typeName(v));
  return *i;
}

Value splitString(std::string_view text, const CallArgs& args, bool fromRight) {
  const Value* sepArg = args.find(0, "sep");
  const Value* maxArg = args.find(1, "maxsplit");
  std::int64_t maxSplit = maxArg ? requireInt(*maxArg, "maxsplit") : -1;
  std::vector<std::string> parts;
  if (!sepArg || sepArg->isNone()) {
    // Runs of whitespace separate; leading/trailing whitespace is ignored.
    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && isPythonSpace(text[i])) ++i;
      if (i >= text.size()) break;
      std::size_t j = i;
      while (j < text.size() && !isPythonSpace(text[j])) ++j;
      words.emplace_back(i, j);
      i = j;
    }
    if (maxSplit < 0 || static_cast<std::size_t>(maxSplit) + 1 >= words.size()) {
      for (auto [b, e] : words) parts.emplace_back(text.substr(b, e - b));
    } else if (!fromRight) {
      for (std::size_t k = 0; k < static_cast<std::size_t>(maxSplit); ++k) {
        parts.emplace_back(text.substr(words[k].first, words[k].second - words[k].first));
      }
      std::string_view rest = text.substr(words[static_cast<std::size_t>(maxSplit)].first);
      while (!rest.empty() && isPythonSpace(rest.back())) rest.remove_suffix(1);
      parts.emplace_back(rest);
    } else {
      const std::size_t keep = words.size() - static_cast<std::size_t>(maxSplit);
      std::string_view head = text.substr(0, words[keep - 1].second);
      while (!head.empty() && isPythonSpace(head.front())) head.remove_prefix(1);
      parts.emplace_back(head);
      for (std::size_t k = keep; k < words.size(); ++k) {
        parts.emplace_back(text.substr(words[k].first, words[k].second - words[k].first));
      }
    }
  } else {
    const std::string_view sep = requireString(*sepArg, "separator");
    if (sep.empty()) throwValueError("empty separator");
    if (!fromRight) {
      std::size_t start = 0;
      while (maxSplit != 0) {
        const std::size_t at = text.find(sep, start);
        if (at == std::string_view::npos) break;
        parts.emplace_back(text.substr(start, at - start));
        start = at + sep.size();
        --maxSplit;
      }
      parts.emplace_back(text.substr(start));
    } else {
      std::size_t end = text.size();
      std::vector<std::string> reversed;
      while (maxSplit != 0) {
        if (end < sep.size()) break;
        const std::size_t at = text.rfind(sep, end - sep.size());
        if (at == std::string_view::npos) break;
        reversed.emplace_back(text.substr(at + sep.size(), end - at - sep.size()));
        end = at;
        --maxSplit;
      }
      reversed.emplace_back(text.substr(0, end));
      parts.assign(reversed.rbegin(), reversed.rend());
    }
  }
  std::vector<Value> values;
  values.reserve(parts.size());
  for (auto& part : parts) values.emplace_back(std::move(part));
  return Value::list(std::move(values));
}

bool matchesAffix(std::string_view text, const Value& affix, bool prefix) {
  auto one = [&](std::string_view a) {
    if (a.size() > text.size()) return false;
    return prefix ? text.substr(0, a.size()) == a : text.substr(text.size() - a.size()) == a;
  };
  if (affix.kind() == ValueKind::Tuple) {
    for (const Value& item : affix.items()) {
      if (one(requireString(item, "tuple for startswith/endswith"))) return true;
    }
    return false;
  }
  if (!affix.isString()) {
    throwTypeError(std::string(prefix ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not " +
                   typeName(affix));
  }
  return one(affix.asString());
}

Value stringMethod(const Value& self, std::string_view name, const CallArgs& args, Runtime& runtime) {
  const std::string_view text = self.asString();
  if (name == "split" || name == "rsplit") return splitString(text, args, name == "rsplit");
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    const Value* chars = args.find(0, "chars");
    const std::string_view set = chars && !chars->isNone() ? requireString(*chars, "strip arg") : std::string_view{};
    if (chars && !chars->isNone() && set.empty()) return self;
    return Value(stripChars(text, set, name != "rstrip", name != "lstrip"));
  }
  if (name == "lower") return Value(asciiLower(text));
  if (name == "upper") return Value(asciiUpper(text));
  if (name == "title" || name == "capitalize") {
    std::string out(text);
    bool startOfWord = true;
    for (std::size_t i = 0; i < out.size(); ++i) {
      char& c = out[i];
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (name == "capitalize") {
        c = i == 0 ? asciiUpper(std::string(1, c))[0] : asciiLower(std::string(1, c))[0];
        continue;
      }
      c = startOfWord ? asciiUpper(std::string(1, c))[0] : asciiLower(std::string(1, c))[0];
      startOfWord = !letter;
    }
    return Value(std::move(out));
  }
  if (name == "replace") {
    const std::string_view from = requireString(args.require(0, "old", "replace"), "replace() argument 1");
    const std::string_view to = requireString(args.require(1, "new", "replace"), "replace() argument 2");
    std::int64_t count = args.find(2, "count") ? requireInt(*args.find(2, "count"), "count") : -1;
    std::string out;
    if (from.empty()) {
      // Python inserts `to` between every character (and at both ends).
      const auto offsets = codePointOffsets(text);
      for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
        if (count != 0) {
          out += to;
          --count;
        }
        out += text.substr(offsets[i], offsets[i + 1] - offsets[i]);
      }
      if (count != 0) out += to;
    } else {
      std::size_t start = 0;
      while (count != 0) {
        const std::size_t at = text.find(from, start);
        if (at == std::string_view::npos) break;
        out += text.substr(start, at - start);
        out += to;
        start = at + from.size();
        runtime.checkSize(out.size());
        --count;
      }
      out += text.substr(start);
    }
    runtime.checkSize(out.size());
    return Value(std::move(out));
  }
  if (name == "startswith") return Value(matchesAffix(text, args.require(0, "prefix", "startswith"), true));
  if (name == "endswith") return Value(matchesAffix(text, args.require(0, "suffix", "endswith"), false));
  if (name == "join") {
    const Value& iterable = args.require(0, "iterable", "join");
    std::string out;
    bool first = true;
    for (const Value& item : iterate(iterable)) {
      if (!item.isString()) {
        throwTypeError("sequence item: expected str instance, " + typeName(item) + " found");
      }
      if (!first) out += text;
      first = false;
      out += item.asString();
      runtime.checkSize(out.size());
    }
    return Value(std::move(out));
  }
  if (name == "format") {
    std::string out = braceFormat(text, args);
    runtime.checkSize(out.size());
    return Value(std::move(out));
  }
  if (name == "find" || name == "rfind" || name == "index") {
    const std::string_view needle = requireString(args.require(0, "sub", name), "must be str");
    const std::size_t at = name == "rfind" ? text.rfind(needle) : text.find(needle);
    if (at == std::string_view::npos) {
      if (name == "index") throwValueError("substring not found");
      return Value(std::int64_t{-1});
    }
    return Value(static_cast<std::int64_t>(codePointCount(text.substr(0, at))));
  }
  if (name == "count") {
    const std::string_view needle = requireString(args.require(0, "sub", "count"), "must be str");
    if (needle.empty()) return Value(static_cast<std::int64_t>(codePointCount(text) + 1));
    std::int64_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) ++n;
    return Value(n);
  }
  if (name == "zfill") {
    const std::int64_t width = requireInt(args.require(0, "width", "zfill"), "width");
    runtime.checkSize(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)));
    std::string out(text);
    const auto length = static_cast<std::int64_t>(codePointCount(text));
    if (width > length) {
      const std::size_t at = !out.empty() && (out[0] == '-' || out[0] == '+') ? 1 : 0;
      out.insert(at, static_cast<std::size_t>(width - length), '0');
    }
    return Value(std::move(out));
  }
  if (name == "splitlines") {
    std::vector<Value> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || text[i] == '\r') {
        lines.emplace_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
    if (start < text.size()) lines.emplace_back(text.substr(start));
    return Value::list(std::move(lines));
  }
  auto all = [&](auto predicate) {
    if (text.empty()) return Value(false);
    for (char c : text) {
      if (!predicate(c)) return Value(false);
    }
    return Value(true);
  };
  if (name == "isdigit" || name == "isnumeric") return all([](char c) { return c >= '0' && c <= '9'; });
  if (name == "isalpha") return all([](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  if (name == "isalnum") {
    return all([](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  }
  if (name == "islower" || name == "isupper") {
    bool cased = false;
    for (char c : text) {
      if (c >= 'a' && c <= 'z') {
        if (name == "isupper") return Value(false);
        cased = true;
      } else if (c >= 'A' && c <= 'Z') {
        if (name == "islower") return Value(false);
        cased = true;
      }
    }
    return Value(cased);
  }
  throwTypeError("'str' object has no attribute '" + std::string(name) + "'");
}

Value dictMethod(const Value& self, std::string_view name, const CallArgs& args) {
  if (name == "get") {
    const Value& key = args.require(0, "key", "get");
    if (auto found = self.lookup(key)) return *found;
    const Value* fallback = args.find(1, "default");
    return fallback ? *fallback : Value(nullptr);
  }
  if (name == "keys" || name == "values" || name == "items") {
    std::vector<Value> out;
    for (auto& [k, v] : self.entries()) {
      if (name == "keys") out.push_back(std::move(k));
      else if (name == "values") out.push_back(std::move(v));
      else out.push_back(Value::tuple({std::move(k), std::move(v)}));
    }
    return Value::list(std::move(out));
  }
  if (name == "copy") {
    DictObject copy;
    copy.entries = self.entries();
    return Value::dict(std::move(copy));
  }
  DictObject* dict = self.mutableDict();
  if (!dict) throw EvalException(ErrorKind::Unsupported, "values from the context cannot be modified ('" + std::string(name) + "')", kNoOffset);
  if (name == "update") {
    if (const Value* other = args.find(0, "")) {
      for (auto& [k, v] : other->entries()) dict->set(std::move(k), std::move(v));
    }
    for (const auto& [k, v] : args.keywords) dict->set(Value(k), v);
    return Value(nullptr);
  }
  if (name == "pop" || name == "setdefault") {
    const Value& key = args.require(0, "key", name);
    for (auto it = dict->entries.begin(); it != dict->entries.end(); ++it) {
      if (pythonEquals(it->first, key)) {
        Value found = it->second;
        if (name == "pop") dict->entries.erase(it);
        return found;
      }
    }
    const Value* fallback = args.find(1, "default");
    if (name == "setdefault") {
      dict->set(key, fallback ? *fallback : Value(nullptr));
      return fallback ? *fallback : Value(nullptr);
    }
    if (!fallback) throw EvalException(ErrorKind::Value, "KeyError: " + toPythonRepr(key), kNoOffset);
    return *fallback;
  }
  throwTypeError("'dict' object has no attribute '" + std::string(name) + "'");
}

Value listMethod(const Value& self, std::string_view name, const CallArgs& args, Runtime& runtime) {
  if (name == "index" || name == "count") {
    const Value& needle = args.require(0, "value", name);
    std::int64_t count = 0;
    const std::size_t n = self.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (pythonEquals(self.item(i), needle)) {
        if (name == "index") return Value(static_cast<std::int64_t>(i));
        ++count;
      }
    }
    if (name == "index") throwValueError(toPythonRepr(needle) + " is not in list");
    return Value(count);
  }
  ListObject* list = self.mutableList();
  if (!list) throw EvalException(ErrorKind::Unsupported, "values from the context cannot be modified ('" + std::string(name) + "')", kNoOffset);
  if (name == "append") {
    runtime.checkSize(list->items.size() + 1);
    list->items.push_back(args.require(0, "object", "append"));
    return Value(nullptr);
  }
  if (name == "extend") {
    for (Value& item : iterate(args.require(0, "iterable", "extend"))) list->items.push_back(std::move(item));
    runtime.checkSize(list->items.size());
    return Value(nullptr);
  }
  throwTypeError("'list' object has no attribute '" + std::string(name) + "'");
}

Value replaceFields(const Value& self, const CallArgs& args) {
  const bool isDate = self.kind() == ValueKind::Date;
  CivilTime c = isDate ? self.asDate().civil() : self.asDateTime().civil();
  auto field = [&](const char* key, int& target) {
    for (const auto& [k, v] : args.keywords) {
      if (k == key) target = static_cast<int>(requireInt(v, key));
    }
  };
  field("year", c.year);
  field("month", c.month);
  field("day", c.day);
  if (!isDate) {
    field("hour", c.hour);
    field("minute", c.minute);
    field("second", c.second);
    field("microsecond", c.microsecond);
  }
  if (c.month < 1 || c.month > 12) throwValueError("month must be in 1..12");
  if (c.day < 1 || c.day > daysInMonth(c.year, c.month)) throwValueError("day is out of range for month");
  if (c.hour < 0 || c.hour > 23 || c.minute < 0 || c.minute > 59 || c.second < 0 || c.second > 59 ||
      c.microsecond < 0 || c.microsecond > 999999) {
    throwValueError("time field out of range");
  }
  if (isDate) return Date{daysFromCivil(c.year, c.month, c.day)};
  const DateTime& dt = self.asDateTime();
  bool aware = dt.aware;
  std::int32_t offset = dt.offsetSeconds;
  for (const auto& [k, v] : args.keywords) {
    if (k == "tzinfo") {
      if (v.isNone()) {
        aware = false;
        offset = 0;
      } else {
        throwTypeError("tzinfo argument must be None or of a tzinfo subclass");
      }
    }
  }
  return DateTime::fromCivil(c, offset, aware);
}

Value dateTimeMethod(const Value& self, std::string_view name, const CallArgs& args) {
  const bool isDate = self.kind() == ValueKind::Date;
  if (name == "strftime") {
    const std::string_view format = requireString(args.require(0, "format", "strftime"), "strftime() argument 1");
    return Value(isDate ? strftime(self.asDate(), format) : strftime(self.asDateTime(), format));
  }
  if (name == "isoformat") {
    if (isDate) return Value(toPythonString(self.asDate()));
    const Value* sep = args.find(0, "sep");
    const std::string_view separator = sep ? requireString(*sep, "isoformat() argument 1") : "T";
    if (separator.size() != 1) throwTypeError("isoformat() argument 1 must be a unicode character");
    return Value(toIsoFormat(self.asDateTime(), separator[0]));
  }
  const std::int64_t days = isDate ? self.asDate().days : self.asDateTime().localMicros() / kMicrosPerDay -
                                                              (self.asDateTime().localMicros() % kMicrosPerDay < 0 ? 1 : 0);
  if (name == "weekday") return Value(static_cast<std::int64_t>(weekdayFromDays(days)));
  if (name == "isoweekday") return Value(static_cast<std::int64_t>(weekdayFromDays(days) + 1));
  if (name == "replace") return replaceFields(self, args);
  const DateTime& dt = self.asDateTime();
  if (name == "timestamp") return Value(static_cast<double>(dt.micros) / 1e6);
  if (name == "date") return Date{days};
  if (name == "astimezone") {
    if (args.count() != 0) throwTypeError("astimezone() accepts no time zone argument here");
    return DateTime{dt.micros, 0, true};
  }
  if (name == "utcoffset") {
    if (!dt.aware) return Value(nullptr);
    return Duration{std::int64_t{dt.offsetSeconds} * kMicrosPerSecond, 0, 0};
  }
  throwTypeError("'datetime' object has no attribute '" + std::string(name) + "'");
}

std::optional<Value> dateTimeProperty(const Value& object, std::string_view name) {
  const bool isDate = object.kind() == ValueKind::Date;
  const CivilTime c = isDate ? object.asDate().civil() : object.asDateTime().civil();
  if (name == "year") return Value(std::int64_t{c.year});
  if (name == "month") return Value(std::int64_t{c.month});
  if (name == "day") return Value(std::int64_t{c.day});
  if (isDate) return std::nullopt;
  if (name == "hour") return Value(std::int64_t{c.hour});
  if (name == "minute") return Value(std::int64_t{c.minute});
  if (name == "second") return Value(std::int64_t{c.second});
  if (name == "microsecond") return Value(std::int64_t{c.microsecond});
  if (name == "tzinfo") {
    if (!object.asDateTime().aware) return Value(nullptr);
    return Value(object.asDateTime().offsetSeconds == 0 ? "UTC" : "UTC" + formatOffset(object.asDateTime().offsetSeconds, true));
  }
  return std::nullopt;
}

std::optional<Value> durationProperty(const Duration& d, std::string_view name) {
  std::int64_t days = d.micros / kMicrosPerDay;
  std::int64_t rest = d.micros % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  if (name == "days") return Value(days);
  if (name == "seconds") return Value(rest / kMicrosPerSecond);
  if (name == "microseconds") return Value(rest % kMicrosPerSecond);
  if (d.isCalendar() || name == "years" || name == "months" || name == "tdelta") {
    if (name == "years") return Value(std::int64_t{d.years});
    if (name == "months") return Value(std::int64_t{d.months});
    if (name == "tdelta") return Value(Duration{d.micros, 0, 0});
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> pythonAttribute(const Value& object, std::string_view name) {
  switch (object.kind()) {
    case ValueKind::Dict:
      if (contains(kDictMethods, name)) return bound(object, name);
      return std::nullopt;
    case ValueKind::String:
      if (contains(kStringMethods, name)) return bound(object, name);
      return std::nullopt;
    case ValueKind::List:
      if (contains(kListMethods, name)) return bound(object, name);
      return std::nullopt;
    case ValueKind::Tuple:
      if (name == "index" || name == "count") return bound(object, name);
      return std::nullopt;
    case ValueKind::DateTime:
      if (contains(kDateTimeMethods, name)) return bound(object, name);
      return dateTimeProperty(object, name);
    case ValueKind::Date:
      if (contains(kDateMethods, name)) return bound(object, name);
      return dateTimeProperty(object, name);
    case ValueKind::Duration:
      if (name == "total_seconds") return bound(object, name);
      return durationProperty(object.asDuration(), name);
    default: return std::nullopt;
  }
}

Value callMethod(const Value& self, std::string_view name, const CallArgs& args, Runtime& runtime) {
  switch (self.kind()) {
    case ValueKind::String: return stringMethod(self, name, args, runtime);
    case ValueKind::Dict: return dictMethod(self, name, args);
    case ValueKind::List:
    case ValueKind::Tuple: return listMethod(self, name, args, runtime);
    case ValueKind::DateTime:
    case ValueKind::Date: return dateTimeMethod(self, name, args);
    case ValueKind::Duration:
      if (name == "total_seconds") {
        const Duration& d = self.asDuration();
        if (d.isCalendar()) throwTypeError("total_seconds() is undefined for durations with years or months");
        return Value(static_cast<double>(d.micros) / 1e6);
      }
      break;
    default: break;
  }
  throwTypeError("'" + typeName(self) + "' object has no attribute '" + std::string(name) + "'");
}

}  // namespace manifold::interpolation
