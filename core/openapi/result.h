// Result<T>: a value or the OpenApiError that prevented it.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace manifold::openapi {

// Why a document could not be read or imported; the message names the file or URL and, where
// known, the line or JSON pointer.
struct OpenApiError {
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(OpenApiError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const OpenApiError& error() const { return std::get<1>(v_); }

  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }

 private:
  std::variant<T, OpenApiError> v_;
};

}  // namespace manifold::openapi
