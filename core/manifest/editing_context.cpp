// Where the caret is in a manifest being typed: which component, which field, what to offer.
#include "core/manifest/editing_context.h"

#include "core/manifest/parameter_propagation.h"

#include <algorithm>
#include <cctype>

namespace manifold::manifest {

namespace {

// One line of YAML as far as indentation-based navigation needs it.
struct LineShape {
  bool blank = true;      // empty or only a comment
  int indent = 0;         // spaces before the first character (or before "- ")
  bool listItem = false;  // starts with "- "
  int keyIndent = 0;      // column of the key (indent, or indent + 2 after "- ")
  std::string key;        // empty when the line has no "key:"
  std::string value;      // text after "key:", trimmed, comments kept
};

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool isKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '-' || c == '.';
}

std::string stripQuotes(std::string s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

LineShape shapeOf(std::string_view line) {
  LineShape shape;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  shape.indent = static_cast<int>(i);
  if (i >= line.size() || line[i] == '#') return shape;
  shape.blank = false;
  shape.keyIndent = shape.indent;
  if (line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
    shape.listItem = true;
    ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    shape.keyIndent = static_cast<int>(i);
  }
  std::size_t k = i;
  while (k < line.size() && isKeyChar(line[k])) ++k;
  if (k > i && k < line.size() && line[k] == ':' && (k + 1 == line.size() || line[k + 1] == ' ')) {
    shape.key = std::string(line.substr(i, k - i));
    shape.value = trim(line.substr(k + 1));
  }
  return shape;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view l = text.substr(start, i - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines.push_back(l);
      start = i + 1;
    }
  }
  return lines;
}

// The mapping a line belongs to: its keys, its type, and the line that opens it.
struct Block {
  std::vector<std::string> keys;
  std::string type;
  int parentLine = -1;  // the "field:" line this mapping is the value of; -1 at the root
  bool listItem = false;
};

// Collects the mapping whose keys sit at column `keyIndent` around line `at`.
Block blockAround(const std::vector<LineShape>& shapes, int at, int keyIndent) {
  Block block;
  auto take = [&block](const LineShape& s) {
    if (s.key.empty()) return;
    block.keys.push_back(s.key);
    if (s.key == "type") block.type = stripQuotes(s.value);
  };
  // Upwards to the line that opens the mapping.
  int itemStart = -1;
  for (int i = at; i >= 0; --i) {
    const LineShape& s = shapes[static_cast<std::size_t>(i)];
    if (s.blank) continue;
    if (s.keyIndent == keyIndent && i != at) take(s);
    if (s.listItem && s.keyIndent == keyIndent) {
      itemStart = i;
      break;
    }
    if (s.keyIndent < keyIndent) {
      block.parentLine = i;
      break;
    }
  }
  if (at >= 0 && static_cast<std::size_t>(at) < shapes.size()) take(shapes[static_cast<std::size_t>(at)]);
  // Downwards to the end of the mapping.
  for (std::size_t i = static_cast<std::size_t>(at) + 1; i < shapes.size(); ++i) {
    const LineShape& s = shapes[i];
    if (s.blank) continue;
    if (s.keyIndent < keyIndent || (s.listItem && s.indent < keyIndent)) break;
    if (s.listItem && s.keyIndent == keyIndent) break;  // the next element of the same list
    if (s.keyIndent == keyIndent) take(s);
  }
  if (itemStart >= 0) {
    block.listItem = true;
    const int dashIndent = shapes[static_cast<std::size_t>(itemStart)].indent;
    for (int i = itemStart - 1; i >= 0; --i) {
      const LineShape& s = shapes[static_cast<std::size_t>(i)];
      if (s.blank) continue;
      if (s.listItem && s.indent == dashIndent) continue;  // an earlier element
      if (s.indent < dashIndent || (s.indent == dashIndent && !s.key.empty() && !s.listItem)) {
        block.parentLine = i;
        break;
      }
    }
  }
  return block;
}

// The component type of the mapping containing line `at` whose keys sit at `keyIndent`.
// Returns the written type, else the reference's default for its place.
std::string typeOfBlock(const std::vector<LineShape>& shapes, const Block& block,
                        std::string* parentType, std::string* parentField, int depth = 0) {
  if (block.parentLine < 0) {
    if (parentType) parentType->clear();
    if (parentField) parentField->clear();
    return block.type.empty() ? "DeclarativeSource" : block.type;
  }
  const LineShape& parent = shapes[static_cast<std::size_t>(block.parentLine)];
  std::string grandType;
  if (depth < 64) {
    const Block outer = blockAround(shapes, block.parentLine, parent.keyIndent);
    grandType = typeOfBlock(shapes, outer, nullptr, nullptr, depth + 1);
  }
  if (parentType) *parentType = grandType;
  if (parentField) *parentField = parent.key;
  if (!block.type.empty()) return block.type;
  if (auto d = defaultComponentType(grandType, parent.key)) return std::string(*d);
  return {};
}

}  // namespace

EditingContext editingContextAt(std::string_view text, int line, int column) {
  const auto lines = splitLines(text);
  std::vector<LineShape> shapes;
  shapes.reserve(lines.size());
  for (auto l : lines) shapes.push_back(shapeOf(l));
  EditingContext ctx;
  if (line < 0 || static_cast<std::size_t>(line) >= lines.size()) return ctx;
  const std::string_view current = lines[static_cast<std::size_t>(line)];
  const int col = std::clamp(column, 0, static_cast<int>(current.size()));

  // The partial word before the caret.
  int start = col;
  while (start > 0 && isKeyChar(current[static_cast<std::size_t>(start - 1)])) --start;
  ctx.prefix = std::string(current.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(col - start)));

  LineShape shape = shapes[static_cast<std::size_t>(line)];
  const std::size_t colon = current.find(": ");
  const bool afterColon =
      !shape.key.empty() && colon != std::string_view::npos && static_cast<int>(colon) < col;
  int keyIndent = shape.keyIndent;
  if (shape.blank) {
    // An empty line: the caret's column says which mapping the new key joins.
    keyIndent = col;
    shapes[static_cast<std::size_t>(line)].blank = false;
    shapes[static_cast<std::size_t>(line)].keyIndent = keyIndent;
  }
  if (afterColon) {
    ctx.slot = EditingContext::Slot::Value;
    ctx.key = shape.key;
    // The partial value may contain characters that are not key characters.
    ctx.prefix = stripQuotes(trim(current.substr(colon + 2, static_cast<std::size_t>(col) - colon - 2)));
  }

  const Block block = blockAround(shapes, line, keyIndent);
  ctx.listItem = block.listItem;
  ctx.componentType = typeOfBlock(shapes, block, &ctx.parentType, &ctx.parentField);
  for (const auto& k : block.keys) {
    // A key being edited in place is offered again, so it is no sibling.
    if (ctx.slot == EditingContext::Slot::Key && k == shape.key) continue;
    ctx.siblingKeys.push_back(k);
  }
  return ctx;
}

std::vector<Completion> completionsFor(const EditingContext& ctx, const ComponentCatalog& catalog) {
  std::vector<Completion> out;
  auto matches = [&ctx](std::string_view candidate) {
    if (ctx.prefix.empty()) return true;
    std::string a(candidate);
    std::string b = ctx.prefix;
    std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return std::tolower(c); });
    std::transform(b.begin(), b.end(), b.begin(), [](unsigned char c) { return std::tolower(c); });
    return a.find(b) != std::string::npos;
  };

  if (ctx.slot == EditingContext::Slot::Value) {
    if (ctx.key == "type") {
      // The types the holding field accepts; at an unknown place every typed component.
      std::vector<std::string_view> allowed;
      if (const ComponentSpec* parent = catalog.find(ctx.parentType)) {
        if (const FieldSpec* f = parent->field(ctx.parentField)) {
          allowed = ctx.listItem && !f->itemComponentTypes.empty() ? f->itemComponentTypes : f->componentTypes;
          if (allowed.empty()) allowed = f->itemComponentTypes;
        }
      }
      if (ctx.parentField.empty()) allowed = {"DeclarativeSource"};
      if (allowed.empty()) allowed = catalog.typeNames();
      for (std::string_view t : allowed) {
        if (!matches(t)) continue;
        const ComponentSpec* spec = catalog.find(t);
        out.push_back({std::string(t), spec ? std::string(spec->description) : std::string(),
                       Completion::Kind::ComponentType});
      }
      return out;
    }
    if (const ComponentSpec* spec = catalog.find(ctx.componentType)) {
      if (const FieldSpec* f = spec->field(ctx.key)) {
        for (std::string_view v : f->enumValues) {
          if (matches(v)) out.push_back({std::string(v), std::string(f->description), Completion::Kind::EnumValue});
        }
      }
    }
    return out;
  }

  const ComponentSpec* spec = catalog.find(ctx.componentType);
  if (!spec) {
    if (matches("type")) out.push_back({"type", "The component type.", Completion::Kind::Field});
    return out;
  }
  for (const FieldSpec& f : spec->fields) {
    if (!matches(f.name)) continue;
    if (std::find(ctx.siblingKeys.begin(), ctx.siblingKeys.end(), f.name) != ctx.siblingKeys.end()) continue;
    out.push_back({std::string(f.name), std::string(f.description), Completion::Kind::Field});
  }
  // Required fields first, then the order the catalog gives (the format's own order).
  std::stable_partition(out.begin(), out.end(), [spec](const Completion& c) {
    const FieldSpec* f = spec->field(c.text);
    return f && f->required;
  });
  return out;
}

std::optional<std::string> hoverTextAt(std::string_view text, int line, int column,
                                       const ComponentCatalog& catalog) {
  const auto lines = splitLines(text);
  if (line < 0 || static_cast<std::size_t>(line) >= lines.size()) return std::nullopt;
  const std::string_view current = lines[static_cast<std::size_t>(line)];
  int b = std::clamp(column, 0, static_cast<int>(current.size()));
  int e = b;
  while (b > 0 && isKeyChar(current[static_cast<std::size_t>(b - 1)])) --b;
  while (e < static_cast<int>(current.size()) && isKeyChar(current[static_cast<std::size_t>(e)])) ++e;
  if (e <= b) return std::nullopt;
  const std::string word(current.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));

  const LineShape shape = shapeOf(current);
  const bool isKey = !shape.key.empty() && b == shape.keyIndent;
  if (!isKey) {
    if (const ComponentSpec* spec = catalog.find(word)) {
      return std::string(spec->type) + " — " + std::string(spec->description);
    }
    return std::nullopt;
  }
  const EditingContext ctx = editingContextAt(text, line, shape.keyIndent);
  const ComponentSpec* spec = catalog.find(ctx.componentType);
  if (!spec) return std::nullopt;
  const FieldSpec* f = spec->field(word);
  if (!f) return std::nullopt;
  std::string doc = std::string(spec->type) + "." + std::string(f->name) + (f->required ? " (required)" : "") +
                    " — " + std::string(f->description);
  if (!f->defaultValue.empty()) doc += " Default: " + std::string(f->defaultValue) + ".";
  if (!f->enumValues.empty()) {
    doc += " One of:";
    for (auto v : f->enumValues) doc += " " + std::string(v);
    doc += ".";
  }
  if (f->interpolated) doc += " Accepts {{ }} templates.";
  return doc;
}

}  // namespace manifold::manifest
