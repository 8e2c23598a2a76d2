// Result<T, E>: a value or the error that prevented it; WorkspaceError for work on project folders.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace manifold::workspace {

enum class WorkspaceErrorKind {
  Exists,    // the target folder is there already: nothing was overwritten
  NotFound,  // a folder or file the operation needs is missing
  Io,        // reading or writing failed
  Invalid,   // a name or a file's content is not usable
};

struct WorkspaceError {
  WorkspaceErrorKind kind = WorkspaceErrorKind::Io;
  std::string message;        // a complete sentence: what, where, and what to do
  std::string suggestedName;  // for Exists: a free name the user may take instead
};

// One template for the workspace and the catalog (which names its own error type).
template <class T, class E = WorkspaceError>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const E& error() const { return std::get<1>(v_); }

  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }

 private:
  std::variant<T, E> v_;
};

}  // namespace manifold::workspace
