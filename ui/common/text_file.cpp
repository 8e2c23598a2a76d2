// Reads and writes a text file so that saving gives back exactly the bytes that were read.
#include "ui/common/text_file.h"

#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>

namespace manifold::ui {

namespace {
constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
}

TextFileResult readTextFile(const QString& path) {
  TextFileResult result;
  QFile in(path);
  if (!in.open(QIODevice::ReadOnly)) {
    result.error = QStringLiteral("Cannot read %1: %2").arg(path, in.errorString());
    return result;
  }
  QByteArray bytes = in.readAll();
  if (in.error() != QFileDevice::NoError) {
    result.error = QStringLiteral("Cannot read %1: %2").arg(path, in.errorString());
    return result;
  }
  if (bytes.startsWith(kUtf8Bom)) {
    result.file.hasBom = true;
    bytes.remove(0, 3);
  }
  QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
  result.file.text = decoder.decode(bytes);
  if (decoder.hasError()) {
    result.error = QStringLiteral("Cannot open %1: the file is not valid UTF-8 text").arg(path);
    return result;
  }
  const qsizetype newline = bytes.indexOf('\n');
  result.file.usesCrLf = newline > 0 && bytes.at(newline - 1) == '\r';
  result.ok = true;
  return result;
}

QString writeTextFile(const QString& path, const TextFile& file) {
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly)) {
    return QStringLiteral("Cannot save %1: %2").arg(path, out.errorString());
  }
  QByteArray bytes;
  if (file.hasBom) bytes.append(kUtf8Bom);
  bytes.append(file.text.toUtf8());
  if (out.write(bytes) != bytes.size() || !out.commit()) {
    return QStringLiteral("Cannot save %1: %2").arg(path, out.errorString());
  }
  return {};
}

}  // namespace manifold::ui
