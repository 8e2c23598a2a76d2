// Jinja's built-in filters that manifests use, and the Airbyte CDK's own filters
// (hash, base64encode/decode, string, regex_search/replace, hmac).
#include "core/interpolation/builtins.h"
#include "core/interpolation/encoding.h"
#include "core/interpolation/methods.h"
#include "core/interpolation/operators.h"
#include "core/interpolation/python_format.h"
#include "core/interpolation/python_regex.h"
#include "core/interpolation/string_format.h"
#include "core/interpolation/text_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace manifold::interpolation {
namespace {

using FilterFunction = Value (*)(const Value&, const CallArgs&, Runtime&);

std::string str(const Value& v) { return v.isString() ? std::string(v.asString()) : toPythonStr(v); }
std::string typeName(const Value& v) { return std::string(pythonTypeName(v.kind())); }

bool flag(const CallArgs& args, std::size_t position, std::string_view name, bool fallback = false) {
  const Value* v = args.find(position, name);
  return v ? v->truthy() : fallback;
}

// Python float(str): whitespace, underscores between digits, inf/nan spellings.
std::optional<double> parsePythonFloat(std::string_view text) {
  std::string_view t = stripChars(text, {}, true, true);
  std::string clean;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '_') {
      if (i == 0 || i + 1 >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
        return std::nullopt;
      }
      continue;
    }
    clean += t[i];
  }
  if (clean.empty()) return std::nullopt;
  const std::string lower = asciiLower(clean);
  std::string_view body = lower;
  double sign = 1.0;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    sign = body[0] == '-' ? -1.0 : 1.0;
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") return sign * INFINITY;
  if (body == "nan") return NAN;
  for (char c : body) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != '+' && c != '-') return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size()) return std::nullopt;
  return value;
}

// Python int(str, base).
std::optional<std::int64_t> parsePythonInt(std::string_view text, int base) {
  std::string_view t = stripChars(text, {}, true, true);
  bool negative = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.size() > 2 && t[0] == '0') {
    const char p = static_cast<char>(t[1] | 0x20);
    if ((p == 'x' && base == 16) || (p == 'o' && base == 8) || (p == 'b' && base == 2)) t.remove_prefix(2);
  }
  if (t.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '_' && i > 0 && i + 1 < t.size() && t[i + 1] != '_') continue;
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') digit = (c | 0x20) - 'a' + 10;
    if (digit < 0 || digit >= base) return std::nullopt;
    if (__builtin_mul_overflow(value, base, &value) || __builtin_add_overflow(value, digit, &value)) return std::nullopt;
  }
  return negative ? -value : value;
}

// Jinja's make_attrgetter: "a.b.0" looked up item first, ints for digit parts.
Value attributePath(const Value& item, std::string_view path) {
  Value current = item;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    Value key = !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos
                    ? Value(static_cast<std::int64_t>(std::stoll(std::string(part))))
                    : Value(part);
    current = getItem(current, key);
    if (dot == std::string_view::npos) return current;
    start = dot + 1;
  }
}

std::function<Value(const Value&)> keyFunction(const CallArgs& args, std::size_t caseArg, std::size_t attrArg) {
  const bool caseSensitive = flag(args, caseArg, "case_sensitive");
  const Value* attribute = args.find(attrArg, "attribute");
  std::string path = attribute && !attribute->isNone() ? str(*attribute) : std::string();
  return [caseSensitive, path](const Value& item) {
    Value key = path.empty() ? item : attributePath(item, path);
    if (!caseSensitive && key.isString()) return Value(asciiLower(key.asString()));
    return key;
  };
}

Value filterDefault(const Value& v, const CallArgs& args, Runtime&) {
  const Value* fallback = args.find(0, "default_value");
  const bool boolean = flag(args, 1, "boolean");
  if (v.isUndefined() || (boolean && !v.truthy())) return fallback ? *fallback : Value("");
  return v;
}

Value filterLength(const Value& v, const CallArgs&, Runtime&) {
  switch (v.kind()) {
    case ValueKind::Undefined: return Value(std::int64_t{0});
    case ValueKind::String: return Value(static_cast<std::int64_t>(codePointCount(v.asString())));
    case ValueKind::List:
    case ValueKind::Tuple:
    case ValueKind::Dict: return Value(static_cast<std::int64_t>(v.size()));
    default: throwTypeError("object of type '" + typeName(v) + "' has no len()");
  }
}

Value filterLower(const Value& v, const CallArgs&, Runtime&) { return Value(asciiLower(str(v))); }
Value filterUpper(const Value& v, const CallArgs&, Runtime&) { return Value(asciiUpper(str(v))); }

Value stringMethodOn(const Value& v, std::string_view method, const CallArgs& args, Runtime& runtime) {
  return callMethod(Value(str(v)), method, args, runtime);
}
Value filterTitle(const Value& v, const CallArgs&, Runtime& rt) { return stringMethodOn(v, "title", {}, rt); }
Value filterCapitalize(const Value& v, const CallArgs&, Runtime& rt) { return stringMethodOn(v, "capitalize", {}, rt); }
Value filterTrim(const Value& v, const CallArgs& args, Runtime& rt) {
  CallArgs strip;
  if (const Value* chars = args.find(0, "chars")) strip.positional.push_back(*chars);
  return stringMethodOn(v, "strip", strip, rt);
}
Value filterReplace(const Value& v, const CallArgs& args, Runtime& rt) {
  CallArgs replace;
  replace.positional.push_back(Value(str(args.require(0, "old", "replace"))));
  replace.positional.push_back(Value(str(args.require(1, "new", "replace"))));
  if (const Value* count = args.find(2, "count"); count && !count->isNone()) replace.positional.push_back(*count);
  return stringMethodOn(v, "replace", replace, rt);
}

Value filterJoin(const Value& v, const CallArgs& args, Runtime& runtime) {
  const Value* separator = args.find(0, "d");
  const Value* attribute = args.find(1, "attribute");
  const std::string sep = separator ? str(*separator) : std::string();
  std::string out;
  bool first = true;
  for (const Value& item : iterate(v)) {
    if (!first) out += sep;
    first = false;
    out += str(attribute && !attribute->isNone() ? attributePath(item, str(*attribute)) : item);
    runtime.checkSize(out.size());
  }
  return Value(std::move(out));
}

Value filterFirst(const Value& v, const CallArgs&, Runtime&) {
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined("No first item, sequence was empty.");
  return items.front();
}

Value filterLast(const Value& v, const CallArgs&, Runtime&) {
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined("No last item, sequence was empty.");
  return items.back();
}

Value filterInt(const Value& v, const CallArgs& args, Runtime&) {
  const Value* fallback = args.find(0, "default");
  const Value* baseArg = args.find(1, "base");
  const int base = baseArg ? static_cast<int>(baseArg->asInt()) : 10;
  const Value defaultValue = fallback ? *fallback : Value(std::int64_t{0});
  switch (v.kind()) {
    case ValueKind::Bool:
    case ValueKind::Int: return Value(v.asInt());
    case ValueKind::Float: {
      const double d = v.asDouble();
      if (std::isnan(d)) return defaultValue;
      return Value(integerFromFloat(d));
    }
    case ValueKind::String: {
      if (auto i = parsePythonInt(v.asString(), base)) return Value(*i);
      if (auto d = parsePythonFloat(v.asString())) {
        if (std::isnan(*d)) return defaultValue;
        return Value(integerFromFloat(*d));
      }
      return defaultValue;
    }
    default: return defaultValue;
  }
}

Value filterFloat(const Value& v, const CallArgs& args, Runtime&) {
  const Value* fallback = args.find(0, "default");
  const Value defaultValue = fallback ? *fallback : Value(0.0);
  if (v.isNumber()) return Value(v.asDouble());
  if (v.isString()) {
    if (auto d = parsePythonFloat(v.asString())) return Value(*d);
  }
  return defaultValue;
}

// The CDK's `string` filter: strings pass through; anything else becomes triple-quoted JSON so
// that the literal rule later yields a string.
Value filterString(const Value& v, const CallArgs&, Runtime&) {
  if (v.isString()) return v;
  if (v.isUndefined()) throwTypeError("Object of type Undefined is not JSON serializable");
  return Value("\"\"\"" + jsonDumps(v, false) + "\"\"\"");
}

Value filterList(const Value& v, const CallArgs&, Runtime&) { return Value::list(iterate(v)); }

Value filterToJson(const Value& v, const CallArgs&, Runtime&) {
  // Jinja's htmlsafe_json_dumps: sorted keys, then HTML-sensitive characters escaped.
  std::string out;
  for (char c : jsonDumps(v, true)) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      case '\'': out += "\\u0027"; break;
      default: out += c;
    }
  }
  return Value(std::move(out));
}

Value filterRound(const Value& v, const CallArgs& args, Runtime&) {
  const Value* precisionArg = args.find(0, "precision");
  const Value* methodArg = args.find(1, "method");
  const std::int64_t precision = precisionArg ? precisionArg->asInt() : 0;
  const std::string method = methodArg ? str(*methodArg) : "common";
  if (method != "common" && method != "ceil" && method != "floor") {
    throwValueError("method must be common, ceil or floor");
  }
  if (!v.isNumber()) throwTypeError("type " + typeName(v) + " doesn't define __round__ method");
  if (method == "common") {
    if (v.kind() != ValueKind::Float) return Value(v.asInt());
    if (precision < 0 || precision > 300) {
      const double scale = std::pow(10.0, static_cast<double>(precision));
      return Value(std::nearbyint(v.asDouble() * scale) / scale);
    }
    // printf rounds the exact binary value half-to-even, like Python's round().
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(precision), v.asDouble());
    return Value(std::strtod(buffer, nullptr));
  }
  const double scale = std::pow(10.0, static_cast<double>(precision));
  const double scaled = v.asDouble() * scale;
  return Value((method == "ceil" ? std::ceil(scaled) : std::floor(scaled)) / scale);
}

Value filterAbs(const Value& v, const CallArgs&, Runtime&) {
  switch (v.kind()) {
    case ValueKind::Bool:
    case ValueKind::Int: return Value(v.asInt() < 0 ? -v.asInt() : v.asInt());
    case ValueKind::Float: return Value(std::fabs(v.asDouble()));
    case ValueKind::Duration: return v.asDuration().micros < 0 ? applyNegate(v) : v;
    default: throwTypeError("bad operand type for abs(): '" + typeName(v) + "'");
  }
}

Value filterSort(const Value& v, const CallArgs& args, Runtime&) {
  const bool reverse = flag(args, 0, "reverse");
  auto key = keyFunction(args, 1, 2);
  std::vector<Value> items = iterate(v);
  std::vector<std::pair<Value, Value>> keyed;
  keyed.reserve(items.size());
  for (Value& item : items) keyed.emplace_back(key(item), std::move(item));
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return reverse ? pythonCompare(b.first, a.first) < 0 : pythonCompare(a.first, b.first) < 0;
  });
  std::vector<Value> out;
  for (auto& [k, item] : keyed) out.push_back(std::move(item));
  return Value::list(std::move(out));
}

Value filterReverse(const Value& v, const CallArgs&, Runtime&) {
  if (v.isString()) return getSlice(v, Value(nullptr), Value(nullptr), Value(std::int64_t{-1}));
  std::vector<Value> items = iterate(v);
  std::reverse(items.begin(), items.end());
  return Value::list(std::move(items));
}

Value filterUnique(const Value& v, const CallArgs& args, Runtime&) {
  auto key = keyFunction(args, 0, 1);
  std::vector<Value> seen;
  std::vector<Value> out;
  for (Value& item : iterate(v)) {
    Value k = key(item);
    if (k.kind() == ValueKind::List || k.kind() == ValueKind::Dict) throwTypeError("unhashable type: '" + typeName(k) + "'");
    if (std::none_of(seen.begin(), seen.end(), [&](const Value& s) { return pythonEquals(s, k); })) {
      seen.push_back(std::move(k));
      out.push_back(std::move(item));
    }
  }
  return Value::list(std::move(out));
}

Value extreme(const Value& v, const CallArgs& args, bool wantMax) {
  auto key = keyFunction(args, 0, 1);
  std::vector<Value> items = iterate(v);
  if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
  std::size_t best = 0;
  Value bestKey = key(items[0]);
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value k = key(items[i]);
    const int c = pythonCompare(k, bestKey, wantMax ? ">" : "<");
    if (wantMax ? c > 0 : c < 0) {
      best = i;
      bestKey = std::move(k);
    }
  }
  return items[best];
}
Value filterMax(const Value& v, const CallArgs& args, Runtime&) { return extreme(v, args, true); }
Value filterMin(const Value& v, const CallArgs& args, Runtime&) { return extreme(v, args, false); }

Value filterSum(const Value& v, const CallArgs& args, Runtime& runtime) {
  const Value* attribute = args.find(0, "attribute");
  const Value* start = args.find(1, "start");
  Value total = start ? *start : Value(std::int64_t{0});
  for (const Value& item : iterate(v)) {
    total = applyBinary(BinaryOp::Add, total,
                        attribute && !attribute->isNone() ? attributePath(item, str(*attribute)) : item, runtime);
  }
  return total;
}

Value filterMap(const Value& v, const CallArgs& args, Runtime& runtime) {
  std::vector<Value> out;
  const Value* attribute = nullptr;
  const Value* fallback = nullptr;
  for (const auto& [k, value] : args.keywords) {
    if (k == "attribute") attribute = &value;
    if (k == "default") fallback = &value;
  }
  if (attribute) {
    for (const Value& item : iterate(v)) {
      Value mapped = attributePath(item, str(*attribute));
      if (mapped.isUndefined() && fallback) mapped = *fallback;
      out.push_back(std::move(mapped));
    }
    return Value::list(std::move(out));
  }
  if (args.positional.empty()) throwValueError("map requires a filter argument");
  const std::string name = str(args.positional[0]);
  if (!hasFilter(name)) throw EvalException(ErrorKind::Syntax, "no filter named '" + name + "'", kNoOffset);
  CallArgs rest;
  rest.positional.assign(args.positional.begin() + 1, args.positional.end());
  rest.keywords = args.keywords;
  for (const Value& item : iterate(v)) out.push_back(applyFilter(name, item, rest, runtime));
  return Value::list(std::move(out));
}

Value selectOrReject(const Value& v, const CallArgs& args, Runtime& runtime, bool select, bool byAttribute) {
  std::size_t next = 0;
  std::string attribute;
  if (byAttribute) attribute = str(args.require(next++, "attribute", select ? "selectattr" : "rejectattr"));
  std::string test;
  if (next < args.positional.size()) test = str(args.positional[next++]);
  CallArgs testArgs;
  testArgs.positional.assign(args.positional.begin() + static_cast<std::ptrdiff_t>(std::min(next, args.positional.size())),
                             args.positional.end());
  if (!test.empty() && !hasTest(test)) throw EvalException(ErrorKind::Syntax, "no test named '" + test + "'", kNoOffset);
  std::vector<Value> out;
  for (const Value& item : iterate(v)) {
    const Value subject = byAttribute ? attributePath(item, attribute) : item;
    const bool passes = test.empty() ? subject.truthy() : applyTest(test, subject, testArgs, runtime);
    if (passes == select) out.push_back(item);
  }
  return Value::list(std::move(out));
}
Value filterSelect(const Value& v, const CallArgs& a, Runtime& r) { return selectOrReject(v, a, r, true, false); }
Value filterReject(const Value& v, const CallArgs& a, Runtime& r) { return selectOrReject(v, a, r, false, false); }
Value filterSelectAttr(const Value& v, const CallArgs& a, Runtime& r) { return selectOrReject(v, a, r, true, true); }
Value filterRejectAttr(const Value& v, const CallArgs& a, Runtime& r) { return selectOrReject(v, a, r, false, true); }

Value filterUrlencode(const Value& v, const CallArgs&, Runtime&) {
  // Jinja: strings keep "/", dict or pair items are joined as a query string with "+" for spaces.
  auto quote = [](const Value& x, bool forQuery) {
    std::string out = percentEncode(str(x), forQuery ? "" : "/");
    if (forQuery) {
      for (std::size_t at = out.find("%20"); at != std::string::npos; at = out.find("%20", at + 1)) out.replace(at, 3, "+");
    }
    return out;
  };
  if (v.isString() || !(v.kind() == ValueKind::Dict || v.isSequence())) return Value(quote(v, false));
  std::vector<std::pair<Value, Value>> pairs;
  if (v.kind() == ValueKind::Dict) {
    pairs = v.entries();
  } else {
    for (const Value& item : v.items()) {
      const std::vector<Value> pair = iterate(item);
      if (pair.size() != 2) throwValueError("urlencode needs pairs");
      pairs.emplace_back(pair[0], pair[1]);
    }
  }
  std::string out;
  for (const auto& [k, value] : pairs) {
    if (!out.empty()) out += '&';
    out += quote(k, true) + "=" + quote(value, true);
  }
  return Value(std::move(out));
}

Value filterEscape(const Value& v, const CallArgs&, Runtime&) {
  std::string out;
  for (char c : str(v)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return Value(std::move(out));
}

Value filterSafe(const Value& v, const CallArgs&, Runtime&) { return Value(str(v)); }

Value filterFormat(const Value& v, const CallArgs& args, Runtime&) {
  if (!args.positional.empty() && !args.keywords.empty()) {
    throwValueError("can't handle positional and keyword arguments at the same time");
  }
  if (!args.keywords.empty()) {
    DictObject named;
    for (const auto& [k, value] : args.keywords) named.set(Value(k), value);
    return Value(percentFormat(str(v), Value::dict(std::move(named))));
  }
  return Value(percentFormat(str(v), Value::tuple(args.positional)));
}

Value filterItems(const Value& v, const CallArgs&, Runtime&) {
  if (v.isUndefined()) return Value::list();
  if (v.kind() != ValueKind::Dict) throwTypeError("Can only get item pairs from a mapping.");
  std::vector<Value> out;
  for (auto& [k, value] : v.entries()) out.push_back(Value::tuple({std::move(k), std::move(value)}));
  return Value::list(std::move(out));
}

Value filterDictsort(const Value& v, const CallArgs& args, Runtime& runtime) {
  const bool caseSensitive = flag(args, 0, "case_sensitive");
  const Value* by = args.find(1, "by");
  const bool reverse = flag(args, 2, "reverse");
  const std::size_t pos = by && str(*by) == "value" ? 1 : 0;
  std::vector<Value> items = filterItems(v, {}, runtime).items();
  std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
    Value ka = a.item(pos);
    Value kb = b.item(pos);
    if (!caseSensitive && ka.isString()) ka = Value(asciiLower(ka.asString()));
    if (!caseSensitive && kb.isString()) kb = Value(asciiLower(kb.asString()));
    return reverse ? pythonCompare(kb, ka) < 0 : pythonCompare(ka, kb) < 0;
  });
  return Value::list(std::move(items));
}

Value filterAttr(const Value& v, const CallArgs& args, Runtime&) {
  const std::string name = str(args.require(0, "name", "attr"));
  if (auto attribute = pythonAttribute(v, name)) return *attribute;
  return Value::undefined("'" + typeName(v) + " object' has no attribute '" + name + "'");
}

Value filterCenter(const Value& v, const CallArgs& args, Runtime& runtime) {
  const Value* widthArg = args.find(0, "width");
  const std::int64_t width = widthArg ? widthArg->asInt() : 80;
  runtime.checkSize(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)));
  std::string text = str(v);
  const auto length = static_cast<std::int64_t>(codePointCount(text));
  if (width <= length) return Value(std::move(text));
  const std::int64_t missing = width - length;
  // Python's str.center puts the extra space on the right unless both the padding and width are odd.
  const std::int64_t left = missing / 2 + (missing & width & 1);
  return Value(std::string(static_cast<std::size_t>(left), ' ') + text +
               std::string(static_cast<std::size_t>(missing - left), ' '));
}

Value filterWordcount(const Value& v, const CallArgs&, Runtime& runtime) {
  return Value(static_cast<std::int64_t>(callMethod(Value(str(v)), "split", {}, runtime).size()));
}

// ---- Airbyte filters ----

Value filterHash(const Value& v, const CallArgs& args, Runtime&) {
  const Value* type = args.find(0, "hash_type");
  const Value* salt = args.find(1, "salt");
  std::string input = toPythonStr(v);
  if (salt && salt->truthy()) input += toPythonStr(*salt);
  return Value(hexDigest(type ? str(*type) : "md5", input));
}

std::string_view requireStr(const Value& v, std::string_view filter) {
  if (!v.isString()) throw EvalException(ErrorKind::Value, "'" + typeName(v) + "' object has no attribute 'encode' (" + std::string(filter) + ")", kNoOffset);
  return v.asString();
}

Value filterBase64Encode(const Value& v, const CallArgs&, Runtime&) { return Value(base64Encode(requireStr(v, "base64encode"))); }
Value filterBase64Decode(const Value& v, const CallArgs&, Runtime&) { return Value(base64Decode(requireStr(v, "base64decode"))); }
// The reference's base64binascii_decode encodes (its implementation calls standard_b64encode).
Value filterBase64BinasciiDecode(const Value& v, const CallArgs&, Runtime&) {
  const std::string_view text = requireStr(v, "base64binascii_decode");
  if (!isAscii(text)) throwValueError("'ascii' codec can't encode characters");
  return Value(base64Encode(text));
}

Value filterRegexSearch(const Value& v, const CallArgs& args, Runtime&) {
  if (!v.isString()) throwTypeError("expected string or bytes-like object, got '" + typeName(v) + "'");
  const std::regex& regex = compilePythonRegex(str(args.require(0, "regex", "regex_search")));
  std::match_results<std::string_view::const_iterator> match;
  const std::string_view text = v.asString();
  try {
    if (std::regex_search(text.begin(), text.end(), match, regex) && match.size() > 1) {
      return Value(match[1].matched ? match[1].str() : std::string());
    }
  } catch (const std::regex_error& e) {
    throwValueError(std::string("regular expression failed: ") + e.what());
  }
  return Value("");
}

Value filterRegexReplace(const Value& v, const CallArgs& args, Runtime& runtime) {
  if (!v.isString()) throwTypeError("expected string or bytes-like object, got '" + typeName(v) + "'");
  const std::regex& regex = compilePythonRegex(str(args.require(0, "regex", "regex_replace")));
  const std::string replacement = toEcmaReplacement(str(args.require(1, "replacement", "regex_replace")));
  try {
    std::string out = std::regex_replace(std::string(v.asString()), regex, replacement);
    runtime.checkSize(out.size());
    return Value(std::move(out));
  } catch (const std::regex_error& e) {
    throwValueError(std::string("regular expression failed: ") + e.what());
  }
}

Value filterHmac(const Value& v, const CallArgs& args, Runtime&) {
  const Value& key = args.require(0, "key", "hmac");
  const Value* type = args.find(1, "hash_type");
  if (type && str(*type) != "sha256") {
    throwValueError("Hash type '" + str(*type) + "' is not allowed. Allowed types: sha256");
  }
  return Value(hmacSha256Hex(toPythonStr(key), toPythonStr(v)));
}

const std::unordered_map<std::string_view, FilterFunction>& filterTable() {
  static const std::unordered_map<std::string_view, FilterFunction> kTable = {
      {"abs", filterAbs},
      {"attr", filterAttr},
      {"capitalize", filterCapitalize},
      {"center", filterCenter},
      {"count", filterLength},
      {"d", filterDefault},
      {"default", filterDefault},
      {"dictsort", filterDictsort},
      {"e", filterEscape},
      {"escape", filterEscape},
      {"first", filterFirst},
      {"float", filterFloat},
      {"forceescape", filterEscape},
      {"format", filterFormat},
      {"int", filterInt},
      {"items", filterItems},
      {"join", filterJoin},
      {"last", filterLast},
      {"length", filterLength},
      {"list", filterList},
      {"lower", filterLower},
      {"map", filterMap},
      {"max", filterMax},
      {"min", filterMin},
      {"reject", filterReject},
      {"rejectattr", filterRejectAttr},
      {"replace", filterReplace},
      {"reverse", filterReverse},
      {"round", filterRound},
      {"safe", filterSafe},
      {"select", filterSelect},
      {"selectattr", filterSelectAttr},
      {"sort", filterSort},
      {"string", filterString},
      {"sum", filterSum},
      {"title", filterTitle},
      {"tojson", filterToJson},
      {"trim", filterTrim},
      {"unique", filterUnique},
      {"upper", filterUpper},
      {"urlencode", filterUrlencode},
      {"wordcount", filterWordcount},
      {"hash", filterHash},
      {"base64encode", filterBase64Encode},
      {"base64decode", filterBase64Decode},
      {"base64binascii_decode", filterBase64BinasciiDecode},
      {"regex_search", filterRegexSearch},
      {"regex_replace", filterRegexReplace},
      {"hmac", filterHmac},
  };
  return kTable;
}

}  // namespace

bool hasFilter(std::string_view name) { return filterTable().count(name) != 0; }

Value applyFilter(std::string_view name, const Value& subject, const CallArgs& args, Runtime& runtime) {
  const auto& table = filterTable();
  auto it = table.find(name);
  if (it == table.end()) throw EvalException(ErrorKind::Syntax, "no filter named '" + std::string(name) + "'", kNoOffset);
  return it->second(subject, args, runtime);
}

}  // namespace manifold::interpolation
