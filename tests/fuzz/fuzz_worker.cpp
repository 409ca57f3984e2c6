// Fuzz target: bytes from the network. The worker parses a RecognizeRequest itself
// (core/remote/worker_server.cpp) and decodes its image with decodeImage() (GREY8 or PNG) under
// kMaxImagePixels; the client parses a worker's RecognizeResponse and converts it with fromProto().
// The same bytes are tried as both. OCR itself is not run (not a parser of outside data).

#include "core/remote/proto_convert.h"
#include "core/remote/worker_protocol.h"

#include "tests/fuzz/fuzz_common.h"

using namespace incidoc;
namespace pb = ::incidoc::worker::v1;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > static_cast<size_t>(remote::kDefaultMaxMessageBytes))
        return 0;
    pb::RecognizeRequest request;
    if (request.ParseFromArray(data, static_cast<int>(size))) {
        const pb::PageImage& sent = request.image();
        Result<QImage> image = remote::decodeImage(sent, remote::kMaxImagePixels);
        // A GREY8 header over the pixel limit is refused as TooLarge before anything else is looked at
        // (proto_convert.h); computed in double here, so a width x height that overflows 64 bits counts.
        if (sent.encoding() == pb::PageImage::GREY8 && sent.width() > 0 && sent.height() > 0
            && (sent.dpi() == 0 || (sent.dpi() >= 30 && sent.dpi() <= 2400))
            && static_cast<double>(sent.width()) * sent.height() > static_cast<double>(remote::kMaxImagePixels)
            && (image.ok() || image.error().code != ErrorCode::TooLarge))
            __builtin_trap();
        if (image.ok()) {
            if (image->isNull() || image->format() != QImage::Format_Grayscale8
                || static_cast<long long>(image->width()) * image->height() > remote::kMaxImagePixels)
                __builtin_trap(); // decodeImage promises a grey image within the limit
        } else {
            (void)remote::toGrpcStatus(image.error());
        }
        (void)remote::fromProto(request.options().segmentation());
    }
    pb::RecognizeResponse response;
    if (response.ParseFromArray(data, static_cast<int>(size))) {
        const RecognizedPage page = remote::fromProto(response);
        for (const RecognizedWord& w : page.words) {
            // Indices from a worker are clamped into range (proto_convert.cpp): check that promise.
            if ((!page.blocks.empty() && (w.block < 0 || w.block >= static_cast<int>(page.blocks.size())))
                || (!page.lines.empty() && (w.line < 0 || w.line >= static_cast<int>(page.lines.size()))))
                __builtin_trap();
        }
    }
    return 0;
}
