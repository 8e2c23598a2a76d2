// JsonLinesWriter: the hot output path of `manifold-cli read`, one Airbyte message per line.
#include "core/protocol/json_lines_writer.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ostream>

#include <unistd.h>

#include "core/protocol/secret_masker.h"

namespace manifold::protocol {

namespace {

constexpr auto kMaxBufferAge = std::chrono::seconds(1);

std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

// nlohmann's serializer bound once to buffer_: dump() then appends without allocating.
// Invalid UTF-8 in API data is replaced rather than aborting the whole read.
struct JsonLinesWriter::Serializer {
  explicit Serializer(std::string& buffer)
      : impl(nlohmann::detail::output_adapter<char>(buffer), ' ',
             nlohmann::json::error_handler_t::replace) {}
  nlohmann::detail::serializer<nlohmann::json> impl;
};

JsonLinesWriter::JsonLinesWriter(int fd, std::size_t flushBytes)
    : fd_(fd), flushBytes_(flushBytes), serializer_(std::make_unique<Serializer>(buffer_)),
      lastFlush_(std::chrono::steady_clock::now()) {
  buffer_.reserve(flushBytes_ + flushBytes_ / 2);
}

JsonLinesWriter::JsonLinesWriter(std::ostream& out, std::size_t flushBytes)
    : out_(&out), flushBytes_(flushBytes), serializer_(std::make_unique<Serializer>(buffer_)),
      lastFlush_(std::chrono::steady_clock::now()) {
  buffer_.reserve(flushBytes_ + flushBytes_ / 2);
}

JsonLinesWriter::~JsonLinesWriter() { flush(); }

void JsonLinesWriter::setMasker(const SecretMasker* masker, MaskScope scope) {
  flush();
  masker_ = masker;
  maskScope_ = scope;
}

void JsonLinesWriter::appendJson(const nlohmann::json& value) {
  serializer_->impl.dump(value, false, false, 0);
}

const std::string& JsonLinesWriter::recordPrefix(const StreamDescriptor& stream) {
  // Records of one stream come in long runs: the escaped head and tail are built once per run.
  if (lastPrefix_.empty() || !(stream == lastStream_)) {
    lastStream_ = stream;
    lastPrefix_ = "{\"type\":\"RECORD\",\"record\":{\"stream\":" + quoted(stream.name) + ",\"data\":";
    lastSuffix_ = stream.ns ? ",\"namespace\":" + quoted(*stream.ns) + ",\"emitted_at\":"
                            : std::string(",\"emitted_at\":");
  }
  return lastPrefix_;
}

void JsonLinesWriter::writeRecord(const StreamDescriptor& stream, const nlohmann::json& data,
                                  std::int64_t emittedAtMs) {
  buffer_ += recordPrefix(stream);
  appendJson(data);
  finishRecord(emittedAtMs);
}

void JsonLinesWriter::writeRecordRaw(const StreamDescriptor& stream, std::string_view dataJson,
                                     std::int64_t emittedAtMs) {
  buffer_ += recordPrefix(stream);
  buffer_ += dataJson;
  finishRecord(emittedAtMs);
}

void JsonLinesWriter::finishRecord(std::int64_t emittedAtMs) {
  buffer_ += lastSuffix_;
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, emittedAtMs).ptr;
  buffer_.append(digits, static_cast<std::size_t>(end - digits));
  buffer_ += "}}\n";
  ++linesWritten_;
  afterRecord();
}

void JsonLinesWriter::afterRecord() {
  if (buffer_.size() >= flushBytes_) {
    flush();
  } else if (std::chrono::steady_clock::now() - lastFlush_ >= kMaxBufferAge) {
    // A slow API must not leave records (and the platform's heartbeat) waiting in memory.
    flush();
  }
}

void JsonLinesWriter::write(const nlohmann::json& message) {
  const std::size_t start = buffer_.size();
  appendJson(message);
  buffer_ += '\n';
  ++linesWritten_;
  auto typeIt = message.is_object() ? message.find("type") : message.end();
  const bool isRecord = typeIt != message.end() && *typeIt == "RECORD";
  // A CONNECTOR_CONFIG control message carries the config the platform must store, rotated
  // tokens included; the reference prints it unfiltered too.
  const bool isControl = typeIt != message.end() && *typeIt == "CONTROL";
  if (masker_ != nullptr && maskScope_ == MaskScope::NonRecordMessages && !isRecord && !isControl) {
    masker_->maskInPlace(buffer_, start);
  }
  if (isRecord) {
    afterRecord();
  } else {
    flush();
  }
}

void JsonLinesWriter::flush() {
  lastFlush_ = std::chrono::steady_clock::now();
  if (buffer_.empty()) return;
  // Masking the whole chunk at once costs one scan per secret form per 64 KiB instead of per
  // line; lines never straddle a flush, so no secret is split across two scans.
  if (masker_ != nullptr && maskScope_ == MaskScope::AllMessages) masker_->maskInPlace(buffer_, 0);
  writeOut(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void JsonLinesWriter::writeOut(const char* data, std::size_t size) {
  if (!error_.empty()) return;
  if (out_ != nullptr) {
    out_->write(data, static_cast<std::streamsize>(size));
    out_->flush();
    if (!*out_) {
      error_ = "writing the output stream failed";
      return;
    }
    bytesWritten_ += size;
    return;
  }
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = std::string("writing to file descriptor ") + std::to_string(fd_) +
               " failed: " + std::strerror(errno);
      return;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    bytesWritten_ += static_cast<std::uint64_t>(n);
  }
}

}  // namespace manifold::protocol
