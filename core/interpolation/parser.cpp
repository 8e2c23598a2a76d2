// Recursive-descent parser for Jinja templates, following Jinja's precedence:
// conditional < or < and < not < comparisons < + - < ~ < * / // % < ** < unary < filters/tests < postfix.
#include "core/interpolation/parser.h"

#include "core/interpolation/builtins.h"
#include "core/interpolation/error.h"
#include "core/interpolation/lexer.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <optional>

namespace manifold::interpolation {
namespace {

// Deeply nested input must fail cleanly rather than exhaust the stack.
constexpr int kMaxNesting = 200;
// Bounds the tree size, and so the depth of left-associative chains like 1+1+1+….
constexpr std::size_t kMaxNodes = 10'000;

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::Text: return "template data";
    case TokenKind::VariableBegin: return "'{{'";
    case TokenKind::VariableEnd: return "end of print statement '}}'";
    case TokenKind::BlockBegin: return "'{%'";
    case TokenKind::BlockEnd: return "end of statement block '%}'";
    case TokenKind::Name: return "'" + token.value + "'";
    case TokenKind::String: return "string";
    case TokenKind::Integer:
    case TokenKind::Float: return "number " + token.value;
    case TokenKind::Operator: return "'" + token.value + "'";
    case TokenKind::End: return "end of template";
    case TokenKind::Error: return "invalid input";
  }
  return "token";
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodeList parseAll() {
    NodeList body = parseBody({});
    if (current().kind != TokenKind::End) fail("unexpected " + describe(current()));
    return body;
  }

 private:
  const Token& current() const {
    const Token& token = tokens_[pos_];
    if (token.kind == TokenKind::Error) throw EvalException(ErrorKind::Syntax, token.value, token.offset);
    return token;
  }
  const Token& peek(std::size_t ahead = 1) const {
    const Token& token = tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
    if (token.kind == TokenKind::Error) throw EvalException(ErrorKind::Syntax, token.value, token.offset);
    return token;
  }
  const Token& next() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }

  [[noreturn]] void fail(const std::string& message) const { failAt(message, current().offset); }
  [[noreturn]] void failAt(const std::string& message, std::size_t offset) const {
    throw EvalException(ErrorKind::Syntax, message, offset);
  }

  bool isOperator(std::string_view op) const {
    return current().kind == TokenKind::Operator && current().value == op;
  }
  bool isName(std::string_view name) const {
    return current().kind == TokenKind::Name && current().value == name;
  }
  bool skipOperator(std::string_view op) {
    if (!isOperator(op)) return false;
    ++pos_;
    return true;
  }
  bool skipName(std::string_view name) {
    if (!isName(name)) return false;
    ++pos_;
    return true;
  }
  void expectOperator(std::string_view op) {
    if (!skipOperator(op)) fail("expected '" + std::string(op) + "', got " + describe(current()));
  }
  std::string expectName() {
    if (current().kind != TokenKind::Name) fail("expected a name, got " + describe(current()));
    return next().value;
  }
  void expectBlockEnd() {
    if (current().kind != TokenKind::BlockEnd) {
      fail("expected end of statement block '%}', got " + describe(current()));
    }
    ++pos_;
  }

  struct DepthGuard {
    explicit DepthGuard(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxNesting) parser_.fail("template is nested too deeply");
    }
    ~DepthGuard() { --parser_.depth_; }
    Parser& parser_;
  };

  // ---- statements ----

  // Parses nodes until a block tag whose name is in `endTags` (left unconsumed) or the end.
  NodeList parseBody(std::initializer_list<std::string_view> endTags) {
    DepthGuard guard(*this);
    NodeList body;
    while (true) {
      const Token& token = current();
      if (token.kind == TokenKind::End) {
        if (endTags.size() != 0) {
          failAt("unexpected end of template, expected '" + std::string(*endTags.begin()) + "'", token.offset);
        }
        return body;
      }
      if (token.kind == TokenKind::Text) {
        Node node;
        node.kind = NodeKind::Text;
        node.offset = token.offset;
        node.text = token.value;
        body.push_back(std::move(node));
        ++pos_;
      } else if (token.kind == TokenKind::VariableBegin) {
        Node node;
        node.kind = NodeKind::Output;
        node.offset = token.offset;
        ++pos_;
        node.expr = parseTuple(true);
        if (current().kind != TokenKind::VariableEnd) {
          fail("expected end of print statement '}}', got " + describe(current()));
        }
        ++pos_;
        body.push_back(std::move(node));
      } else if (token.kind == TokenKind::BlockBegin) {
        const Token& tag = peek();
        if (tag.kind != TokenKind::Name) failAt("expected a statement name after '{%'", tag.offset);
        if (std::find(endTags.begin(), endTags.end(), tag.value) != endTags.end()) return body;
        pos_ += 2;
        body.push_back(parseStatement(tag));
      } else {
        fail("unexpected " + describe(token));
      }
    }
  }

  Node parseStatement(const Token& tag) {
    if (tag.value == "if") return parseIf(tag.offset);
    if (tag.value == "for") return parseFor(tag.offset);
    if (tag.value == "set") return parseSet(tag.offset);
    static constexpr std::string_view kEndTags[] = {"endif", "endfor", "endset", "else", "elif", "endraw"};
    for (std::string_view end : kEndTags) {
      if (tag.value == end) failAt("unexpected '" + tag.value + "' without an opening block", tag.offset);
    }
    static constexpr std::string_view kJinjaOnly[] = {"macro", "call", "filter", "with", "block", "extends",
                                                       "include", "import", "from", "autoescape", "do"};
    for (std::string_view known : kJinjaOnly) {
      if (tag.value == known) failAt("the '" + tag.value + "' tag is not available in manifests", tag.offset);
    }
    failAt("encountered unknown tag '" + tag.value + "'", tag.offset);
  }

  Node parseIf(std::size_t offset) {
    Node node;
    node.kind = NodeKind::If;
    node.offset = offset;
    while (true) {
      IfBranch branch;
      branch.condition = parseTuple(true);
      expectBlockEnd();
      branch.body = parseBody({"elif", "else", "endif"});
      node.branches.push_back(std::move(branch));
      ++pos_;  // {%
      const std::string tag = next().value;
      if (tag == "elif") continue;
      if (tag == "else") {
        expectBlockEnd();
        node.elseBody = parseBody({"endif"});
        pos_ += 2;
      }
      expectBlockEnd();
      return node;
    }
  }

  Node parseFor(std::size_t offset) {
    Node node;
    node.kind = NodeKind::For;
    node.offset = offset;
    node.targets.push_back(expectName());
    while (skipOperator(",")) {
      if (isName("in")) break;
      node.targets.push_back(expectName());
    }
    if (!skipName("in")) fail("expected 'in' in for loop, got " + describe(current()));
    node.expr = parseTuple(false);
    if (skipName("if")) node.filter = parseTuple(true);
    if (isName("recursive")) fail("recursive loops are not supported");
    expectBlockEnd();
    node.body = parseBody({"endfor", "else"});
    ++pos_;
    if (next().value == "else") {
      expectBlockEnd();
      node.elseBody = parseBody({"endfor"});
      pos_ += 2;
    }
    expectBlockEnd();
    return node;
  }

  Node parseSet(std::size_t offset) {
    Node node;
    node.offset = offset;
    node.targets.push_back(expectName());
    if (isOperator(".")) fail("namespace attribute assignment is not supported");
    while (skipOperator(",")) {
      if (isOperator("=")) break;
      node.targets.push_back(expectName());
    }
    if (skipOperator("=")) {
      node.kind = NodeKind::Set;
      node.expr = parseTuple(true);
      expectBlockEnd();
      return node;
    }
    if (node.targets.size() != 1) fail("expected '=' in set statement");
    if (isOperator("|")) fail("filtered set blocks are not supported");
    expectBlockEnd();
    node.kind = NodeKind::SetBlock;
    node.body = parseBody({"endset"});
    pos_ += 2;
    expectBlockEnd();
    return node;
  }

  // ---- expressions ----

  ExprPtr make(ExprKind kind, std::size_t offset) {
    if (++nodeCount_ > kMaxNodes) failAt("template is too large (more than 10000 expression nodes)", offset);
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->offset = offset;
    return expr;
  }

  ExprPtr make(ExprKind kind, std::size_t offset, ExprPtr a, ExprPtr b = nullptr) {
    auto expr = make(kind, offset);
    expr->children.push_back(std::move(a));
    if (b) expr->children.push_back(std::move(b));
    return expr;
  }

  bool atExpressionEnd() const {
    const Token& t = current();
    if (t.kind == TokenKind::VariableEnd || t.kind == TokenKind::BlockEnd || t.kind == TokenKind::End) return true;
    if (t.kind == TokenKind::Operator) return t.value == ")" || t.value == "]" || t.value == "}" || t.value == "=";
    return t.kind == TokenKind::Name && t.value == "in";
  }

  // Comma-separated expressions become a tuple (as in `{{ 1, 2 }}` and `{% set a = 1, 2 %}`).
  ExprPtr parseTuple(bool withCondition) {
    const std::size_t offset = current().offset;
    std::vector<ExprPtr> items;
    bool sawComma = false;
    while (true) {
      if (!items.empty()) {
        if (!skipOperator(",")) break;
        sawComma = true;
        if (atExpressionEnd()) break;
      }
      items.push_back(withCondition ? parseExpression() : parseOr());
    }
    if (!sawComma) return std::move(items.front());
    auto tuple = make(ExprKind::Tuple, offset);
    tuple->children = std::move(items);
    return tuple;
  }

  ExprPtr parseExpression() {
    DepthGuard guard(*this);
    ExprPtr expr = parseOr();
    while (isName("if")) {
      const std::size_t offset = current().offset;
      ++pos_;
      auto conditional = make(ExprKind::Conditional, offset);
      conditional->children.push_back(parseOr());
      conditional->children.push_back(std::move(expr));
      if (skipName("else")) conditional->children.push_back(parseExpression());
      expr = std::move(conditional);
    }
    return expr;
  }

  ExprPtr parseOr() {
    ExprPtr left = parseAnd();
    while (isName("or")) {
      const std::size_t offset = next().offset;
      left = make(ExprKind::Or, offset, std::move(left), parseAnd());
    }
    return left;
  }

  ExprPtr parseAnd() {
    ExprPtr left = parseNot();
    while (isName("and")) {
      const std::size_t offset = next().offset;
      left = make(ExprKind::And, offset, std::move(left), parseNot());
    }
    return left;
  }

  ExprPtr parseNot() {
    if (isName("not")) {
      DepthGuard guard(*this);
      const std::size_t offset = next().offset;
      return make(ExprKind::Not, offset, parseNot());
    }
    return parseCompare();
  }

  ExprPtr parseCompare() {
    ExprPtr first = parseMath1();
    ExprPtr compare;
    while (true) {
      std::optional<CompareOp> op;
      const std::size_t offset = current().offset;
      if (current().kind == TokenKind::Operator) {
        const std::string& v = current().value;
        if (v == "==") op = CompareOp::Equal;
        else if (v == "!=") op = CompareOp::NotEqual;
        else if (v == "<") op = CompareOp::Less;
        else if (v == "<=") op = CompareOp::LessEqual;
        else if (v == ">") op = CompareOp::Greater;
        else if (v == ">=") op = CompareOp::GreaterEqual;
        if (op) ++pos_;
      } else if (isName("in")) {
        op = CompareOp::In;
        ++pos_;
      } else if (isName("not") && peek().kind == TokenKind::Name && peek().value == "in") {
        op = CompareOp::NotIn;
        pos_ += 2;
      }
      if (!op) break;
      if (!compare) {
        compare = make(ExprKind::Compare, offset);
        compare->children.push_back(std::move(first));
      }
      compare->compareOps.push_back(*op);
      compare->children.push_back(parseMath1());
    }
    return compare ? std::move(compare) : std::move(first);
  }

  ExprPtr binary(BinaryOp op, std::size_t offset, ExprPtr left, ExprPtr right) {
    auto expr = make(ExprKind::Binary, offset, std::move(left), std::move(right));
    expr->binaryOp = op;
    return expr;
  }

  ExprPtr parseMath1() {
    ExprPtr left = parseConcat();
    while (isOperator("+") || isOperator("-")) {
      const Token& op = next();
      left = binary(op.value == "+" ? BinaryOp::Add : BinaryOp::Subtract, op.offset, std::move(left), parseConcat());
    }
    return left;
  }

  ExprPtr parseConcat() {
    ExprPtr left = parseMath2();
    while (isOperator("~")) {
      const std::size_t offset = next().offset;
      left = make(ExprKind::Concat, offset, std::move(left), parseMath2());
    }
    return left;
  }

  ExprPtr parseMath2() {
    ExprPtr left = parsePow();
    while (isOperator("*") || isOperator("/") || isOperator("//") || isOperator("%")) {
      const Token& op = next();
      const BinaryOp kind = op.value == "*"   ? BinaryOp::Multiply
                            : op.value == "/" ? BinaryOp::Divide
                            : op.value == "//" ? BinaryOp::FloorDivide
                                               : BinaryOp::Modulo;
      left = binary(kind, op.offset, std::move(left), parsePow());
    }
    return left;
  }

  // Jinja's ** is left-associative: 2 ** 3 ** 2 == 64.
  ExprPtr parsePow() {
    ExprPtr left = parseUnary(true);
    while (isOperator("**")) {
      const std::size_t offset = next().offset;
      left = binary(BinaryOp::Power, offset, std::move(left), parseUnary(true));
    }
    return left;
  }

  ExprPtr parseUnary(bool withFilter) {
    DepthGuard guard(*this);
    ExprPtr node;
    const std::size_t offset = current().offset;
    if (skipOperator("-")) {
      node = make(ExprKind::Negate, offset, parseUnary(false));
    } else if (skipOperator("+")) {
      node = make(ExprKind::Plus, offset, parseUnary(false));
    } else {
      node = parsePostfix(parsePrimary());
    }
    if (withFilter) node = parseFilterExpr(std::move(node));
    return node;
  }

  ExprPtr parsePrimary() {
    const Token& token = current();
    switch (token.kind) {
      case TokenKind::Name: {
        ++pos_;
        auto expr = make(ExprKind::Constant, token.offset);
        if (token.value == "true" || token.value == "True") expr->constant = Value(true);
        else if (token.value == "false" || token.value == "False") expr->constant = Value(false);
        else if (token.value == "none" || token.value == "None") expr->constant = Value(nullptr);
        else {
          expr->kind = ExprKind::Name;
          expr->name = token.value;
        }
        return expr;
      }
      case TokenKind::String: {
        ++pos_;
        std::string text = token.value;
        while (current().kind == TokenKind::String) text += next().value;  // "a" "b" == "ab"
        auto expr = make(ExprKind::Constant, token.offset);
        expr->constant = Value(std::move(text));
        return expr;
      }
      case TokenKind::Integer:
      case TokenKind::Float: {
        ++pos_;
        auto expr = make(ExprKind::Constant, token.offset);
        expr->constant = numberConstant(token);
        return expr;
      }
      case TokenKind::Operator:
        if (token.value == "(") {
          ++pos_;
          if (skipOperator(")")) return make(ExprKind::Tuple, token.offset);
          ExprPtr inner = parseTuple(true);
          expectOperator(")");
          return inner;
        }
        if (token.value == "[") return parseList();
        if (token.value == "{") return parseDict();
        break;
      default: break;
    }
    fail("unexpected " + describe(token));
  }

  static Value numberConstant(const Token& token) {
    std::string digits;
    for (char c : token.value) {
      if (c != '_') digits += c;
    }
    if (token.kind == TokenKind::Float) return Value(std::strtod(digits.c_str(), nullptr));
    int base = 10;
    std::size_t start = 0;
    if (digits.size() > 1 && digits[0] == '0') {
      const char b = static_cast<char>(digits[1] | 0x20);
      if (b == 'x') base = 16;
      else if (b == 'o') base = 8;
      else if (b == 'b') base = 2;
      if (base != 10) start = 2;
    }
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(digits.data() + start, digits.data() + digits.size(), value, base);
    (void)ptr;
    // Integers beyond 64 bits degrade to floats (Python's are unbounded).
    if (ec == std::errc::result_out_of_range) return Value(std::strtod(digits.c_str(), nullptr));
    return Value(value);
  }

  ExprPtr parseList() {
    auto list = make(ExprKind::List, next().offset);
    while (!isOperator("]")) {
      if (!list->children.empty()) {
        expectOperator(",");
        if (isOperator("]")) break;
      }
      list->children.push_back(parseExpression());
    }
    ++pos_;
    return list;
  }

  ExprPtr parseDict() {
    auto dict = make(ExprKind::Dict, next().offset);
    while (!isOperator("}")) {
      if (!dict->children.empty()) {
        expectOperator(",");
        if (isOperator("}")) break;
      }
      dict->children.push_back(parseExpression());
      expectOperator(":");
      dict->children.push_back(parseExpression());
    }
    ++pos_;
    return dict;
  }

  ExprPtr parsePostfix(ExprPtr node) {
    while (true) {
      const std::size_t offset = current().offset;
      if (skipOperator(".")) {
        if (current().kind == TokenKind::Integer) {
          auto index = make(ExprKind::Constant, current().offset);
          index->constant = numberConstant(next());
          node = make(ExprKind::GetItem, offset, std::move(node), std::move(index));
        } else {
          auto attr = make(ExprKind::GetAttr, offset, std::move(node));
          attr->name = expectName();
          node = std::move(attr);
        }
      } else if (skipOperator("[")) {
        node = parseSubscript(std::move(node), offset);
      } else if (isOperator("(")) {
        node = parseCall(std::move(node));
      } else {
        return node;
      }
    }
  }

  ExprPtr parseSubscript(ExprPtr target, std::size_t offset) {
    std::vector<ExprPtr> parts;
    bool isSlice = false;
    ExprPtr current_;
    auto slicePart = [&]() -> ExprPtr {
      if (isOperator(":") || isOperator("]") || isOperator(",")) return nullptr;
      return parseExpression();
    };
    current_ = slicePart();
    if (isOperator(":")) {
      isSlice = true;
      parts.push_back(std::move(current_));
      ++pos_;
      parts.push_back(slicePart());
      if (skipOperator(":")) {
        parts.push_back(slicePart());
      } else {
        parts.push_back(nullptr);
      }
    }
    if (!isSlice && !current_) fail("expected an index expression");
    if (!isSlice && isOperator(",")) {
      // a[1, 2] indexes with a tuple.
      auto tuple = make(ExprKind::Tuple, current_->offset);
      tuple->children.push_back(std::move(current_));
      while (skipOperator(",")) {
        if (isOperator("]")) break;
        tuple->children.push_back(parseExpression());
      }
      current_ = std::move(tuple);
    }
    expectOperator("]");
    if (!isSlice) return make(ExprKind::GetItem, offset, std::move(target), std::move(current_));
    auto slice = make(ExprKind::Slice, offset);
    slice->children.push_back(std::move(target));
    for (auto& part : parts) slice->children.push_back(std::move(part));
    return slice;
  }

  ExprPtr parseCall(ExprPtr callee) {
    auto call = make(ExprKind::Call, current().offset, std::move(callee));
    parseArgumentsAfterFirst(*call);
    return call;
  }

  // children[0] is the callee/subject; arguments follow with commas between them.
  void parseArgumentsAfterFirst(Expr& into) {
    expectOperator("(");
    bool first = true;
    while (!isOperator(")")) {
      if (!first) {
        expectOperator(",");
        if (isOperator(")")) break;
      }
      first = false;
      if (isOperator("*") || isOperator("**")) fail("argument unpacking with * and ** is not supported");
      if (current().kind == TokenKind::Name && peek().kind == TokenKind::Operator && peek().value == "=") {
        std::string key = next().value;
        ++pos_;
        into.keywords.emplace_back(std::move(key), parseExpression());
      } else {
        if (!into.keywords.empty()) fail("positional argument follows keyword argument");
        into.children.push_back(parseExpression());
      }
    }
    ++pos_;
  }

  std::string parseDottedName() {
    std::string name = expectName();
    while (isOperator(".") && peek().kind == TokenKind::Name) {
      ++pos_;
      name += "." + next().value;
    }
    return name;
  }

  ExprPtr parseFilterExpr(ExprPtr node) {
    while (true) {
      if (isOperator("|")) {
        const std::size_t offset = next().offset;
        auto filter = make(ExprKind::Filter, offset, std::move(node));
        const std::size_t nameOffset = current().offset;
        filter->name = parseDottedName();
        // Jinja rejects unknown filters when it compiles the template.
        if (!hasFilter(filter->name)) failAt("no filter named '" + filter->name + "'", nameOffset);
        if (isOperator("(")) parseArgumentsAfterFirst(*filter);
        node = std::move(filter);
      } else if (isName("is")) {
        const std::size_t offset = next().offset;
        auto test = make(ExprKind::Test, offset, std::move(node));
        if (skipName("not")) test->negated = true;
        const std::size_t nameOffset = current().offset;
        test->name = parseDottedName();
        if (!hasTest(test->name)) failAt("no test named '" + test->name + "'", nameOffset);
        if (isOperator("(")) {
          parseArgumentsAfterFirst(*test);
        } else if (startsTestArgument()) {
          // `x is divisibleby 3`: one argument without parentheses.
          ExprPtr argument = parsePostfix(parsePrimary());
          test->children.push_back(std::move(argument));
        }
        node = std::move(test);
      } else if (isOperator("(")) {
        node = parseCall(std::move(node));
      } else {
        return node;
      }
    }
  }

  bool startsTestArgument() const {
    const Token& t = current();
    switch (t.kind) {
      case TokenKind::Name:
        return t.value != "else" && t.value != "or" && t.value != "and";
      case TokenKind::String:
      case TokenKind::Integer:
      case TokenKind::Float: return true;
      case TokenKind::Operator: return t.value == "[" || t.value == "{";
      default: return false;
    }
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::size_t nodeCount_ = 0;
};

}  // namespace

NodeList parseTemplate(std::string_view source) { return Parser(tokenize(source)).parseAll(); }

}  // namespace manifold::interpolation
