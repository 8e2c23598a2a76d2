// Throughput of the protocol output path: RECORD lines per second and MB/s into /dev/null.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/protocol/airbyte_messages.h"
#include "core/protocol/json_lines_writer.h"
#include "core/protocol/secret_masker.h"

using manifold::protocol::JsonLinesWriter;
using manifold::protocol::SecretMasker;
using manifold::protocol::StreamDescriptor;
using nlohmann::json;

namespace {

// About 1 KB serialized, the record size of the read benchmark.
json sampleRecord(int i) {
  json r = {{"id", i},
            {"email", "user" + std::to_string(i) + "@example.com"},
            {"name", "Ada Lovelace the " + std::to_string(i) + "th"},
            {"active", i % 2 == 0},
            {"score", 1234.5678 + i},
            {"created_at", "2024-01-02T03:04:05.123456+00:00"},
            {"updated_at", "2024-06-07T08:09:10.654321+00:00"},
            {"tags", {"alpha", "beta", "gamma", "delta"}},
            {"address", {{"street", "12 Analytical Engine Road"}, {"city", "London"}, {"zip", "NW1 6XE"}, {"country", "GB"}}},
            {"notes", std::string(420, 'n')},
            {"unicode", "Zoë, Łódź, 東京, \"quoted\" and \\backslash\\"},
            {"counts", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
            {"nullable", nullptr}};
  return r;
}

int devNull() {
  static int fd = ::open("/dev/null", O_WRONLY);
  return fd;
}

void BM_WriteRecord(benchmark::State& state) {
  const json record = sampleRecord(42);
  const StreamDescriptor stream{"users", std::nullopt};
  JsonLinesWriter writer(devNull());
  for (auto _ : state) writer.writeRecord(stream, record, 1700000000123);
  writer.flush();
  state.SetBytesProcessed(static_cast<int64_t>(writer.bytesWritten()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriteRecord);

void BM_WriteRecordMaskingSecrets(benchmark::State& state) {
  const json record = sampleRecord(42);
  const StreamDescriptor stream{"users", std::nullopt};
  SecretMasker masker({"sk_live_51HxYzAbCdEfGh", "hunter2-password"});
  JsonLinesWriter writer(devNull());
  writer.setMasker(&masker);
  for (auto _ : state) writer.writeRecord(stream, record, 1700000000123);
  writer.flush();
  state.SetBytesProcessed(static_cast<int64_t>(writer.bytesWritten()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriteRecordMaskingSecrets);

// Records passed as raw JSON text (as a parser that keeps source spans could hand them over).
void BM_WriteRecordRaw(benchmark::State& state) {
  const std::string record = sampleRecord(42).dump();
  const StreamDescriptor stream{"users", std::nullopt};
  JsonLinesWriter writer(devNull());
  for (auto _ : state) writer.writeRecordRaw(stream, record, 1700000000123);
  writer.flush();
  state.SetBytesProcessed(static_cast<int64_t>(writer.bytesWritten()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriteRecordRaw);

// The obvious way, for comparison: build the message, dump it to a string, write it.
void BM_BuildAndDumpRecordMessage(benchmark::State& state) {
  const json record = sampleRecord(42);
  std::int64_t bytes = 0;
  for (auto _ : state) {
    std::string line = manifold::protocol::recordMessage({"users", std::nullopt}, record, 1700000000123).dump();
    line += '\n';
    bytes += static_cast<std::int64_t>(::write(devNull(), line.data(), line.size()));
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BuildAndDumpRecordMessage);

// A 1,000-record page (~1 MB) parsed with nlohmann and written out record by record: the
// per-page work of `manifold-cli read` minus HTTP and selection. Bytes are input JSON bytes.
void BM_ParsePageAndWriteRecords(benchmark::State& state) {
  json page = {{"data", json::array()}};
  for (int i = 0; i < 1000; ++i) page["data"].push_back(sampleRecord(i));
  const std::string body = page.dump();
  const StreamDescriptor stream{"users", std::nullopt};
  JsonLinesWriter writer(devNull());
  for (auto _ : state) {
    json parsed = json::parse(body);
    for (const auto& record : parsed["data"]) writer.writeRecord(stream, record, 1700000000123);
  }
  writer.flush();
  state.SetBytesProcessed(static_cast<int64_t>(body.size()) * state.iterations());
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ParsePageAndWriteRecords)->Unit(benchmark::kMillisecond);

void BM_ParsePageOnly(benchmark::State& state) {
  json page = {{"data", json::array()}};
  for (int i = 0; i < 1000; ++i) page["data"].push_back(sampleRecord(i));
  const std::string body = page.dump();
  for (auto _ : state) {
    json parsed = json::parse(body);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(body.size()) * state.iterations());
}
BENCHMARK(BM_ParsePageOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
