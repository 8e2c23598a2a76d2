// Errors of the engine: build errors that name the JSON pointer, and read failures that carry
// the Airbyte failure type the stream boundary turns into a TRACE.
#pragma once

#include "core/protocol/airbyte_messages.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace manifold::engine {

// Why a component could not be built from the manifest.
struct BuildError {
  std::string message;
  std::string pointer;  // JSON pointer into the resolved manifest ("" = root)
  std::string stream;   // the stream being built, empty for source-level components

  // "stream 'users': <message> (at /streams/0/retriever/paginator)"
  std::string describe() const;
};

// A value or the BuildError that prevented it.
template <class T>
class BuildResult {
 public:
  BuildResult(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  BuildResult(BuildError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const BuildError& error() const { return std::get<1>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }

 private:
  std::variant<T, BuildError> v_;
};

// Thrown inside the factory only; buildSource() catches it and returns a BuildError.
class BuildException : public std::runtime_error {
 public:
  BuildException(std::string message, std::string pointer)
      : std::runtime_error(message), message_(std::move(message)), pointer_(std::move(pointer)) {}
  const std::string& message() const { return message_; }
  const std::string& pointer() const { return pointer_; }

 private:
  std::string message_;
  std::string pointer_;
};

// Thrown inside a component while reading; the stream boundary catches it and emits a TRACE.
class ReadError : public std::runtime_error {
 public:
  ReadError(std::string message, protocol::FailureType failureType = protocol::FailureType::SystemError,
            std::string internalMessage = {})
      : std::runtime_error(message),
        failureType_(failureType),
        internalMessage_(std::move(internalMessage)) {}
  protocol::FailureType failureType() const { return failureType_; }
  const std::string& internalMessage() const { return internalMessage_; }

 private:
  protocol::FailureType failureType_;
  std::string internalMessage_;
};

// The caller's stop_token was triggered: the read ends quietly, not as a failure.
class ReadCancelled : public std::runtime_error {
 public:
  ReadCancelled() : std::runtime_error("the read was cancelled") {}
};

}  // namespace manifold::engine
