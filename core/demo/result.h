// Result<T>: a value or a DemoError saying why the demo API could not do what was asked.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace manifold::demo {

struct DemoError {
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(DemoError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const DemoError& error() const { return std::get<1>(v_); }

  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }

 private:
  std::variant<T, DemoError> v_;
};

}  // namespace manifold::demo
