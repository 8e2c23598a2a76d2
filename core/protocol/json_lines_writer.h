// JsonLinesWriter: the hot output path of `manifold-cli read`, one Airbyte message per line.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/protocol/airbyte_messages.h"

namespace manifold::protocol {

class SecretMasker;

// Serializes straight into one reusable buffer (no per-record allocation once warm) and writes
// it out when it holds flushBytes, when a second has passed since the last write, and after
// every message that is not a RECORD, so state checkpoints, logs and traces leave at once.
// Not thread-safe: one writer per output stream.
class JsonLinesWriter {
 public:
  static constexpr std::size_t kDefaultFlushBytes = std::size_t{1} << 16;
  enum class MaskScope { AllMessages, NonRecordMessages };

  // Writes to a file descriptor (1 for stdout); the descriptor stays open.
  explicit JsonLinesWriter(int fd, std::size_t flushBytes = kDefaultFlushBytes);
  // Writes to a stream (tests, the IDE).
  explicit JsonLinesWriter(std::ostream& out, std::size_t flushBytes = kDefaultFlushBytes);
  ~JsonLinesWriter();  // flushes
  JsonLinesWriter(const JsonLinesWriter&) = delete;
  JsonLinesWriter& operator=(const JsonLinesWriter&) = delete;

  // The masker (owned by the caller, must outlive the writer) replaces secrets in what is
  // written: in every line, or only in non-RECORD lines when records must stay byte-exact
  // (CONTROL lines, which carry the config for the platform, are then left alone too).
  void setMasker(const SecretMasker* masker, MaskScope scope = MaskScope::AllMessages);

  // {"type":"RECORD","record":{"stream","data","emitted_at"}} without building the wrapper.
  void writeRecord(const StreamDescriptor& stream, const nlohmann::json& data,
                   std::int64_t emittedAtMs);
  // The same with `data` already serialized (one JSON object, no newline), e.g. a record's raw
  // text taken from the response when nothing transforms it: no DOM, no re-serialization.
  // The text is trusted to be valid single-line JSON.
  void writeRecordRaw(const StreamDescriptor& stream, std::string_view dataJson,
                      std::int64_t emittedAtMs);
  // Any message (built with airbyte_messages.h); flushes unless it is a RECORD.
  void write(const nlohmann::json& message);
  void flush();

  std::uint64_t bytesWritten() const { return bytesWritten_; }
  std::uint64_t linesWritten() const { return linesWritten_; }
  // False once a write failed (a closed pipe); later output is dropped.
  bool ok() const { return error_.empty(); }
  const std::string& errorMessage() const { return error_; }

 private:
  struct Serializer;

  void appendJson(const nlohmann::json& value);
  void afterRecord();
  void finishRecord(std::int64_t emittedAtMs);
  void writeOut(const char* data, std::size_t size);
  const std::string& recordPrefix(const StreamDescriptor& stream);

  int fd_ = -1;
  std::ostream* out_ = nullptr;
  std::size_t flushBytes_;
  std::string buffer_;
  std::unique_ptr<Serializer> serializer_;
  const SecretMasker* masker_ = nullptr;
  MaskScope maskScope_ = MaskScope::AllMessages;
  StreamDescriptor lastStream_;
  std::string lastPrefix_;
  std::string lastSuffix_;
  std::chrono::steady_clock::time_point lastFlush_;
  std::uint64_t bytesWritten_ = 0;
  std::uint64_t linesWritten_ = 0;
  std::string error_;
};

}  // namespace manifold::protocol
