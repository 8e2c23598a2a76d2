// Reads and writes a text file so that saving gives back exactly the bytes that were read.
#pragma once

#include <QString>

namespace manifold::ui {

// A UTF-8 text file as the editor holds it: the text plus what Qt would otherwise drop.
struct TextFile {
  QString text;
  bool hasBom = false;   // the file started with a UTF-8 byte-order mark
  bool usesCrLf = false; // the first line break was CRLF (new lines follow it)
};

struct TextFileResult {
  bool ok = false;
  QString error;  // "Cannot read /path: <reason>" when !ok
  TextFile file;
};

// Reads `path`. Invalid UTF-8 is refused (the editor could not give the bytes back).
TextFileResult readTextFile(const QString& path);

// Writes atomically (QSaveFile: temporary file, then rename). Returns an error message,
// empty on success; on failure the original file is untouched.
QString writeTextFile(const QString& path, const TextFile& file);

}  // namespace manifold::ui
