// Completion inside a {{ … }} template: the variables the field receives, macros, filters, config keys.
#include "core/manifest/template_completion.h"

#include "core/interpolation/builtin_docs.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace manifold::manifest {

namespace {

using interpolation::BuiltinDoc;

// The keys of the objects the reference engine hands to templates under these names.
struct KnownAttribute {
  std::string_view root;
  std::string_view name;
  std::string_view doc;
};
constexpr std::array kAttributes{
    KnownAttribute{"stream_interval", "start_time", "Start of the current date-time window"},
    KnownAttribute{"stream_interval", "end_time", "End of the current date-time window"},
    KnownAttribute{"stream_slice", "start_time", "Start of the current date-time window"},
    KnownAttribute{"stream_slice", "end_time", "End of the current date-time window"},
    KnownAttribute{"stream_partition", "parent_slice", "The parent stream's slice (substreams)"},
    KnownAttribute{"next_page_token", "next_page_token", "The token the paginator computed"},
};

// Words after which an operand starts again.
constexpr std::array<std::string_view, 7> kKeywords{"and", "or", "not", "in", "is", "if", "else"};

struct Token {
  enum class Kind { Ident, String, Number, Punct } kind = Kind::Punct;
  std::string text;  // identifier, number, punctuation; a string's contents without quotes
  char quote = 0;
  bool closed = true;  // strings: the closing quote was seen
};

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::vector<Token> tokenize(std::string_view s, bool* spaceAtEnd) {
  std::vector<Token> out;
  std::size_t i = 0;
  *spaceAtEnd = false;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      *spaceAtEnd = true;
      continue;
    }
    *spaceAtEnd = false;
    Token t;
    if (isIdentStart(c)) {
      const std::size_t b = i;
      while (i < s.size() && isIdentChar(s[i])) ++i;
      t = {Token::Kind::Ident, std::string(s.substr(b, i - b))};
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      const std::size_t b = i;
      while (i < s.size() && (isIdentChar(s[i]) || s[i] == '.')) ++i;
      t = {Token::Kind::Number, std::string(s.substr(b, i - b))};
    } else if (c == '\'' || c == '"') {
      t.kind = Token::Kind::String;
      t.quote = c;
      t.closed = false;
      for (++i; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          t.text += s[++i];
        } else if (s[i] == c) {
          t.closed = true;
          ++i;
          break;
        } else {
          t.text += s[i];
        }
      }
    } else {
      t = {Token::Kind::Punct, std::string(1, c)};
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool isPunct(const std::vector<Token>& toks, std::ptrdiff_t at, char c) {
  return at >= 0 && at < static_cast<std::ptrdiff_t>(toks.size()) && toks[static_cast<std::size_t>(at)].kind == Token::Kind::Punct &&
         toks[static_cast<std::size_t>(at)].text[0] == c;
}

// Reads `root['a'].b` backwards from toks[last] into caret.root and caret.path.
bool readChain(const std::vector<Token>& toks, std::ptrdiff_t last, TemplateCaret& caret) {
  std::vector<std::string> reversed;
  std::ptrdiff_t k = last;
  while (k >= 0) {
    const Token& t = toks[static_cast<std::size_t>(k)];
    if (t.kind == Token::Kind::Ident) {
      if (isPunct(toks, k - 1, '.')) {
        reversed.push_back(t.text);
        k -= 2;
        continue;
      }
      caret.root = t.text;
      caret.path.assign(reversed.rbegin(), reversed.rend());
      return true;
    }
    if (isPunct(toks, k, ']') && k >= 2 && toks[static_cast<std::size_t>(k - 1)].kind == Token::Kind::String &&
        isPunct(toks, k - 2, '[')) {
      reversed.push_back(toks[static_cast<std::size_t>(k - 1)].text);
      k -= 3;
      continue;
    }
    return false;
  }
  return false;
}

// The start of the template expression the caret is in, or npos outside one.
std::size_t expressionStart(std::string_view before) {
  const std::size_t open = std::max(before.rfind("{{") == std::string_view::npos ? 0 : before.rfind("{{") + 1,
                                    before.rfind("{%") == std::string_view::npos ? 0 : before.rfind("{%") + 1);
  if (open == 0) return std::string_view::npos;
  const std::size_t start = open + 1;  // past the two-character opening
  const std::string_view inside = before.substr(start);
  if (inside.find("}}") != std::string_view::npos || inside.find("%}") != std::string_view::npos) {
    return std::string_view::npos;
  }
  return start;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Keeps what contains the prefix (case-insensitively), those starting with it first.
void filterByPrefix(std::vector<Completion>& items, std::string_view prefix) {
  if (prefix.empty()) return;
  const std::string p = lower(prefix);
  std::erase_if(items, [&p](const Completion& c) { return lower(c.text).find(p) == std::string::npos; });
  std::stable_partition(items.begin(), items.end(), [&p](const Completion& c) { return lower(c.text).starts_with(p); });
}

const BuiltinDoc* variableDoc(std::string_view name) {
  for (const auto& table : {interpolation::templateVariables(), interpolation::fieldOnlyVariables()}) {
    for (const BuiltinDoc& d : table) {
      if (d.name == name) return &d;
    }
  }
  return nullptr;
}

void addVariables(std::vector<Completion>& out, const FieldSpec* field) {
  std::vector<std::string_view> names;
  if (field != nullptr && !field->interpolationContext.empty()) {
    names = field->interpolationContext;
    for (std::string_view always : {std::string_view("config"), std::string_view("parameters")}) {
      if (std::find(names.begin(), names.end(), always) == names.end()) names.push_back(always);
    }
  } else {
    for (const BuiltinDoc& d : interpolation::templateVariables()) names.push_back(d.name);
  }
  for (std::string_view name : names) {
    const BuiltinDoc* doc = variableDoc(name);
    out.push_back({std::string(name), doc ? std::string(doc->doc) : std::string(), Completion::Kind::Variable});
  }
}

void addMacros(std::vector<Completion>& out) {
  for (const BuiltinDoc& d : interpolation::templateMacros()) {
    const bool noArguments = d.signature.ends_with("()");
    out.push_back({std::string(d.name), std::string(d.signature) + " — " + std::string(d.doc), Completion::Kind::Macro,
                   noArguments ? "()" : "("});
  }
}

void addFilters(std::vector<Completion>& out) {
  for (const BuiltinDoc& d : interpolation::templateFilters()) {
    // An argument without a default has to be written: open the parenthesis for it.
    const std::size_t paren = d.signature.find('(');
    const std::size_t comma = d.signature.find_first_of(",)", paren);
    const bool needsArgument = paren != std::string_view::npos &&
                               d.signature.substr(paren, comma - paren).find('=') == std::string_view::npos;
    out.push_back({std::string(d.name), std::string(d.signature) + " — " + std::string(d.doc), Completion::Kind::Filter,
                   needsArgument ? "(" : ""});
  }
}

using Json = nlohmann::ordered_json;

// The schemas an object schema's properties come from: itself and its oneOf/anyOf choices.
std::vector<const Json*> alternativesOf(const Json& schema) {
  std::vector<const Json*> out;
  if (!schema.is_object()) return out;
  out.push_back(&schema);
  for (const char* key : {"oneOf", "anyOf"}) {
    if (auto it = schema.find(key); it != schema.end() && it->is_array()) {
      for (const Json& choice : *it) {
        if (choice.is_object()) out.push_back(&choice);
      }
    }
  }
  return out;
}

const Json* propertyOf(const Json& schema, const std::string& key) {
  for (const Json* s : alternativesOf(schema)) {
    if (auto props = s->find("properties"); props != s->end() && props->is_object()) {
      if (auto it = props->find(key); it != props->end()) return &*it;
    }
  }
  return nullptr;
}

std::string describeProperty(const Json& property) {
  std::string text;
  if (property.is_object()) {
    text = property.value("title", std::string());
    if (text.empty()) text = property.value("description", std::string());
    std::string kind = property.contains("type") && property["type"].is_string() ? property["type"].get<std::string>()
                                                                                 : std::string();
    if (property.value("airbyte_secret", false)) kind += kind.empty() ? "secret" : ", secret";
    if (!kind.empty()) text += text.empty() ? kind : " (" + kind + ")";
  }
  if (const auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}

void addConfigKeys(std::vector<Completion>& out, const TemplateCaret& caret, const Json& spec) {
  const Json* node = &spec;
  for (const std::string& key : caret.path) {
    node = propertyOf(*node, key);
    if (node == nullptr) return;
  }
  std::vector<std::string> seen;
  for (const Json* s : alternativesOf(*node)) {
    auto props = s->find("properties");
    if (props == s->end() || !props->is_object()) continue;
    for (auto it = props->begin(); it != props->end(); ++it) {
      if (std::find(seen.begin(), seen.end(), it.key()) != seen.end()) continue;
      seen.push_back(it.key());
      out.push_back({it.key(), describeProperty(it.value()), Completion::Kind::ConfigKey, caret.closing});
    }
  }
}

}  // namespace

std::optional<TemplateCaret> templateCaretAt(std::string_view line, int column) {
  const std::size_t col = std::min(static_cast<std::size_t>(std::max(column, 0)), line.size());
  const std::size_t start = expressionStart(line.substr(0, col));
  if (start == std::string_view::npos) return std::nullopt;
  bool space = false;
  const std::vector<Token> toks = tokenize(line.substr(start, col - start), &space);
  TemplateCaret caret;
  if (toks.empty()) return caret;
  const auto last = static_cast<std::ptrdiff_t>(toks.size()) - 1;
  const Token& t = toks.back();

  if (t.kind == Token::Kind::String) {
    // Only a key being typed inside `config[…]` is worth completing.
    if (t.closed || !isPunct(toks, last - 1, '[') || !readChain(toks, last - 2, caret) || caret.root != "config") {
      return std::nullopt;
    }
    caret.want = TemplateCaret::Want::ConfigKey;
    caret.prefix = t.text;
    const std::string_view after = line.substr(col);
    if (after.empty() || after.front() != t.quote) caret.closing = std::string(1, t.quote) + "]";
    return caret;
  }
  if (t.kind == Token::Kind::Ident && !space) {
    caret.prefix = t.text;
    if (isPunct(toks, last - 1, '|')) {
      caret.want = TemplateCaret::Want::Filter;
    } else if (isPunct(toks, last - 1, '.')) {
      if (!readChain(toks, last - 2, caret)) return std::nullopt;
      caret.want = caret.root == "config" ? TemplateCaret::Want::ConfigKey : TemplateCaret::Want::Attribute;
    }
    return caret;
  }
  if (t.kind == Token::Kind::Ident) {
    if (std::find(kKeywords.begin(), kKeywords.end(), t.text) == kKeywords.end()) return std::nullopt;
    return caret;
  }
  if (t.kind != Token::Kind::Punct) return std::nullopt;
  switch (t.text[0]) {
    case '|':
      caret.want = TemplateCaret::Want::Filter;
      return caret;
    case '.':
      if (!readChain(toks, last - 1, caret)) return std::nullopt;
      caret.want = caret.root == "config" ? TemplateCaret::Want::ConfigKey : TemplateCaret::Want::Attribute;
      return caret;
    case ')':
    case ']':
    case '}':
    case '[':  // `config[` wants a quote first; typing it opens the key list
      return std::nullopt;
    default:
      return caret;  // an operator, an opening parenthesis or a comma: an operand comes next
  }
}

const FieldSpec* templateFieldOf(const EditingContext& context, const ComponentCatalog& catalog) {
  const ComponentSpec* own = catalog.find(context.componentType);
  if (own != nullptr && context.slot == EditingContext::Slot::Value) return own->field(context.key);
  if (const ComponentSpec* parent = catalog.find(context.parentType)) return parent->field(context.parentField);
  return nullptr;
}

std::vector<Completion> templateCompletions(const TemplateCaret& caret, const FieldSpec* field,
                                            const nlohmann::ordered_json& connectionSpecification) {
  std::vector<Completion> out;
  switch (caret.want) {
    case TemplateCaret::Want::Name:
      addVariables(out, field);
      addMacros(out);
      break;
    case TemplateCaret::Want::Filter:
      addFilters(out);
      break;
    case TemplateCaret::Want::ConfigKey:
      addConfigKeys(out, caret, connectionSpecification);
      break;
    case TemplateCaret::Want::Attribute:
      if (!caret.path.empty()) break;
      for (const KnownAttribute& a : kAttributes) {
        if (a.root == caret.root) out.push_back({std::string(a.name), std::string(a.doc), Completion::Kind::Variable});
      }
      break;
  }
  filterByPrefix(out, caret.prefix);
  return out;
}

std::optional<std::string> templateHoverAt(std::string_view line, int column) {
  auto b = std::min(static_cast<std::size_t>(std::max(column, 0)), line.size());
  auto e = b;
  while (b > 0 && isIdentChar(line[b - 1])) --b;
  while (e < line.size() && isIdentChar(line[e])) ++e;
  if (e == b || expressionStart(line.substr(0, e)) == std::string_view::npos) return std::nullopt;
  const std::string_view word = line.substr(b, e - b);
  std::size_t before = b;
  while (before > 0 && line[before - 1] == ' ') --before;
  const bool afterPipe = before > 0 && line[before - 1] == '|';
  const bool afterDot = before > 0 && line[before - 1] == '.';
  if (afterDot) return std::nullopt;  // a key of some value, not a name of the template language
  const auto describe = [](const BuiltinDoc& d) { return std::string(d.signature) + " — " + std::string(d.doc); };
  if (afterPipe) {
    for (const BuiltinDoc& d : interpolation::templateFilters()) {
      if (d.name == word) return "Filter " + describe(d);
    }
    return std::nullopt;
  }
  for (const BuiltinDoc& d : interpolation::templateMacros()) {
    if (d.name == word) return "Macro " + describe(d);
  }
  if (const BuiltinDoc* d = variableDoc(word)) return "Variable " + std::string(d->name) + " — " + std::string(d->doc);
  return std::nullopt;
}

}  // namespace manifold::manifest
