#pragma once
// Between the core's types and the worker protocol's messages; between Error and grpc::Status.
// Internal to the core (includes generated protobuf and gRPC headers): used by worker_server.cpp and
// core/remote/remote_engine.cpp only. Reentrant.

#include "core/model/recognized_page.h"
#include "core/ocr/ocr_engine.h"
#include "core/util/result.h"

#include <QImage>

#include <grpcpp/support/status.h>

#include "incidoc/worker/v1/worker.pb.h"

namespace incidoc::remote {

namespace pb = ::incidoc::worker::v1;

/// How the client sends page images.
enum class ImageEncoding {
    Grey8, ///< raw bytes: no encoding cost; for workers on this machine or a fast network
    Png,   ///< lossless and smaller (about 3-5x on scans) at some client CPU: for remote workers
};

void toProto(const RecognizedPage& page, pb::RecognizeResponse* out);
RecognizedPage fromProto(const pb::RecognizeResponse& response);

pb::Segmentation toProto(Segmentation s);
Segmentation fromProto(pb::Segmentation s);

/// Fills `out` with the image (converted to 8-bit grey when it is not) and its DPI.
Status encodeImage(const QImage& image, int dpi, ImageEncoding encoding, pb::PageImage* out);
/// Checks and decodes a received image into 8-bit grey. Errors: InvalidInput (what is wrong, never
/// the content), TooLarge (over maxPixels, checked before decoding).
Result<QImage> decodeImage(const pb::PageImage& image, long long maxPixels);

/// Error → status: Cancelled → CANCELLED, Timeout → DEADLINE_EXCEEDED, InvalidInput/Unsupported →
/// INVALID_ARGUMENT, TooLarge → RESOURCE_EXHAUSTED, Unavailable → UNAVAILABLE, the rest → INTERNAL.
grpc::Status toGrpcStatus(const Error& error);

} // namespace incidoc::remote
