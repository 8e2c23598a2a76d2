// The syntax tree of a Jinja template: expressions and statements, with source offsets.
#pragma once

#include "core/interpolation/value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace manifold::interpolation {

enum class ExprKind : std::uint8_t {
  Constant,     // constant
  Name,         // name
  GetAttr,      // children[0].name
  GetItem,      // children[0][children[1]]
  Slice,        // children[0][children[1]:children[2]:children[3]] (null parts allowed)
  Call,         // children[0](children[1..], keywords)
  Filter,       // children[0] | name(children[1..], keywords)
  Test,         // children[0] is [not] name(children[1..], keywords)
  Negate,       // -children[0]
  Plus,         // +children[0]
  Not,          // not children[0]
  Binary,       // children[0] op children[1]
  Concat,       // children[0] ~ children[1]
  Compare,      // children[0] ops[0] children[1] ops[1] children[2] …
  And,          // children[0] and children[1]
  Or,           // children[0] or children[1]
  Conditional,  // children[1] if children[0] else children[2] (else part optional)
  List,         // [children…]
  Tuple,        // (children…)
  Dict,         // {children[0]: children[1], …}
};

enum class BinaryOp : std::uint8_t { Add, Subtract, Multiply, Divide, FloorDivide, Modulo, Power };
enum class CompareOp : std::uint8_t { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, In, NotIn };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::Constant;
  std::size_t offset = 0;  // byte offset of the expression in the template source
  Value constant;
  std::string name;
  BinaryOp binaryOp = BinaryOp::Add;
  bool negated = false;  // `is not`
  std::vector<CompareOp> compareOps;
  std::vector<ExprPtr> children;
  std::vector<std::pair<std::string, ExprPtr>> keywords;
};

enum class NodeKind : std::uint8_t { Text, Output, If, For, Set, SetBlock };

struct Node;
using NodeList = std::vector<Node>;

struct IfBranch {
  ExprPtr condition;
  NodeList body;
};

struct Node {
  NodeKind kind = NodeKind::Text;
  std::size_t offset = 0;
  std::string text;                  // Text
  ExprPtr expr;                      // Output value, For iterable, Set value
  std::vector<std::string> targets;  // For loop variables, Set names
  ExprPtr filter;                    // For … if filter
  std::vector<IfBranch> branches;    // If / elif
  NodeList body;                     // For body, SetBlock body
  NodeList elseBody;                 // If else, For else
};

}  // namespace manifold::interpolation
