// ZipfileDecoder with libzip reading from memory. Like the reference, an unreadable archive and a
// file the inner decoder rejects are errors that name the file; every entry of namelist() is
// read, directories included (their content is empty).
#include "core/engine/decode/zipfile_decoder.h"

#include "core/engine/decode/gzip_decoder.h"
#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"

#include <zip.h>

#include <memory>

namespace manifold::engine {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

void ZipfileDecoder::decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const {
  const std::size_t cap = read.client().options().maxBodyBytes;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(response.body.data(), response.body.size(), 0, &error);
  if (source == nullptr) {
    const std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ReadError("could not read the zip file in the response: " + text);
  }
  std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    const std::string text = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    throw ReadError("received an invalid zip file in the response (" + std::to_string(response.body.size()) +
                    " bytes): " + text);
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* rawName = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    const std::string name = rawName ? rawName : "#" + std::to_string(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0) {
      throw ReadError("could not read the entry '" + name + "' of the zip file in the response");
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > cap - total) {
      throw ReadError("the file '" + name + "' of the zip file in the response unpacks to more than the body cap of " +
                      std::to_string(cap) + " bytes; Manifold did not unpack it");
    }
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
    if (!file) {
      throw ReadError("could not open the file '" + name + "' of the zip file in the response: " +
                      zip_strerror(archive.get()));
    }
    // Read up to one byte past the declared size, so a size that lies is noticed too.
    std::string content;
    char buffer[65536];
    while (true) {
      const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
      if (got < 0) {
        throw ReadError("the file '" + name + "' of the zip file in the response is corrupt: " +
                        zip_file_strerror(file.get()));
      }
      if (got == 0) break;
      if (static_cast<std::size_t>(got) > cap - total - content.size()) {
        throw ReadError("the files of the zip file in the response unpack to more than the body cap of " +
                        std::to_string(cap) + " bytes; Manifold stopped unpacking at '" + name + "'");
      }
      content.append(buffer, static_cast<std::size_t>(got));
    }
    total += content.size();
    const std::size_t before = bodies.size();
    try {
      inner_->decode(withBody(response, std::move(content)), read, bodies);
    } catch (const ReadError& e) {
      bodies.resize(before);
      throw ReadError("failed to parse the file '" + name + "' of the zip file in the response: " + e.what(),
                      e.failureType(), e.internalMessage());
    }
  }
}

}  // namespace manifold::engine
