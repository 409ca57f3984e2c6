#pragma once
// The page hosts' wire format: length-prefixed frames over the host's stdin and stdout, each a
// QDataStream of a request or an answer. One operator<< / operator>> pair per record, as KDAB hotspot
// talks to its perfparser. Private to core/isolation: both ends are built from the same source, so the
// format has no version of its own beyond kStreamVersion.
//
// A request frame: Request, then its fields. An answer frame: quint8 ok (1) and the result, or ok (0)
// and an Error. While a page is processed the host sends phase frames {kPhaseFrame, PagePhase} before
// its answer, so that the pool can hold each phase to its own budget.

#include "core/import/importer.h"
#include "core/model/records.h"
#include "core/ocr/ocr_engine.h"
#include "core/pipeline/page_processor.h"
#include "core/remote/remote_options.h"
#include "core/render/page_renderer.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QDataStream>
#include <QImage>
#include <QIODevice>

#include <optional>
#include <vector>

namespace incidoc {

namespace wire {

enum class Request : quint8 { Process = 1, Render = 2, Recognize = 3, Inspect = 4 };
/// First byte of a two-byte phase frame (answers start with their ok byte, 0 or 1).
inline constexpr quint8 kPhaseFrame = 0x70;
/// A 60 MP display render is 60 MB; anything near 1 GB is a bug.
inline constexpr quint32 kMaxFrame = 1024u * 1024 * 1024;
inline constexpr auto kStreamVersion = QDataStream::Qt_6_4;

/// A grey image as raw rows: QDataStream's own QImage form is PNG, far too slow for page-sized images.
struct GreyImage {
    QImage image; ///< written as Grayscale8 whatever its format
};

/// A frame body: the request type, then what `fill` writes.
template <typename Fill>
QByteArray request(Request type, Fill&& fill)
{
    QByteArray body;
    QDataStream s(&body, QIODevice::WriteOnly);
    s.setVersion(kStreamVersion);
    s << quint8(type);
    fill(s);
    return body;
}

// ---- frames on file descriptors (blocking, EINTR retried) ----------------------------------------

/// Writes all of `data`; false when the other side is gone.
bool writeAll(int fd, const char* data, size_t size);
/// Reads exactly `size` bytes; false at end of file or on an error.
bool readAll(int fd, char* data, size_t size);
/// A 4-byte big-endian length, then the body.
bool writeFrame(int fd, const QByteArray& body);
/// The length in a frame's 4-byte header.
quint32 frameSize(const char* header);

} // namespace wire

// ---- records (namespace incidoc: found by argument-dependent lookup) -------------------------------

QDataStream& operator<<(QDataStream& s, const RenderOptions& o);
QDataStream& operator>>(QDataStream& s, RenderOptions& o);
QDataStream& operator<<(QDataStream& s, const ProcessOptions& o);
QDataStream& operator>>(QDataStream& s, ProcessOptions& o);
QDataStream& operator<<(QDataStream& s, const std::optional<RemoteOptions>& o);
QDataStream& operator>>(QDataStream& s, std::optional<RemoteOptions>& o);
QDataStream& operator<<(QDataStream& s, const RemoteStats& o);
QDataStream& operator>>(QDataStream& s, RemoteStats& o);
QDataStream& operator<<(QDataStream& s, const PageJob& j);
QDataStream& operator>>(QDataStream& s, PageJob& j);
QDataStream& operator<<(QDataStream& s, const OcrOptions& o);
QDataStream& operator>>(QDataStream& s, OcrOptions& o);
QDataStream& operator<<(QDataStream& s, const ImportLimits& o);
QDataStream& operator>>(QDataStream& s, ImportLimits& o);
/// Sets ReadCorruptData on a size over kMaxFrame or an image that cannot be allocated.
QDataStream& operator<<(QDataStream& s, const wire::GreyImage& g);
QDataStream& operator>>(QDataStream& s, wire::GreyImage& g);
/// As the worker protocol's RecognizeResponse (the same code as the gRPC workers').
QDataStream& operator<<(QDataStream& s, const RecognizedPage& page);
QDataStream& operator>>(QDataStream& s, RecognizedPage& page);
QDataStream& operator<<(QDataStream& s, const RenderedPage& page);
QDataStream& operator>>(QDataStream& s, RenderedPage& page);
QDataStream& operator<<(QDataStream& s, const PageOutcome& o);
QDataStream& operator>>(QDataStream& s, PageOutcome& o);
/// The fields a host knows of a document: path, name, hash, size, kind, page count, failure kind.
QDataStream& operator<<(QDataStream& s, const DocumentRecord& d);
QDataStream& operator>>(QDataStream& s, DocumentRecord& d);
/// Sets ReadCorruptData on more than ten million pages.
QDataStream& operator<<(QDataStream& s, const std::vector<PageInfo>& pages);
QDataStream& operator>>(QDataStream& s, std::vector<PageInfo>& pages);
QDataStream& operator<<(QDataStream& s, const Error& e);
QDataStream& operator>>(QDataStream& s, Error& e);

} // namespace incidoc
