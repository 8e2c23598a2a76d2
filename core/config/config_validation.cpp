// Checks a config (testing values) against its spec before a read: required, type, enum, pattern.
#include "core/config/config_validation.h"

#include "core/manifest/json_pointer.h"

#include <cmath>
#include <map>
#include <regex>

namespace manifold::config {

namespace {

std::string shown(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string typeName(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: return "text";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_float: return "a number";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::object: return "an object";
    default: return "empty";
  }
}

bool isIntegral(const nlohmann::json& value) {
  if (value.is_number_integer()) return true;
  // JSON Schema counts 2.0 as an integer.
  return value.is_number_float() && std::isfinite(value.get<double>()) &&
         std::floor(value.get<double>()) == value.get<double>();
}

std::string formatNumber(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return nlohmann::json(d).dump();
}

class Checker {
 public:
  std::vector<ConfigProblem> problems;

  void checkObject(const ConfigField& object, const nlohmann::json& value, const std::string& pointer) {
    for (const auto& field : object.fields) {
      const std::string at = manifest::childPointer(pointer, field.key);
      auto it = value.is_object() ? value.find(field.key) : value.end();
      if (it == value.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty() &&
                                                 field.kind != FieldKind::Enum)) {
        if (field.required) add(field, at, field.title + " is required");
        continue;
      }
      check(field, *it, at);
    }
  }

  void check(const ConfigField& field, const nlohmann::json& value, const std::string& pointer) {
    switch (field.kind) {
      case FieldKind::String:
        if (!value.is_string()) return add(field, pointer, field.title + " must be text, not " + typeName(value));
        if (!field.constValue.is_null() && value != field.constValue) {
          return add(field, pointer, field.title + " must be " + shown(field.constValue));
        }
        checkPattern(field, value.get<std::string>(), pointer);
        return;
      case FieldKind::Integer:
        if (!isIntegral(value)) {
          return add(field, pointer, field.title + " must be a whole number, not " + shown(value));
        }
        return checkRange(field, value.get<double>(), pointer);
      case FieldKind::Number:
        if (!value.is_number()) return add(field, pointer, field.title + " must be a number, not " + shown(value));
        return checkRange(field, value.get<double>(), pointer);
      case FieldKind::Boolean:
        if (!value.is_boolean()) return add(field, pointer, field.title + " must be true or false, not " + shown(value));
        return;
      case FieldKind::Enum:
        checkEnum(field, value, pointer);
        return;
      case FieldKind::List:
        if (!value.is_array()) return add(field, pointer, field.title + " must be a list, not " + typeName(value));
        if (field.items.empty()) return;
        for (std::size_t i = 0; i < value.size(); ++i) {
          const std::string at = manifest::childPointer(pointer, i);
          if (field.items.front().kind == FieldKind::Object) {
            if (!value[i].is_object()) {
              add(field, at, field.title + " item " + std::to_string(i + 1) + " must be an object");
            } else {
              checkObject(field.items.front(), value[i], at);
            }
          } else {
            ConfigField item = field.items.front();
            item.title = field.title + " item " + std::to_string(i + 1);
            check(item, value[i], at);
          }
        }
        return;
      case FieldKind::Object:
        if (!value.is_object()) return add(field, pointer, field.title + " must be an object, not " + typeName(value));
        checkObject(field, value, pointer);
        return;
      case FieldKind::OneOf:
        checkOneOf(field, value, pointer);
        return;
      case FieldKind::Other:
        return;
    }
  }

 private:
  std::map<std::string, std::optional<std::regex>> patterns_;

  void add(const ConfigField& field, const std::string& pointer, std::string message) {
    problems.push_back({pointer, field.title, std::move(message)});
  }

  void checkRange(const ConfigField& field, double number, const std::string& pointer) {
    if (field.minimum && number < *field.minimum) {
      add(field, pointer, field.title + " must be at least " + formatNumber(*field.minimum));
    } else if (field.maximum && number > *field.maximum) {
      add(field, pointer, field.title + " must be at most " + formatNumber(*field.maximum));
    }
  }

  void checkEnum(const ConfigField& field, const nlohmann::json& value, const std::string& pointer) {
    if (!field.enumValues.is_array()) return;
    for (const auto& allowed : field.enumValues) {
      if (allowed == value) return;
    }
    std::string list;
    for (const auto& allowed : field.enumValues) list += (list.empty() ? "" : ", ") + displayText(allowed);
    add(field, pointer, field.title + " must be one of: " + list);
  }

  void checkPattern(const ConfigField& field, const std::string& text, const std::string& pointer) {
    if (field.pattern.empty()) return;
    auto [it, inserted] = patterns_.try_emplace(field.pattern);
    if (inserted) {
      try {
        it->second.emplace(field.pattern, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        it->second.reset();  // the manifest's validator reports bad patterns; nothing to check
      }
    }
    if (!it->second) return;
    // JSON Schema patterns are searched, not anchored.
    if (std::regex_search(text, *it->second)) return;
    const std::string expected =
        field.patternDescriptor.empty() ? "the pattern " + field.pattern : field.patternDescriptor;
    std::string message = field.title + " does not match " + expected;
    if (const std::string hint = field.hint(); !hint.empty()) message += " (for example " + hint + ")";
    add(field, pointer, std::move(message));
  }

  void checkOneOf(const ConfigField& field, const nlohmann::json& value, const std::string& pointer) {
    if (!value.is_object()) return add(field, pointer, field.title + " must be an object, not " + typeName(value));
    if (field.options.empty()) return;
    const int chosen = field.matchingOption(value);
    if (chosen >= 0) {
      checkOption(field, field.options[static_cast<std::size_t>(chosen)], value, pointer);
      return;
    }
    // No discriminator matched: take the option with the fewest problems, as a user
    // would read the error of the branch they meant.
    std::vector<ConfigProblem> best;
    bool first = true;
    for (const auto& option : field.options) {
      Checker trial;
      trial.checkOption(field, option, value, pointer);
      if (first || trial.problems.size() < best.size()) best = std::move(trial.problems);
      first = false;
      if (best.empty()) return;
    }
    problems.insert(problems.end(), best.begin(), best.end());
  }

  void checkOption(const ConfigField& field, const ConfigField& option, const nlohmann::json& value,
                   const std::string& pointer) {
    ConfigField named = option;
    if (named.title.empty()) named.title = field.title;
    checkObject(named, value, pointer);
  }
};

}  // namespace

std::vector<ConfigProblem> validateConfig(const ConfigField& spec, const nlohmann::json& config) {
  Checker checker;
  if (!config.is_object()) {
    checker.problems.push_back({"", "", "the testing values must be a JSON object, not " + typeName(config)});
    return checker.problems;
  }
  checker.check(spec, config, "");
  return checker.problems;
}

std::string describeProblems(const std::vector<ConfigProblem>& problems) {
  if (problems.empty()) return {};
  std::string out = problems.size() == 1 ? "1 problem in the testing values: "
                                         : std::to_string(problems.size()) + " problems in the testing values: ";
  for (std::size_t i = 0; i < problems.size(); ++i) out += (i ? "; " : "") + problems[i].message;
  return out;
}

}  // namespace manifold::config
