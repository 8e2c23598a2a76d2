// Decoders, checked by the records they produce from responses of a server on 127.0.0.1:
// CsvDecoder, XmlDecoder, GzipDecoder, IterableDecoder and ZipfileDecoder.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <zip.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;
using Json = nlohmann::json;

std::string gzipped(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// A zip archive of (name, content) files, in order, written by libzip.
std::string zipped(const std::vector<std::pair<std::string, std::string>>& files) {
  manifold::testing::TempDir dir;
  const auto path = (dir.path() / "archive.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : files) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class DecoderTest : public ::testing::Test {
 protected:
  // Serves `pages` at /items?page=N (N from 1); the last page is served for any later N.
  void servePages(std::vector<std::string> pages, std::string contentType) {
    server_.server().Get("/items", [pages, contentType](const httplib::Request& req, httplib::Response& res) {
      std::size_t page = req.has_param("page") ? std::stoul(req.get_param_value("page")) : 1;
      page = std::min(std::max<std::size_t>(page, 1), pages.size());
      res.set_content(pages[page - 1], contentType);
    });
    server_.start();
  }
  void serve(std::string body, std::string contentType) { servePages({std::move(body)}, std::move(contentType)); }

  // Reads stream "items" with `decoder` (YAML indented for the retriever's decoder field).
  CollectedRead readWith(const std::string& decoder, const std::string& fieldPath = "[]", const std::string& extra = "",
                         const ReadOptions& options = fastOptions()) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n",
                                                     "      decoder:\n" + decoder + extra, fieldPath),
                                   server_.baseUrl()));
    if (!source_) return {};
    return collect(*source_, "items", options);
  }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

// ---- CsvDecoder -------------------------------------------------------------------------------

TEST_F(DecoderTest, CsvHeaderRowNamesTheKeysAndValuesStayStrings) {
  serve("id,name,score\r\n1,Ada,9.5\r\n2,\"Lovelace, Ada\",\r\n", "text/csv");
  auto read = readWith("        type: CsvDecoder\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0], Json::parse(R"({"id": "1", "name": "Ada", "score": "9.5"})"));
  EXPECT_EQ(read.records[1], Json::parse(R"({"id": "2", "name": "Lovelace, Ada", "score": ""})"));
}

TEST_F(DecoderTest, CsvQuotedFieldsKeepDelimitersQuotesAndNewlines) {
  serve("a,b\n\"say \"\"hi\"\"\",\"line1\r\nline2\"\n\"x\"tail,plain\"quote\n", "text/csv");
  auto read = readWith("        type: CsvDecoder\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0]["a"], "say \"hi\"");
  EXPECT_EQ(read.records[0]["b"], "line1\nline2");  // universal newlines, as TextIOWrapper reads
  EXPECT_EQ(read.records[1]["a"], "xtail");         // text after a closing quote joins the field
  EXPECT_EQ(read.records[1]["b"], "plain\"quote");  // a quote inside an unquoted field is literal
}

TEST_F(DecoderTest, CsvShortRowsGiveNullExtraCellsGoUnderNullAndBlankLinesAreSkipped) {
  serve("a,b\n1\n\n1,2,3,4\n", "text/csv");
  auto read = readWith("        type: CsvDecoder\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0], Json::parse(R"({"a": "1", "b": null})"));
  EXPECT_EQ(read.records[1], Json::parse(R"({"a": "1", "b": "2", "null": ["3", "4"]})"));
}

TEST_F(DecoderTest, CsvEscapedDelimiterEncodingAndValuesToNone) {
  // "caf\xe9" is café in ISO-8859-1.
  serve("id\tcity\n1\tcaf\xe9\n2\tN/A\n", "text/tab-separated-values");
  auto read = readWith("        type: CsvDecoder\n"
                       "        delimiter: \"\\\\t\"\n"
                       "        encoding: latin-1\n"
                       "        set_values_to_none: [\"N/A\"]\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0]["city"], "caf\xc3\xa9");
  EXPECT_TRUE(read.records[1]["city"].is_null());
}

TEST_F(DecoderTest, CsvBodyThatIsNotInTheEncodingFailsNamingStreamAndPage) {
  serve("id\n\xff\xfe\n", "text/csv");
  auto read = readWith("        type: CsvDecoder\n");
  ASSERT_TRUE(read.result.failure);
  const auto& message = read.result.failure->message;
  EXPECT_NE(message.find("Stream 'items', page 1"), std::string::npos) << message;
  EXPECT_NE(message.find("not valid UTF-8"), std::string::npos) << message;
}

TEST_F(DecoderTest, CsvRejectsAMultiCharacterDelimiterAndAnUnknownEncoding) {
  const auto build = [](const std::string& decoder) {
    return buildSource(oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n",
                                         "      decoder:\n        type: CsvDecoder\n" + decoder));
  };
  auto bad = build("        delimiter: \";;\"\n");
  ASSERT_TRUE(bad);
  ASSERT_TRUE(bad->findStream("items")->error);
  EXPECT_NE(bad->findStream("items")->error->message.find("one character"), std::string::npos);
  auto unknown = build("        encoding: klingon-8\n");
  ASSERT_TRUE(unknown);
  ASSERT_TRUE(unknown->findStream("items")->error);
  EXPECT_NE(unknown->findStream("items")->error->message.find("klingon-8"), std::string::npos);
}

// ---- XmlDecoder -------------------------------------------------------------------------------

TEST_F(DecoderTest, XmlMapsElementsAttributesTextAndRepeatsAsXmltodict) {
  serve(R"(<?xml version="1.0"?>
<root>
  <location id="123">
    San Francisco
  </location>
  <item id="1" category="books"><name>Book Title 1</name><price>10.99</price></item>
  <item id="2" category="electronics"><name>Gadget</name><price>299.99</price><empty/></item>
  <mixed a="x">text<b>1</b> more</mixed>
  <![CDATA[ignored at root level?]]>
</root>)",
        "application/xml");
  auto read = readWith("        type: XmlDecoder\n", "[root]");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 1u);
  const Json expected = Json::parse(R"({
    "location": {"@id": "123", "#text": "San Francisco"},
    "item": [
      {"@id": "1", "@category": "books", "name": "Book Title 1", "price": "10.99"},
      {"@id": "2", "@category": "electronics", "name": "Gadget", "price": "299.99", "empty": null}
    ],
    "mixed": {"@a": "x", "b": "1", "#text": "text more"},
    "#text": "ignored at root level?"
  })");
  EXPECT_EQ(read.records[0], expected);
}

TEST_F(DecoderTest, XmlKeepsNamespacePrefixesAndDeclarations) {
  serve(R"(<a:feed xmlns:a="urn:a" xmlns="urn:d"><a:entry a:id="7">x</a:entry><entry>y</entry></a:feed>)",
        "application/xml");
  auto read = readWith("        type: XmlDecoder\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0], Json::parse(R"({"a:feed": {"@xmlns:a": "urn:a", "@xmlns": "urn:d",
      "a:entry": {"@a:id": "7", "#text": "x"}, "entry": "y"}})"));
}

TEST_F(DecoderTest, XmlRecordsUnderARepeatedElement) {
  serve("<response><users><user><id>1</id></user><user><id>2</id></user></users></response>", "text/xml");
  auto read = readWith("        type: XmlDecoder\n", "[response, users, user]");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<Json>{{{"id", "1"}}, {{"id", "2"}}}));
}

TEST_F(DecoderTest, MalformedXmlGivesNoRecordsAndAWarningNamingTheStream) {
  serve("<root><a>1</b></root>", "application/xml");
  auto read = readWith("        type: XmlDecoder\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_TRUE(read.records.empty());
  ASSERT_FALSE(read.logs.empty());
  EXPECT_NE(read.logs[0].find("Stream 'items'"), std::string::npos) << read.logs[0];
  EXPECT_NE(read.logs[0].find("cannot be parsed as XML"), std::string::npos) << read.logs[0];
}

TEST_F(DecoderTest, XmlNeverExpandsExternalEntities) {
  manifold::testing::TempDir dir;
  const auto secret = dir.path() / "secret.txt";
  std::ofstream(secret) << "TOP-SECRET";
  serve("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://" + secret.string() +
            "\">]><r><v>&xxe;</v><w>kept</w></r>",
        "application/xml");
  auto read = readWith("        type: XmlDecoder\n");
  ASSERT_TRUE(read.result.succeeded());
  for (const auto& record : read.records) EXPECT_EQ(record.dump().find("TOP-SECRET"), std::string::npos);
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0]["r"]["w"], "kept");
  EXPECT_TRUE(read.records[0]["r"]["v"].is_null());
}

TEST_F(DecoderTest, XmlBillionLaughsIsNotExpanded) {
  std::string doc = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    doc += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) doc += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    doc += "\">";
  }
  doc += "]><lolz><v>&lol9;</v></lolz>";
  serve(doc, "application/xml");
  const auto start = std::chrono::steady_clock::now();
  auto read = readWith("        type: XmlDecoder\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_TRUE(read.result.succeeded());
  for (const auto& record : read.records) EXPECT_LT(record.dump().size(), 1000u);
}

TEST_F(DecoderTest, XmlDecoderFeedsAPaginator) {
  servePages({"<r><item><id>1</id></item><item><id>2</id></item></r>", "<r><item><id>3</id></item></r>"}, "text/xml");
  auto read = readWith("        type: XmlDecoder\n", "[r, item]",
                       "      paginator:\n"
                       "        type: DefaultPaginator\n"
                       "        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
                       "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 3u);
  EXPECT_EQ(server_.requestCount(), 2u);
}

// ---- GzipDecoder ------------------------------------------------------------------------------

TEST_F(DecoderTest, GzipUnpacksByMagicBytesForTheInnerDecoder) {
  serve(gzipped(R"({"data": [{"id": 1}, {"id": 2}]})"), "application/octet-stream");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonDecoder}\n", "[data]");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<Json>{{{"id", 1}}, {{"id", 2}}}));
}

TEST_F(DecoderTest, GzipPassesBytesWithoutTheMagicThrough) {
  serve("id,v\n1,a\n", "text/csv");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: CsvDecoder}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<Json>{{{"id", "1"}, {"v", "a"}}}));
}

TEST_F(DecoderTest, GzipOfJsonlAndConcatenatedMembers) {
  serve(gzipped("{\"id\": 1}\n") + gzipped("{\"id\": 2}\n"), "application/gzip");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonlDecoder}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<Json>{{{"id", 1}}, {{"id", 2}}}));
}

TEST_F(DecoderTest, GzipInnerJsonIsStrictAsTheReferencesJsonParser) {
  serve(gzipped("not json at all"), "application/gzip");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonDecoder}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("Stream 'items', page 1"), std::string::npos);
  EXPECT_NE(read.result.failure->message.find("not valid JSON"), std::string::npos);
}

TEST_F(DecoderTest, TruncatedGzipFailsClearly) {
  auto body = gzipped(std::string(100000, 'x'));
  body.resize(body.size() / 2);
  serve(body, "application/gzip");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonlDecoder}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("truncated"), std::string::npos) << read.result.failure->message;
}

TEST_F(DecoderTest, GzipThatUnpacksPastTheBodyCapStops) {
  serve(gzipped(std::string(8 << 20, ' ')), "application/gzip");  // 8 MB of spaces, ~8 KB packed
  ReadOptions options = fastOptions();
  options.http.maxBodyBytes = 1 << 20;
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonlDecoder}\n", "[]", "", options);
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("body cap"), std::string::npos) << read.result.failure->message;
}

TEST_F(DecoderTest, GzipWithJsonPaginatesAndWithOtherDecodersCannot) {
  auto gzipCsv = buildSource(oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n",
                                               "      decoder: {type: GzipDecoder, decoder: {type: CsvDecoder}}\n"
                                               "      paginator:\n"
                                               "        type: DefaultPaginator\n"
                                               "        pagination_strategy: {type: PageIncrement, page_size: 5}\n"
                                               "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: p}\n"));
  ASSERT_TRUE(gzipCsv);
  ASSERT_TRUE(gzipCsv->findStream("items")->error);
  servePages({gzipped(R"({"data": [{"id": 1}, {"id": 2}]})"), gzipped(R"({"data": [{"id": 3}]})")}, "application/gzip");
  auto read = readWith("        type: GzipDecoder\n        decoder: {type: JsonDecoder}\n", "[data]",
                       "      paginator:\n"
                       "        type: DefaultPaginator\n"
                       "        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
                       "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 3u);
}

TEST_F(DecoderTest, GzipRefusesAnInnerDecoderTheReferenceHasNoParserFor) {
  // The validator flags it too; the engine must refuse it on its own.
  auto source = buildUnvalidated(oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n",
                                                   "      decoder: {type: GzipDecoder, decoder: {type: XmlDecoder}}\n"));
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->findStream("items")->error);
  EXPECT_NE(source->findStream("items")->error->message.find("XmlDecoder cannot be the decoder inside a GzipDecoder"),
            std::string::npos);
}

// ---- IterableDecoder --------------------------------------------------------------------------

TEST_F(DecoderTest, IterableGivesOneRecordPerLine) {
  serve("first\r\nsecond\n\nthird\rfourth\n", "text/plain");
  auto read = readWith("        type: IterableDecoder\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const std::vector<Json> expected = {{{"record", "first"}}, {{"record", "second"}}, {{"record", ""}},
                                      {{"record", "third"}}, {{"record", "fourth"}}};
  EXPECT_EQ(read.records, expected);
}

TEST_F(DecoderTest, IterableLineThatIsNotUtf8FailsNamingTheLine) {
  serve("ok\nbad \xc3\x28\n", "text/plain");
  auto read = readWith("        type: IterableDecoder\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("line 2"), std::string::npos) << read.result.failure->message;
}

// ---- ZipfileDecoder ---------------------------------------------------------------------------

TEST_F(DecoderTest, ZipfileReadsEveryFileInOrderWithTheInnerDecoder) {
  serve(zipped({{"a.csv", "id,v\n1,x\n2,y\n"}, {"b.csv", "id,v\n3,z\n"}}), "application/zip");
  auto read = readWith("        type: ZipfileDecoder\n        decoder: {type: CsvDecoder}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const std::vector<Json> expected = {{{"id", "1"}, {"v", "x"}}, {{"id", "2"}, {"v", "y"}}, {{"id", "3"}, {"v", "z"}}};
  EXPECT_EQ(read.records, expected);
}

TEST_F(DecoderTest, ZipfileOfGzippedJson) {
  serve(zipped({{"data.json.gz", gzipped(R"([{"id": 1}, {"id": 2}])")}}), "application/zip");
  auto read = readWith("        type: ZipfileDecoder\n        decoder: {type: GzipDecoder, decoder: {type: JsonDecoder}}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<Json>{{{"id", 1}}, {{"id", 2}}}));
}

TEST_F(DecoderTest, ZipfileThatIsNotAZipFailsClearly) {
  serve("PK\x03\x04 this is not really a zip", "application/zip");
  auto read = readWith("        type: ZipfileDecoder\n        decoder: {type: JsonDecoder}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("invalid zip file"), std::string::npos) << read.result.failure->message;
  EXPECT_NE(read.result.failure->message.find("Stream 'items', page 1"), std::string::npos);
}

TEST_F(DecoderTest, ZipfileFileTheInnerDecoderRejectsIsNamed) {
  serve(zipped({{"good.json", R"({"id": 1})"}, {"broken.json", "{oops"}}), "application/zip");
  auto read = readWith("        type: ZipfileDecoder\n        decoder: {type: JsonDecoder}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("'broken.json'"), std::string::npos) << read.result.failure->message;
}

TEST_F(DecoderTest, ZipfileUnpackedSizeIsBoundedByTheBodyCap) {
  serve(zipped({{"big.jsonl", std::string(4 << 20, '\n')}}), "application/zip");
  ReadOptions options = fastOptions();
  options.http.maxBodyBytes = 1 << 20;
  auto read = readWith("        type: ZipfileDecoder\n        decoder: {type: JsonlDecoder}\n", "[]", "", options);
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("body cap"), std::string::npos) << read.result.failure->message;
}

}  // namespace
}  // namespace manifold::engine
