// Errors of parsing and evaluating templates, and the Result type the public API returns.
#pragma once

#include <cstddef>
#include <exception>
#include <limits>
#include <string>
#include <utility>
#include <variant>

namespace manifold::interpolation {

// Offset placeholder for errors raised by builtins; the evaluator fills in the call site.
inline constexpr std::size_t kNoOffset = std::numeric_limits<std::size_t>::max();

// The reference engine treats these Python exception families differently.
enum class ErrorKind {
  Syntax,      // jinja2 TemplateSyntaxError
  Undefined,   // jinja2 UndefinedError: the field's default is rendered instead
  Type,        // TypeError: the reference returns the raw template text
  Value,       // ValueError and everything else: the evaluation fails
  Undeclared,  // a variable the context does not provide
  Unsupported, // stream_state, features outside the sandbox
  Limit,       // recursion, loop or output bounds
};

struct Error {
  ErrorKind kind = ErrorKind::Value;
  std::string message;
  std::size_t offset = 0;  // byte offset in the template source

  // "message (at offset N)" for logs and the CLI.
  std::string describe() const { return message + " (at offset " + std::to_string(offset) + ")"; }
};

// Thrown inside the engine only; the public API turns it into Result errors.
class EvalException : public std::exception {
 public:
  EvalException(ErrorKind kind, std::string message, std::size_t offset)
      : error_{kind, std::move(message), offset} {}
  const char* what() const noexcept override { return error_.message.c_str(); }
  const Error& error() const { return error_; }
  Error& error() { return error_; }

 private:
  Error error_;
};

// A value or an error, as core API boundaries return them.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Error error) : data_(std::move(error)) {}

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(data_); }
  T& value() & { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

[[noreturn]] inline void throwTypeError(std::string message) {
  throw EvalException(ErrorKind::Type, std::move(message), kNoOffset);
}
[[noreturn]] inline void throwValueError(std::string message) {
  throw EvalException(ErrorKind::Value, std::move(message), kNoOffset);
}
[[noreturn]] inline void throwUndefinedError(std::string message) {
  throw EvalException(ErrorKind::Undefined, std::move(message), kNoOffset);
}

}  // namespace manifold::interpolation
