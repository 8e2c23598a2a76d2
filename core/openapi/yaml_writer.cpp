// The YAML emitter: plain-or-quoted decision through the same scalar rules the manifest loader
// applies, so what is written reads back as the same value.
#include "core/openapi/yaml_writer.h"

#include "core/manifest/json_pointer.h"
#include "core/manifest/yaml_scalar.h"

namespace manifold::openapi {
namespace {

bool plainSafe(const std::string& s) {
  if (s.empty() || s.size() > 200) return false;
  const char first = s.front();
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(first) != std::string_view::npos) {
    // "-x" and ":x" style starts are legal plain scalars only in some cases; keep it simple.
    if (!(first == '-' && s.size() > 1 && s[1] != ' ' && s[1] != '-')) return false;
  }
  if (first == ' ' || s.back() == ' ' || s.back() == ':') return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  const auto back = manifest::resolvePlainScalar(s);
  return back.is_string() && back.get<std::string>() == s;
}

std::string scalar(const Json& value) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    return plainSafe(s) ? s : value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  return value.dump();
}

bool isFlowList(const Json& value) {
  if (!value.is_array() || value.empty() || value.size() > 8) return false;
  std::size_t length = 0;
  for (const auto& item : value) {
    if (item.is_structured()) return false;
    length += scalar(item).size() + 2;
  }
  return length <= 60;
}

std::string flowList(const Json& value) {
  std::string out = "[";
  bool first = true;
  for (const auto& item : value) {
    if (!first) out += ", ";
    first = false;
    const auto text = scalar(item);
    // Inside [...] a plain scalar must not contain flow indicators.
    out += (item.is_string() && text.find_first_of(",[]{}") != std::string::npos && text.front() != '"')
               ? item.dump(-1, ' ', false, Json::error_handler_t::replace)
               : text;
  }
  return out + "]";
}

class Writer {
 public:
  explicit Writer(const YamlComments& comments) : comments_(comments) {}

  void comment(const std::string& pointer, int indent) {
    auto it = comments_.find(pointer);
    if (it == comments_.end()) return;
    std::size_t start = 0;
    const auto& text = it->second;
    while (start <= text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      out_.append(static_cast<std::size_t>(indent), ' ');
      const auto line = text.substr(start, end - start);
      out_ += line.empty() ? "#" : "# " + line;
      out_ += '\n';
      start = end + 1;
    }
  }

  // Writes what follows "key:" or "- ": an inline scalar, or a newline and a nested block.
  void valueAfterKey(const Json& value, const std::string& pointer, int indent) {
    if (value.is_object() && !value.empty()) {
      out_ += '\n';
      object(value, pointer, indent + 2);
    } else if (value.is_array() && !value.empty() && !isFlowList(value)) {
      out_ += '\n';
      array(value, pointer, indent + 2);
    } else {
      out_ += ' ';
      out_ += inlineValue(value);
      out_ += '\n';
    }
  }

  static std::string inlineValue(const Json& value) {
    if (value.is_object()) return "{}";
    if (value.is_array()) return value.empty() ? "[]" : flowList(value);
    return scalar(value);
  }

  void object(const Json& value, const std::string& pointer, int indent, bool firstInline = false) {
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const auto child = manifest::childPointer(pointer, it.key());
      if (!(first && firstInline)) {
        comment(child, indent);
        out_.append(static_cast<std::size_t>(indent), ' ');
      }
      first = false;
      out_ += scalar(Json(it.key()));
      out_ += ':';
      valueAfterKey(it.value(), child, indent);
    }
  }

  void array(const Json& value, const std::string& pointer, int indent) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto child = manifest::childPointer(pointer, i);
      comment(child, indent);
      out_.append(static_cast<std::size_t>(indent), ' ');
      out_ += "- ";
      const Json& item = value[i];
      if (item.is_object() && !item.empty()) {
        object(item, child, indent + 2, true);
      } else if (item.is_array() && !item.empty() && !isFlowList(item)) {
        out_ += '\n';
        array(item, child, indent + 2);
      } else {
        out_ += inlineValue(item);
        out_ += '\n';
      }
    }
  }

  std::string take() { return std::move(out_); }

 private:
  const YamlComments& comments_;
  std::string out_;
};

}  // namespace

std::string writeYaml(const Json& value, const YamlComments& comments) {
  Writer writer(comments);
  writer.comment("", 0);
  if (value.is_object() && !value.empty()) {
    writer.object(value, "", 0);
  } else {
    return writer.take() + Writer::inlineValue(value) + "\n";
  }
  return writer.take();
}

}  // namespace manifold::openapi
