// The tree-walking evaluator: statements (text, output, if, for, set), expressions, name
// resolution (template locals, then the context, then globals) and error positions.
#include "core/interpolation/evaluator.h"

#include "core/interpolation/builtins.h"
#include "core/interpolation/methods.h"
#include "core/interpolation/operators.h"
#include "core/interpolation/python_format.h"

namespace manifold::interpolation {
namespace {

class Evaluator {
 public:
  Evaluator(const Context& context, const RenderOptions& options) : context_(context), runtime_(options) {}

  std::string run(const NodeList& nodes) {
    std::string out;
    renderBody(nodes, out);
    return out;
  }

 private:
  struct DepthGuard {
    DepthGuard(Evaluator& evaluator, std::size_t offset) : evaluator_(evaluator) {
      if (++evaluator_.depth_ > evaluator_.runtime_.limits().maxDepth) {
        throw EvalException(ErrorKind::Limit, "template evaluation is nested too deeply", offset);
      }
    }
    ~DepthGuard() { --evaluator_.depth_; }
    Evaluator& evaluator_;
  };

  // Errors raised by builtins carry no position; give them the position of the call site.
  template <typename F>
  auto at(std::size_t offset, F&& body) -> decltype(body()) {
    try {
      return body();
    } catch (EvalException& e) {
      if (e.error().offset == kNoOffset) e.error().offset = offset;
      throw;
    }
  }

  void append(std::string& out, std::string_view text) {
    runtime_.checkSize(out.size() + text.size());
    out += text;
  }

  void renderBody(const NodeList& nodes, std::string& out) {
    for (const Node& node : nodes) renderNode(node, out);
  }

  void renderNode(const Node& node, std::string& out) {
    DepthGuard guard(*this, node.offset);
    switch (node.kind) {
      case NodeKind::Text: append(out, node.text); break;
      case NodeKind::Output: {
        const Value value = eval(*node.expr);
        if (value.isString()) {
          append(out, value.asString());
        } else {
          append(out, toPythonStr(value));
        }
        break;
      }
      case NodeKind::If:
        for (const IfBranch& branch : node.branches) {
          if (eval(*branch.condition).truthy()) {
            renderBody(branch.body, out);
            return;
          }
        }
        renderBody(node.elseBody, out);
        break;
      case NodeKind::For: renderFor(node, out); break;
      case NodeKind::Set: {
        const Value value = eval(*node.expr);
        at(node.offset, [&] { assign(node.targets, value); });
        break;
      }
      case NodeKind::SetBlock: {
        std::string captured;
        renderBody(node.body, captured);
        assign(node.targets, Value(std::move(captured)));
        break;
      }
    }
  }

  void assign(const std::vector<std::string>& targets, const Value& value) {
    if (targets.size() == 1) {
      setLocal(targets.front(), value);
      return;
    }
    const std::vector<Value> parts = iterate(value);
    if (parts.size() < targets.size()) {
      throwValueError("not enough values to unpack (expected " + std::to_string(targets.size()) + ", got " +
                      std::to_string(parts.size()) + ")");
    }
    if (parts.size() > targets.size()) {
      throwValueError("too many values to unpack (expected " + std::to_string(targets.size()) + ")");
    }
    for (std::size_t i = 0; i < targets.size(); ++i) setLocal(targets[i], parts[i]);
  }

  void setLocal(const std::string& name, Value value) {
    for (std::size_t i = locals_.size(); i > scopeStart_; --i) {
      if (locals_[i - 1].first == name) {
        locals_[i - 1].second = std::move(value);
        return;
      }
    }
    locals_.emplace_back(name, std::move(value));
  }

  void renderFor(const Node& node, std::string& out) {
    const Value iterable = eval(*node.expr);
    std::vector<Value> items = at(node.expr->offset, [&] { return iterate(iterable); });
    // Variables set inside a loop stay inside it, as in Jinja.
    const std::size_t savedLocals = locals_.size();
    const std::size_t savedScope = scopeStart_;
    scopeStart_ = locals_.size();
    if (node.filter) {
      std::vector<Value> kept;
      for (Value& item : items) {
        at(node.offset, [&] { runtime_.countIteration(); });
        locals_.resize(scopeStart_);
        at(node.offset, [&] { assign(node.targets, item); });
        if (eval(*node.filter).truthy()) kept.push_back(std::move(item));
      }
      items = std::move(kept);
    }
    const std::size_t length = items.size();
    for (std::size_t i = 0; i < length; ++i) {
      at(node.offset, [&] { runtime_.countIteration(); });
      locals_.resize(scopeStart_);
      at(node.offset, [&] { assign(node.targets, items[i]); });
      setLocal("loop", loopValue(i, length, items));
      renderBody(node.body, out);
    }
    locals_.resize(savedLocals);
    scopeStart_ = savedScope;
    if (length == 0) renderBody(node.elseBody, out);
  }

  static Value loopValue(std::size_t i, std::size_t length, const std::vector<Value>& items) {
    DictObject loop;
    const auto n = static_cast<std::int64_t>(length);
    const auto index = static_cast<std::int64_t>(i);
    loop.set(Value("index"), Value(index + 1));
    loop.set(Value("index0"), Value(index));
    loop.set(Value("revindex"), Value(n - index));
    loop.set(Value("revindex0"), Value(n - index - 1));
    loop.set(Value("first"), Value(i == 0));
    loop.set(Value("last"), Value(i + 1 == length));
    loop.set(Value("length"), Value(n));
    loop.set(Value("depth"), Value(1));
    loop.set(Value("depth0"), Value(0));
    loop.set(Value("previtem"), i > 0 ? items[i - 1] : Value::undefined("there is no previous item"));
    loop.set(Value("nextitem"), i + 1 < length ? items[i + 1] : Value::undefined("there is no next item"));
    return Value::dict(std::move(loop));
  }

  Value lookupName(const Expr& expr) {
    for (std::size_t i = locals_.size(); i > 0; --i) {
      if (locals_[i - 1].first == expr.name) return locals_[i - 1].second;
    }
    if (const Value* value = context_.find(expr.name)) return *value;
    if (isGlobalFunction(expr.name)) return Value(FunctionRef{expr.name, nullptr});
    return Value::undefined("'" + expr.name + "' is undefined");
  }

  CallArgs evalArgs(const Expr& expr, std::size_t firstArg) {
    CallArgs args;
    args.positional.reserve(expr.children.size() - firstArg);
    for (std::size_t i = firstArg; i < expr.children.size(); ++i) args.positional.push_back(eval(*expr.children[i]));
    for (const auto& [key, valueExpr] : expr.keywords) args.keywords.emplace_back(key, eval(*valueExpr));
    return args;
  }

  Value call(const Expr& expr) {
    const Value callee = eval(*expr.children[0]);
    CallArgs args = evalArgs(expr, 1);
    return at(expr.offset, [&]() -> Value {
      if (callee.isUndefined()) {
        throwUndefinedError(callee.undefinedReason().empty() ? "value is undefined" : callee.undefinedReason());
      }
      if (callee.kind() != ValueKind::Function) {
        throwTypeError("'" + std::string(pythonTypeName(callee.kind())) + "' object is not callable");
      }
      const FunctionRef& function = callee.asFunction();
      if (function.self) return callMethod(*function.self, function.name, args, runtime_);
      return callGlobalFunction(function.name, args, runtime_);
    });
  }

  Value eval(const Expr& expr) {
    DepthGuard guard(*this, expr.offset);
    switch (expr.kind) {
      case ExprKind::Constant: return expr.constant;
      case ExprKind::Name: return lookupName(expr);
      case ExprKind::GetAttr: {
        const Value object = eval(*expr.children[0]);
        return at(expr.offset, [&] { return getAttr(object, expr.name); });
      }
      case ExprKind::GetItem: {
        const Value object = eval(*expr.children[0]);
        const Value key = eval(*expr.children[1]);
        return at(expr.offset, [&] { return getItem(object, key); });
      }
      case ExprKind::Slice: {
        const Value object = eval(*expr.children[0]);
        auto part = [&](std::size_t i) { return expr.children[i] ? eval(*expr.children[i]) : Value(nullptr); };
        const Value start = part(1);
        const Value stop = part(2);
        const Value step = part(3);
        return at(expr.offset, [&] { return getSlice(object, start, stop, step); });
      }
      case ExprKind::Call: return call(expr);
      case ExprKind::Filter: {
        const Value subject = eval(*expr.children[0]);
        CallArgs args = evalArgs(expr, 1);
        return at(expr.offset, [&] {
          if (!hasFilter(expr.name)) throw EvalException(ErrorKind::Syntax, "no filter named '" + expr.name + "'", kNoOffset);
          return applyFilter(expr.name, subject, args, runtime_);
        });
      }
      case ExprKind::Test: {
        const Value subject = eval(*expr.children[0]);
        CallArgs args = evalArgs(expr, 1);
        return at(expr.offset, [&] {
          if (!hasTest(expr.name)) throw EvalException(ErrorKind::Syntax, "no test named '" + expr.name + "'", kNoOffset);
          return Value(applyTest(expr.name, subject, args, runtime_) != expr.negated);
        });
      }
      case ExprKind::Negate: {
        const Value operand = eval(*expr.children[0]);
        return at(expr.offset, [&] { return applyNegate(operand); });
      }
      case ExprKind::Plus: {
        const Value operand = eval(*expr.children[0]);
        return at(expr.offset, [&] { return applyPlus(operand); });
      }
      case ExprKind::Not: return Value(!eval(*expr.children[0]).truthy());
      case ExprKind::Binary: {
        const Value left = eval(*expr.children[0]);
        const Value right = eval(*expr.children[1]);
        return at(expr.offset, [&] { return applyBinary(expr.binaryOp, left, right, runtime_); });
      }
      case ExprKind::Concat: {
        const Value left = eval(*expr.children[0]);
        const Value right = eval(*expr.children[1]);
        std::string text = left.isString() ? std::string(left.asString()) : toPythonStr(left);
        text += right.isString() ? std::string(right.asString()) : toPythonStr(right);
        at(expr.offset, [&] { runtime_.checkSize(text.size()); });
        return Value(std::move(text));
      }
      case ExprKind::Compare: {
        Value left = eval(*expr.children[0]);
        for (std::size_t i = 0; i < expr.compareOps.size(); ++i) {
          Value right = eval(*expr.children[i + 1]);
          const bool holds = at(expr.offset, [&] { return applyCompare(expr.compareOps[i], left, right); });
          if (!holds) return Value(false);
          left = std::move(right);
        }
        return Value(true);
      }
      case ExprKind::And: {
        Value left = eval(*expr.children[0]);
        return left.truthy() ? eval(*expr.children[1]) : left;
      }
      case ExprKind::Or: {
        Value left = eval(*expr.children[0]);
        return left.truthy() ? left : eval(*expr.children[1]);
      }
      case ExprKind::Conditional:
        if (eval(*expr.children[0]).truthy()) return eval(*expr.children[1]);
        if (expr.children.size() > 2) return eval(*expr.children[2]);
        return Value::undefined("the inline if-expression evaluated to false and no else section was defined");
      case ExprKind::List:
      case ExprKind::Tuple: {
        std::vector<Value> items;
        items.reserve(expr.children.size());
        for (const auto& child : expr.children) items.push_back(eval(*child));
        return expr.kind == ExprKind::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
      }
      case ExprKind::Dict: {
        DictObject dict;
        for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
          Value key = eval(*expr.children[i]);
          if (key.kind() == ValueKind::List || key.kind() == ValueKind::Dict) {
            at(expr.children[i]->offset, [&] { throwTypeError("unhashable type: '" + std::string(pythonTypeName(key.kind())) + "'"); });
          }
          dict.set(std::move(key), eval(*expr.children[i + 1]));
        }
        return Value::dict(std::move(dict));
      }
    }
    return Value();
  }

  const Context& context_;
  Runtime runtime_;
  std::vector<std::pair<std::string, Value>> locals_;
  std::size_t scopeStart_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string renderNodes(const NodeList& nodes, const Context& context, const RenderOptions& options) {
  return Evaluator(context, options).run(nodes);
}

}  // namespace manifold::interpolation
