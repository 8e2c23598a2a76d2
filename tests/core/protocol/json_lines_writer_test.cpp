// The JSON-lines writer: exact bytes, one message per line, flushing and masking.
#include "core/protocol/json_lines_writer.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "core/protocol/secret_masker.h"

using nlohmann::json;
using namespace manifold::protocol;

namespace {

std::vector<json> lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

}  // namespace

TEST(JsonLinesWriter, RecordLineMatchesTheBuiltMessage) {
  std::ostringstream out;
  {
    JsonLinesWriter writer(out);
    json data = {{"id", 1}, {"name", "Zoë \"q\"\n"}, {"tags", {1.5, nullptr, true}}};
    writer.writeRecord({"users", std::nullopt}, data, 1700000000123);
    writer.writeRecord({"orgs", "crm"}, json{{"id", 2}}, 5);
  }
  std::string text = out.str();
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  auto parsed = lines(text);
  EXPECT_EQ(parsed[0], recordMessage({"users", std::nullopt},
                                     json{{"id", 1}, {"name", "Zoë \"q\"\n"}, {"tags", {1.5, nullptr, true}}},
                                     1700000000123));
  EXPECT_EQ(parsed[1], recordMessage({"orgs", "crm"}, json{{"id", 2}}, 5));
  EXPECT_EQ(text.substr(0, text.find('\n')),
            R"({"type":"RECORD","record":{"stream":"users","data":{"id":1,"name":"Zoë \"q\"\n","tags":[1.5,null,true]},"emitted_at":1700000000123}})");
}

TEST(JsonLinesWriter, RawRecordTextGivesTheSameLine) {
  std::ostringstream viaJson;
  std::ostringstream viaRaw;
  const json data = {{"id", 7}, {"name", "x"}};
  {
    JsonLinesWriter a(viaJson);
    a.writeRecord({"users", "ns"}, data, 99);
    JsonLinesWriter b(viaRaw);
    b.writeRecordRaw({"users", "ns"}, data.dump(), 99);
  }
  EXPECT_EQ(viaRaw.str(), viaJson.str());
  EXPECT_EQ(lines(viaRaw.str()).at(0), recordMessage({"users", "ns"}, data, 99));
}

TEST(JsonLinesWriter, RecordsWaitForTheBufferButStateGoesOutAtOnce) {
  std::ostringstream out;
  JsonLinesWriter writer(out, 1 << 20);
  writer.writeRecord({"users", std::nullopt}, json{{"id", 1}}, 1);
  EXPECT_TRUE(out.str().empty());  // one small record stays buffered
  writer.write(streamStateMessage({"users", std::nullopt}, json{{"c", 1}}, 1.0));
  auto parsed = lines(out.str());
  ASSERT_EQ(parsed.size(), 2u);  // the record before it, then the state
  EXPECT_EQ(parsed[0]["type"], "RECORD");
  EXPECT_EQ(parsed[1]["type"], "STATE");
  EXPECT_EQ(writer.linesWritten(), 2u);
  EXPECT_EQ(writer.bytesWritten(), out.str().size());
}

TEST(JsonLinesWriter, FlushesWhenTheBufferIsFull) {
  std::ostringstream out;
  JsonLinesWriter writer(out, 256);
  for (int i = 0; i < 20; ++i) writer.writeRecord({"s", std::nullopt}, json{{"i", i}}, 1);
  EXPECT_FALSE(out.str().empty());
  EXPECT_EQ(out.str().back(), '\n');  // only whole lines leave the buffer
  writer.flush();
  EXPECT_EQ(lines(out.str()).size(), 20u);
}

TEST(JsonLinesWriter, InvalidUtf8IsReplacedNotThrown) {
  std::ostringstream out;
  {
    JsonLinesWriter writer(out);
    writer.writeRecord({"s", std::nullopt}, json{{"bad", std::string("a\xff" "b")}}, 1);
  }
  auto parsed = lines(out.str());
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0]["record"]["data"]["bad"], "a\xEF\xBF\xBD" "b");
}

TEST(JsonLinesWriter, MasksSecretsInEveryLineOrOnlyOutsideRecords) {
  SecretMasker masker({"s3cr\"et"});
  std::ostringstream all;
  {
    JsonLinesWriter writer(all);
    writer.setMasker(&masker);
    writer.writeRecord({"s", std::nullopt}, json{{"token", "s3cr\"et"}}, 1);
    writer.write(logMessage(LogLevel::Info, "using s3cr\"et"));
  }
  EXPECT_EQ(all.str().find("s3cr"), std::string::npos) << all.str();
  auto parsed = lines(all.str());
  EXPECT_EQ(parsed[0]["record"]["data"]["token"], "****");
  EXPECT_EQ(parsed[1]["log"]["message"], "using ****");

  std::ostringstream recordsKept;
  {
    JsonLinesWriter writer(recordsKept);
    writer.setMasker(&masker, JsonLinesWriter::MaskScope::NonRecordMessages);
    writer.writeRecord({"s", std::nullopt}, json{{"token", "s3cr\"et"}}, 1);
    writer.write(logMessage(LogLevel::Info, "using s3cr\"et"));
  }
  parsed = lines(recordsKept.str());
  EXPECT_EQ(parsed[0]["record"]["data"]["token"], "s3cr\"et");
  EXPECT_EQ(parsed[1]["log"]["message"], "using ****");
}

TEST(JsonLinesWriter, WritesToAFileDescriptorAndReportsAClosedPipe) {
  char path[] = "/tmp/manifold-jsonl-XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  {
    JsonLinesWriter writer(fd);
    writer.writeRecord({"s", std::nullopt}, json{{"i", 1}}, 1);
    writer.write(connectionStatusMessage(true));
    EXPECT_TRUE(writer.ok());
  }
  ::close(fd);
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  std::remove(path);
  EXPECT_EQ(lines(content.str()).size(), 2u);

  int pipeFds[2];
  ASSERT_EQ(::pipe(pipeFds), 0);
  ::close(pipeFds[0]);
  std::signal(SIGPIPE, SIG_IGN);
  JsonLinesWriter broken(pipeFds[1]);
  broken.write(connectionStatusMessage(true));
  EXPECT_FALSE(broken.ok());
  EXPECT_NE(broken.errorMessage().find("Broken pipe"), std::string::npos) << broken.errorMessage();
  ::close(pipeFds[1]);
}
