// Template compilation, the reference's undeclared-variable analysis, rendering and the cache.
#include "core/interpolation/template.h"

#include "core/interpolation/builtins.h"
#include "core/interpolation/evaluator.h"
#include "core/interpolation/parser.h"

#include <algorithm>

namespace manifold::interpolation {
namespace {

// Jinja's meta.find_undeclared_variables: names loaded where no assignment precedes them.
class NameAnalysis {
 public:
  std::vector<std::string> run(const NodeList& nodes) {
    walk(nodes);
    return std::move(required_);
  }

 private:
  bool declared(const std::string& name) const {
    return std::find(declared_.begin(), declared_.end(), name) != declared_.end();
  }

  void load(const std::string& name) {
    if (declared(name) || isGlobalFunction(name)) return;
    if (std::find(required_.begin(), required_.end(), name) == required_.end()) required_.push_back(name);
  }

  void expr(const Expr* e) {
    if (!e) return;
    if (e->kind == ExprKind::Name) load(e->name);
    for (const auto& child : e->children) expr(child.get());
    for (const auto& [key, value] : e->keywords) expr(value.get());
  }

  void walk(const NodeList& nodes) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case NodeKind::Text: break;
        case NodeKind::Output: expr(node.expr.get()); break;
        case NodeKind::If:
          for (const IfBranch& branch : node.branches) {
            expr(branch.condition.get());
            walk(branch.body);
          }
          walk(node.elseBody);
          break;
        case NodeKind::For: {
          expr(node.expr.get());
          const std::size_t mark = declared_.size();
          for (const auto& target : node.targets) declared_.push_back(target);
          declared_.push_back("loop");
          expr(node.filter.get());
          walk(node.body);
          declared_.resize(mark);
          walk(node.elseBody);
          break;
        }
        case NodeKind::Set:
          expr(node.expr.get());
          for (const auto& target : node.targets) declared_.push_back(target);
          break;
        case NodeKind::SetBlock:
          walk(node.body);
          for (const auto& target : node.targets) declared_.push_back(target);
          break;
      }
    }
  }

  std::vector<std::string> declared_;
  std::vector<std::string> required_;
};

}  // namespace

Result<std::shared_ptr<const Template>> Template::compile(std::string_view source) {
  auto compiled = std::make_shared<Template>();
  compiled->source_ = std::string(source);
  try {
    compiled->nodes_ = parseTemplate(source);
  } catch (const EvalException& e) {
    return e.error();
  }
  compiled->requiredNames_ = NameAnalysis().run(compiled->nodes_);
  if (std::all_of(compiled->nodes_.begin(), compiled->nodes_.end(),
                  [](const Node& node) { return node.kind == NodeKind::Text; })) {
    compiled->plainText_ = true;
    for (const Node& node : compiled->nodes_) compiled->plainTextValue_ += node.text;
  }
  return std::shared_ptr<const Template>(std::move(compiled));
}

const std::string* Template::missingName(const Context& context) const {
  for (const std::string& name : requiredNames_) {
    if (!context.contains(name)) return &name;
  }
  return nullptr;
}

std::string Template::renderOrThrow(const Context& context, const RenderOptions& options) const {
  if (plainText_) return plainTextValue_;
  try {
    return renderNodes(nodes_, context, options);
  } catch (EvalException& e) {
    if (e.error().offset == kNoOffset) e.error().offset = 0;
    throw;
  }
}

Result<std::string> Template::render(const Context& context, const RenderOptions& options) const {
  try {
    return renderOrThrow(context, options);
  } catch (const EvalException& e) {
    return e.error();
  } catch (const std::exception& e) {
    return Error{ErrorKind::Value, e.what(), 0};
  }
}

Result<TemplatePtr> TemplateCache::get(std::string_view source) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(source); it != entries_.end()) return it->second;
  }
  auto compiled = Template::compile(source);
  if (!compiled) return compiled.error();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.emplace(std::string(source), compiled.value());
  return compiled.value();
}

std::size_t TemplateCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

TemplateCache& TemplateCache::shared() {
  static TemplateCache cache;
  return cache;
}

}  // namespace manifold::interpolation
