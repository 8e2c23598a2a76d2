// Catalog-driven validation of the resolved manifest.
#include "core/manifest/validator.h"

#include "core/interpolation/syntax_check.h"
#include "core/manifest/json_pointer.h"
#include "core/manifest/suggestion.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace manifold::manifest {
namespace {

constexpr std::string_view kParametersKey = "$parameters";

ValueKinds kindOf(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return kNull;
    case Json::value_t::boolean: return kBoolean;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return kInteger;
    case Json::value_t::number_float: return kNumber;
    case Json::value_t::string: return kString;
    case Json::value_t::array: return kArray;
    case Json::value_t::object: return kObject;
    default: return kAny;
  }
}

bool accepts(ValueKinds accepted, const Json& value) {
  const ValueKinds kind = kindOf(value);
  if (accepted & kind) return true;
  if (kind == kInteger && (accepted & kNumber)) return true;
  // JSON Schema counts 2.0 as an integer.
  if (kind == kNumber && (accepted & kInteger)) {
    const double d = value.get<double>();
    return d == static_cast<double>(static_cast<long long>(d));
  }
  return false;
}

std::string kindName(ValueKinds kind) {
  switch (kind) {
    case kNull: return "null";
    case kBoolean: return "a boolean";
    case kInteger: return "an integer";
    case kNumber: return "a number";
    case kString: return "a string";
    case kArray: return "a list";
    case kObject: return "a mapping";
    default: return "a value";
  }
}

std::string describeKinds(ValueKinds kinds) {
  std::vector<std::string> names;
  for (ValueKinds k : {kString, kInteger, kNumber, kBoolean, kArray, kObject, kNull}) {
    if (kinds & k) names.push_back(kindName(k));
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string joinQuoted(const std::vector<std::string_view>& values, std::size_t limit = 8) {
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < limit; ++i) {
    if (i > 0) out += ", ";
    out += "'" + std::string(values[i]) + "'";
  }
  if (values.size() > limit) out += ", …";
  return out;
}

// "6.4.0", "0.29.0", "1.2.3-rc1": what the reference's tooling writes and compares.
bool looksLikeVersion(const std::string& text) {
  std::size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == text.size() || text[i] == '-' || text[i] == '+';
}

bool mayContainTemplate(const std::string& text) {
  const auto brace = text.find('{');
  if (brace == std::string::npos || brace + 1 >= text.size()) return false;
  return text.find_first_of("{%#", brace + 1) != std::string::npos;
}

class Walk {
 public:
  Walk(const Resolver& resolver, const ComponentCatalog& catalog) : resolver_(resolver), catalog_(catalog) {}

  Diagnostics run(const Json& root) {
    const ComponentSpec* source = catalog_.find("DeclarativeSource");
    checkSource(root);
    if (source) checkComponent(root, *source);
    checkStreams(root);
    Diagnostics out;
    std::set<std::tuple<int, int, std::string>> seen;
    for (auto& d : diagnostics_) {
      // A definition used by many streams is checked once per use; report it once.
      if (seen.emplace(d.line, d.column, d.message).second) out.push_back(std::move(d));
    }
    return out;
  }

 private:
  void report(Severity severity, std::string message, std::string suggestion = {}) {
    const SourcePosition where = resolver_.locate(path_);
    diagnostics_.push_back(Diagnostic{severity, std::move(message), where.line, where.column, path_, std::move(suggestion)});
  }

  struct Scope {
    Scope(std::string& path, std::string_view token) : path_(path), mark_(path.size()) { appendPointerToken(path, token); }
    Scope(std::string& path, std::size_t index) : path_(path), mark_(path.size()) {
      path.push_back('/');
      path += std::to_string(index);
    }
    ~Scope() { path_.resize(mark_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    std::string& path_;
    std::size_t mark_;
  };

  void checkSource(const Json& root) {
    auto version = root.find("version");
    if (version == root.end()) {
      report(Severity::Error, "the manifest has no 'version'; add the version of the declarative format it targets, e.g. version: 6.4.0",
             "version: 6.4.0");
    } else {
      Scope scope(path_, "version");
      if (!version->is_string()) {
        report(Severity::Error, "'version' must be a string like \"6.4.0\", not " + kindName(kindOf(*version)) +
                                    " (quote it so YAML does not read it as a number)");
      } else if (!looksLikeVersion(version->get<std::string>())) {
        report(Severity::Error, "'version' is '" + version->get<std::string>() +
                                    "', which is not a version of the form MAJOR.MINOR.PATCH (like 6.4.0)");
      }
    }
    const bool hasStreams = root.contains("streams");
    const bool hasDynamic = root.contains("dynamic_streams");
    if (!hasStreams && !hasDynamic) {
      report(Severity::Error, "the manifest defines no streams: add 'streams' (or 'dynamic_streams')");
    }
  }

  // Stream names, their uniqueness, and what check.stream_names refers to.
  void checkStreams(const Json& root) {
    std::unordered_map<std::string, std::string> names;  // name -> pointer of first stream
    auto streams = root.find("streams");
    if (streams != root.end() && streams->is_array()) {
      for (std::size_t i = 0; i < streams->size(); ++i) {
        const Json& stream = (*streams)[i];
        if (!stream.is_object()) continue;
        auto name = stream.find("name");
        if (name == stream.end() || !name->is_string()) continue;
        const std::string pointer = childPointer(childPointer("/streams", i), "name");
        auto [it, inserted] = names.emplace(name->get<std::string>(), pointer);
        if (!inserted) {
          const SourcePosition first = resolver_.locate(it->second);
          std::string saved = std::exchange(path_, pointer);
          report(Severity::Error, "duplicate stream name '" + it->first + "' (also used by the stream at line " +
                                      std::to_string(first.line) + ")");
          path_ = std::move(saved);
        }
      }
    }
    const bool hasDynamic = root.contains("dynamic_streams") && !root["dynamic_streams"].empty();
    auto check = root.find("check");
    if (check == root.end() || !check->is_object()) return;
    auto streamNames = check->find("stream_names");
    if (streamNames == check->end() || !streamNames->is_array()) return;
    std::vector<std::string_view> known;
    for (const auto& [name, pointer] : names) known.push_back(name);
    for (std::size_t i = 0; i < streamNames->size(); ++i) {
      const Json& entry = (*streamNames)[i];
      if (!entry.is_string() || names.count(entry.get<std::string>())) continue;
      std::string saved = std::exchange(path_, childPointer("/check/stream_names", i));
      const std::string name = entry.get<std::string>();
      std::string message = "check.stream_names names '" + name + "', but no stream has that name; the connection check will fail";
      std::string suggestion;
      if (auto best = closestMatch(name, known)) {
        suggestion = *best;
        message += "; did you mean '" + *best + "'?";
      }
      // The reference accepts such a manifest and only fails the check when it runs (and
      // dynamic streams get their names at run time), so this is a warning, not an error.
      (void)hasDynamic;
      report(Severity::Warning, std::move(message), std::move(suggestion));
      path_ = std::move(saved);
    }
  }

  // A field the user did not write in this component but that `$parameters` filled in.
  bool filledFromParameters() const {
    bool found = true;
    const std::string origin = resolver_.originOf(path_, &found);
    return !found || origin.find("/$parameters/") != std::string::npos;
  }

  void checkComponent(const Json& component, const ComponentSpec& spec) {
    if (component.contains("class_name")) {
      reportCustom(component, spec.type);
      return;
    }
    for (const auto& field : spec.fields) {
      if (field.required && !component.contains(field.name)) {
        std::string message = std::string(spec.type) + " is missing the required field '" + std::string(field.name) + "'";
        if (spec.type == "DeclarativeSource" && field.name == "version") continue;  // checkSource says more
        report(Severity::Error, message + " (" + std::string(field.description) + ")", std::string(field.name));
      }
    }
    for (const auto& [key, value] : component.items()) {
      // `type` already chose this spec; shapes such as TypesMap are often written with one too.
      if (key == "type") continue;
      Scope scope(path_, key);
      const FieldSpec* field = spec.field(key);
      if (!field) {
        if (key == kParametersKey) {
          if (!value.is_object()) report(Severity::Error, "'$parameters' must be a mapping of names to values");
          continue;
        }
        // Parameters land on every typed component below where they are set; the merged
        // `$parameters` map names them, which is far cheaper than tracing the origin.
        if (auto params = component.find(std::string(kParametersKey));
            params != component.end() && params->is_object() && params->contains(key)) {
          continue;
        }
        if (filledFromParameters()) continue;
        std::vector<std::string_view> names;
        for (const auto& f : spec.fields) names.push_back(f.name);
        std::string message = "unknown field '" + key + "' for " + std::string(spec.type);
        std::string suggestion;
        if (auto best = closestMatch(key, names)) {
          suggestion = *best;
          message += "; did you mean '" + *best + "'?";
        }
        report(spec.closed ? Severity::Error : Severity::Warning, std::move(message), std::move(suggestion));
        continue;
      }
      if (key == "version" && spec.type == "DeclarativeSource") continue;  // checkSource says more
      checkField(value, *field, spec);
    }
  }

  void reportCustom(const Json& component, std::string_view where) {
    std::string type = component.contains("type") && component["type"].is_string() ? component["type"].get<std::string>()
                                                                                    : std::string(where);
    const Json& className = component["class_name"];
    std::string name = className.is_string() ? className.get<std::string>() : className.dump();
    report(Severity::Error, "custom component " + type + " (class_name: " + name +
                                ") runs Python code, which this engine does not support; replace it with declarative components");
  }

  void checkField(const Json& value, const FieldSpec& field, const ComponentSpec& owner) {
    if (!accepts(field.kinds, value)) {
      // `$parameters` also lands on fields that newer versions of the format added under
      // the same name (a stream's `field_path: results` reaching RequestOption.field_path);
      // the user never wrote that value there, so it is not theirs to fix.
      if (filledFromParameters()) return;
      report(Severity::Error, "'" + std::string(field.name) + "' of " + std::string(owner.type) + " must be " +
                                  describeKinds(field.kinds) + ", not " + kindName(kindOf(value)));
      return;
    }
    if (!field.enumValues.empty() && value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      if (std::find(field.enumValues.begin(), field.enumValues.end(), text) == field.enumValues.end()) {
        std::string message = "'" + text + "' is not a valid value for '" + std::string(field.name) + "' of " +
                              std::string(owner.type) + " (expected one of " + joinQuoted(field.enumValues) + ")";
        std::string suggestion;
        if (auto best = closestMatch(text, field.enumValues)) {
          suggestion = *best;
          message += "; did you mean '" + *best + "'?";
        }
        report(Severity::Error, std::move(message), std::move(suggestion));
        return;
      }
    }
    if (field.interpolated) checkTemplates(value);
    if (value.is_object() && !field.componentTypes.empty()) {
      checkComponentValue(value, field.componentTypes, field.name);
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& item = value[i];
        Scope scope(path_, i);
        if (field.itemKinds != kAny && !accepts(field.itemKinds, item) && !filledFromParameters()) {
          report(Severity::Error, "items of '" + std::string(field.name) + "' of " + std::string(owner.type) +
                                      " must be " + describeKinds(field.itemKinds) + ", not " + kindName(kindOf(item)));
          continue;
        }
        if (item.is_object() && !field.itemComponentTypes.empty()) {
          checkComponentValue(item, field.itemComponentTypes, field.name);
        }
      }
    }
  }

  void checkComponentValue(const Json& value, const std::vector<std::string_view>& accepted, std::string_view fieldName) {
    auto typeIt = value.find("type");
    if (typeIt == value.end() || !typeIt->is_string()) {
      if (value.contains("class_name")) {
        reportCustom(value, accepted.front());
        return;
      }
      // Plain shapes (Rate, TypesMap, …) and components whose type is optional
      // (AsyncJobStatusMap, SchemaTypeIdentifier) may be written without a type.
      for (std::string_view name : accepted) {
        const ComponentSpec* candidate = catalog_.find(name);
        if (!candidate) continue;
        const FieldSpec* typeField = candidate->field("type");
        if (!candidate->typed || !typeField || !typeField->required) {
          checkComponent(value, *candidate);
          return;
        }
      }
      if (typeIt == value.end()) {
        report(Severity::Error, "'" + std::string(fieldName) + "' needs a 'type' (one of " + joinQuoted(accepted) + ")",
               std::string(accepted.front()));
      } else {
        Scope scope(path_, "type");
        report(Severity::Error, "'type' must be a string naming a component, like " + joinQuoted(accepted, 3));
      }
      return;
    }
    const std::string& type = typeIt->get_ref<const std::string&>();
    const ComponentSpec* spec = catalog_.find(type);
    if (!spec) {
      if (value.contains("class_name")) {
        reportCustom(value, type);
        return;
      }
      Scope scope(path_, "type");
      std::string message = "unknown component type '" + type + "'";
      std::string suggestion;
      auto best = closestMatch(type, accepted);
      if (!best) best = closestMatch(type, catalog_.typeNames());
      if (best) {
        suggestion = *best;
        message += "; did you mean '" + *best + "'?";
      } else {
        message += " (expected one of " + joinQuoted(accepted) + ")";
      }
      report(Severity::Error, std::move(message), std::move(suggestion));
      return;
    }
    if (std::find(accepted.begin(), accepted.end(), spec->type) == accepted.end()) {
      if (value.contains("class_name")) {
        reportCustom(value, type);
        return;
      }
      Scope scope(path_, "type");
      report(Severity::Error, "a " + type + " cannot be used for '" + std::string(fieldName) + "' (expected one of " +
                                  joinQuoted(accepted) + ")",
             std::string(accepted.front()));
      return;
    }
    checkComponent(value, *spec);
  }

  void checkTemplates(const Json& value) {
    if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      if (!mayContainTemplate(text)) return;
      if (auto error = interpolation::checkSyntax(text)) {
        report(Severity::Error, "template does not parse at character " + std::to_string(error->offset + 1) + ": " +
                                    error->message);
      }
      return;
    }
    if (value.is_object()) {
      for (const auto& [key, child] : value.items()) {
        Scope scope(path_, key);
        checkTemplates(child);
      }
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        Scope scope(path_, i);
        checkTemplates(value[i]);
      }
    }
  }

  const Resolver& resolver_;
  const ComponentCatalog& catalog_;
  std::string path_;
  Diagnostics diagnostics_;
};

}  // namespace

Validator::Validator(const Resolver& resolver, const ComponentCatalog& catalog) : resolver_(resolver), catalog_(catalog) {}

Diagnostics Validator::validate(const Json& resolvedRoot) const {
  if (!resolvedRoot.is_object()) return {};
  return Walk(resolver_, catalog_).run(resolvedRoot);
}

}  // namespace manifold::manifest
