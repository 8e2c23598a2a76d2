// Tokens of the Jinja lexer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace manifold::interpolation {

enum class TokenKind : std::uint8_t {
  Text,           // template data between tags, whitespace control applied
  VariableBegin,  // {{
  VariableEnd,    // }}
  BlockBegin,     // {%
  BlockEnd,       // %}
  Name,
  String,         // value holds the unescaped text
  Integer,
  Float,
  Operator,       // value holds the operator text
  Error,          // a lexing error, raised when the parser reaches it (as Jinja's lazy lexer)
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string value;
  std::size_t offset = 0;
};

}  // namespace manifold::interpolation
