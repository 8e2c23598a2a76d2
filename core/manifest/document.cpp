// YAML → JSON through yaml-cpp's event parser, recording positions as nodes are built.
#include "core/manifest/document.h"

#include "core/manifest/json_pointer.h"
#include "core/manifest/yaml_scalar.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace manifold::manifest {
namespace {

SourcePosition toPosition(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  return {mark.line + 1, mark.column + 1};
}

std::string describeKind(const Json& value) {
  if (value.is_array()) return "a list";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  if (value.is_null()) return "nothing (null)";
  return "a mapping";
}

// Thrown inside the builder when the document cannot be turned into JSON.
struct BuildError : std::runtime_error {
  BuildError(const std::string& message, SourcePosition where)
      : std::runtime_error(message), position(where) {}
  SourcePosition position;
};

std::size_t countNodes(const Json& value) {
  std::size_t n = 1;
  if (value.is_structured()) {
    for (const auto& child : value) n += countNodes(child);
  }
  return n;
}

class JsonBuilder final : public YAML::EventHandler {
 public:
  JsonBuilder(SourceMap& map, Diagnostics& diagnostics, const DocumentLimits& limits)
      : map_(map), diagnostics_(diagnostics), limits_(limits) {}

  Json takeRoot() { return std::move(root_); }
  bool hasRoot() const { return hasRoot_; }
  SourcePosition documentStart() const { return documentStart_; }

  void OnDocumentStart(const YAML::Mark& mark) override { documentStart_ = toPosition(mark); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    ScalarInfo info{std::string(), true, toPosition(mark)};
    if (anchor != YAML::NullAnchor) anchors_[anchor] = Anchor{Json(nullptr), 1};
    complete(Json(nullptr), info);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    const SourcePosition where = toPosition(mark);
    if (it == anchors_.end()) throw BuildError("alias refers to an anchor that is not defined yet", where);
    count(it->second.nodes, where);
    ScalarInfo info{std::string(), false, where};
    if (it->second.value.is_string()) info.text = it->second.value.get<std::string>();
    info.isAlias = true;
    complete(it->second.value, info);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const bool plain = tag == "?";
    Json json = toJson(tag, value, toPosition(mark));
    if (anchor != YAML::NullAnchor) anchors_[anchor] = Anchor{json, 1};
    ScalarInfo info{value, plain, toPosition(mark)};
    complete(std::move(json), info);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(false, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(true, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct ScalarInfo {
    std::string text;
    bool plain = true;
    SourcePosition position;
    bool isAlias = false;
  };

  struct Frame {
    Json value;
    bool isMap = false;
    bool isKey = false;  // a collection used as a mapping key (unsupported)
    std::string pointer;
    YAML::anchor_t anchor = YAML::NullAnchor;
    SourcePosition position;
    // Pending key of a mapping, waiting for its value.
    bool haveKey = false;
    std::string key;
    bool keyPlain = true;
    SourcePosition keyBegin;
    SourcePosition keyEnd;
    // YAML merge keys ("<<: *base") applied when the mapping closes.
    std::vector<Json> merges;
    std::vector<SourcePosition> mergePositions;
  };

  struct Anchor {
    Json value;
    std::size_t nodes = 1;
  };

  void count(std::size_t n, SourcePosition where) {
    nodes_ += n;
    if (nodes_ > limits_.maxNodes) {
      throw BuildError("the document expands to more than " + std::to_string(limits_.maxNodes) +
                           " values through anchors and aliases; refusing to expand it further",
                       where);
    }
  }

  Json toJson(const std::string& tag, const std::string& value, SourcePosition where) {
    if (tag == "?") return resolvePlainScalar(value);
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return Json(value);
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      Json resolved = resolvePlainScalar(value);
      if (resolved.is_string()) throw BuildError("value '" + value + "' does not match its tag " + tag, where);
      return resolved;
    }
    // Unknown application tags: keep the text, like a plain string.
    return Json(value);
  }

  // Where a value that starts now goes: the pointer it will have.
  std::string childPointerForNext() {
    Frame& parent = stack_.back();
    if (parent.isMap) return childPointer(parent.pointer, parent.key);
    return childPointer(parent.pointer, parent.value.size());
  }

  void open(bool isMap, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const SourcePosition where = toPosition(mark);
    count(1, where);
    if (stack_.size() >= kMaxDepth) throw BuildError("the document nests deeper than " + std::to_string(kMaxDepth) + " levels", where);
    Frame frame;
    frame.isMap = isMap;
    frame.value = isMap ? Json::object() : Json::array();
    frame.anchor = anchor;
    frame.position = where;
    if (!stack_.empty()) {
      Frame& parent = stack_.back();
      if (parent.isMap && !parent.haveKey) {
        frame.isKey = true;
      } else {
        frame.pointer = childPointerForNext();
      }
    }
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.isKey) throw BuildError("a mapping key must be a plain value, not a list or mapping", frame.position);
    if (frame.isMap && !frame.merges.empty()) applyMerges(frame);
    if (frame.anchor != YAML::NullAnchor) anchors_[frame.anchor] = Anchor{frame.value, countNodes(frame.value)};
    completeCollection(std::move(frame.value), frame.position);
  }

  // Keys written in the mapping itself win over merged ones; earlier merges win over later.
  void applyMerges(Frame& frame) {
    for (std::size_t i = 0; i < frame.merges.size(); ++i) {
      const Json& merged = frame.merges[i];
      if (!merged.is_object()) {
        throw BuildError("'<<' merges a mapping (or a list of mappings) into this one, not " + describeKind(merged),
                         frame.mergePositions[i]);
      }
      for (auto it = merged.begin(); it != merged.end(); ++it) {
        if (!frame.value.contains(it.key())) frame.value[it.key()] = it.value();
      }
    }
  }

  void completeCollection(Json value, SourcePosition where) {
    if (stack_.empty()) {
      map_.add(std::string(), SourceEntry{where, {}, {}});
      root_ = std::move(value);
      hasRoot_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.isMap) {
      insertIntoMap(parent, std::move(value), where, /*recordPosition=*/true);
    } else {
      map_.add(childPointer(parent.pointer, parent.value.size()), SourceEntry{where, {}, {}});
      parent.value.push_back(std::move(value));
    }
  }

  void complete(Json value, const ScalarInfo& info) {
    if (!info.isAlias) count(1, info.position);
    if (stack_.empty()) {
      map_.add(std::string(), SourceEntry{info.position, {}, {}});
      root_ = std::move(value);
      hasRoot_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.isMap && !parent.haveKey) {
      if (info.isAlias && !value.is_string() && !value.is_null()) {
        throw BuildError("a mapping key must be a plain value, not an alias of a list or mapping", info.position);
      }
      parent.haveKey = true;
      // Keys are text in JSON; a key written as 1 or true keeps its spelling.
      parent.key = info.text;
      parent.keyPlain = info.plain;
      parent.keyBegin = info.position;
      const int width = static_cast<int>(info.text.size()) + (info.plain ? 0 : 2);
      parent.keyEnd = {info.position.line, info.position.column + width};
      return;
    }
    if (parent.isMap) {
      insertIntoMap(parent, std::move(value), info.position, true);
    } else {
      map_.add(childPointer(parent.pointer, parent.value.size()), SourceEntry{info.position, {}, {}});
      parent.value.push_back(std::move(value));
    }
  }

  void insertIntoMap(Frame& parent, Json value, SourcePosition where, bool recordPosition) {
    parent.haveKey = false;
    if (parent.keyPlain && parent.key == "<<") {
      if (value.is_array()) {
        for (auto& item : value) {
          parent.merges.push_back(std::move(item));
          parent.mergePositions.push_back(where);
        }
      } else {
        parent.merges.push_back(std::move(value));
        parent.mergePositions.push_back(where);
      }
      return;
    }
    std::string pointer = childPointer(parent.pointer, parent.key);
    if (const SourceEntry* first = map_.find(pointer); first && parent.value.contains(parent.key)) {
      // PyYAML keeps the last value silently; a duplicate is almost always a mistake, so
      // report it (the later value still wins, as in the reference).
      diagnostics_.push_back(Diagnostic{
          Severity::Error,
          "duplicate key '" + parent.key + "' (first written at line " + std::to_string(first->keyBegin.line) +
              "); the later value replaces the earlier one",
          parent.keyBegin.line, parent.keyBegin.column, pointer, std::string()});
    }
    if (recordPosition) map_.add(pointer, SourceEntry{where, parent.keyBegin, parent.keyEnd});
    parent.value[parent.key] = std::move(value);
  }

  static constexpr std::size_t kMaxDepth = 1000;

  SourceMap& map_;
  Diagnostics& diagnostics_;
  const DocumentLimits& limits_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchor> anchors_;
  Json root_;
  bool hasRoot_ = false;
  std::size_t nodes_ = 0;
  SourcePosition documentStart_;
};

// yaml-cpp's messages name the grammar rule that failed; add what the user most likely did.
std::string explainSyntaxError(const std::string& message, std::string_view text, int line) {
  std::string explained = "YAML syntax error: " + message;
  if (line < 0) return explained;
  // Find the text of the failing line and the one before it: tabs in indentation are the
  // commonest cause of confusing YAML errors.
  std::size_t start = 0;
  for (int i = 0; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  auto lineHasLeadingTab = [&](std::size_t from) {
    for (std::size_t i = from; i < text.size() && text[i] != '\n'; ++i) {
      if (text[i] == '\t') return true;
      if (text[i] != ' ') return false;
    }
    return false;
  };
  if (start != std::string_view::npos && lineHasLeadingTab(start)) {
    explained += " (this line is indented with a tab; YAML indentation must use spaces)";
  }
  return explained;
}

}  // namespace

Document Document::parse(std::string_view text, const DocumentLimits& limits) {
  Document doc;
  // A UTF-8 byte order mark is legal at the start of a YAML stream; drop it so positions
  // count from the first visible character.
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);
  }
  std::istringstream stream{std::string(text)};
  JsonBuilder builder(doc.sourceMap_, doc.diagnostics_, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder) || !builder.hasRoot()) {
      doc.diagnostics_.push_back(Diagnostic{Severity::Error,
          "the manifest is empty: expected a mapping with at least 'version', 'streams' and 'check'", 1, 1,
          std::string(), std::string()});
      return doc;
    }
    Json root = builder.takeRoot();
    SourceMap ignored;
    Diagnostics ignoredDiagnostics;
    JsonBuilder rest(ignored, ignoredDiagnostics, limits);
    if (parser.HandleNextDocument(rest)) {
      const SourcePosition where = rest.documentStart();
      doc.diagnostics_.push_back(Diagnostic{Severity::Error,
          "the file holds more than one YAML document ('---'); a manifest is a single document", where.line,
          where.column, std::string(), std::string()});
    }
    if (!root.is_object()) {
      const SourcePosition where = doc.sourceMap_.locate("");
      doc.diagnostics_.push_back(Diagnostic{Severity::Error,
          "the manifest must be a mapping of keys to values at the top level, but it is " + describeKind(root),
          where.known() ? where.line : 1, where.known() ? where.column : 1, std::string(), std::string()});
      return doc;
    }
    doc.root_ = std::move(root);
  } catch (const BuildError& e) {
    doc.diagnostics_.push_back(Diagnostic{Severity::Error, e.what(), e.position.line, e.position.column,
                                          std::string(), std::string()});
    doc.root_ = Json();
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? -1 : e.mark.line;
    doc.diagnostics_.push_back(Diagnostic{Severity::Error, explainSyntaxError(e.msg, text, line),
                                          e.mark.is_null() ? 1 : e.mark.line + 1,
                                          e.mark.is_null() ? 1 : e.mark.column + 1, std::string(), std::string()});
    doc.root_ = Json();
  } catch (const std::exception& e) {
    doc.diagnostics_.push_back(Diagnostic{Severity::Error, std::string("could not read the YAML: ") + e.what(), 1, 1,
                                          std::string(), std::string()});
    doc.root_ = Json();
  }
  return doc;
}

}  // namespace manifold::manifest
