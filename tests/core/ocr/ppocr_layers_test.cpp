// The layers the rewritten PP-OCR recognizer adds to OpenCV's dnn (core/ocr/ppocr_layers.h) compute what
// OpenCV's own layers they replace compute: the same network is built twice, once with OpenCV's grouped
// Convolution and once with IncidocDepthwise5x5, and both run on the same random batch.
#include "core/ocr/ppocr_layers.h"

#include <gtest/gtest.h>
#include <opencv2/dnn.hpp>

using namespace incidoc;

namespace {

cv::Mat randomBlob(std::initializer_list<int> shape, int seed)
{
    const std::vector<int> dims(shape);
    cv::Mat blob(static_cast<int>(dims.size()), dims.data(), CV_32F);
    cv::RNG rng(static_cast<uint64>(seed));
    rng.fill(blob, cv::RNG::UNIFORM, -1.0, 1.0);
    return blob;
}

/// One depthwise 5 × 5 layer (pad 2, the given vertical stride) with OpenCV's Convolution or ours.
cv::Mat runDepthwise(const char* type, const cv::Mat& input, const cv::Mat& weights, const cv::Mat& bias, int strideY)
{
    cv::dnn::LayerParams params;
    params.name = "depthwise";
    params.type = type;
    params.blobs = {weights, bias};
    if (std::string(type) == "Convolution") {
        params.set("kernel_h", 5);
        params.set("kernel_w", 5);
        params.set("pad_h", 2);
        params.set("pad_w", 2);
        params.set("stride_h", strideY);
        params.set("stride_w", 1);
        params.set("group", weights.size[0]);
        params.set("num_output", weights.size[0]);
        params.set("bias_term", true);
    } else {
        params.set("stride_y", strideY);
    }
    cv::dnn::Net net;
    net.addLayerToPrev(params.name, params.type, params);
    net.setInput(input);
    return net.forward().clone();
}

} // namespace

TEST(PpocrLayers, Depthwise5x5MatchesOpenCvsConvolution)
{
    registerPpocrLayers();
    registerPpocrLayers(); // twice is harmless
    const int channels = 6;
    const cv::Mat weights = randomBlob({channels, 1, 5, 5}, 1);
    const cv::Mat bias = randomBlob({channels}, 2).reshape(1, channels);
    for (const int strideY : {1, 2}) {
        // Odd and even heights, widths below, at and above a SIMD register's lanes, a batch of 3.
        for (const auto& [height, width] : {std::pair{12, 64}, std::pair{7, 3}, std::pair{1, 9}, std::pair{6, 17}}) {
            const cv::Mat input = randomBlob({3, channels, height, width}, height * 100 + width);
            const cv::Mat theirs = runDepthwise("Convolution", input, weights, bias, strideY);
            const cv::Mat ours = runDepthwise("IncidocDepthwise5x5", input, weights, bias, strideY);
            ASSERT_EQ(ours.dims, 4);
            for (int d = 0; d < 4; ++d)
                ASSERT_EQ(ours.size[d], theirs.size[d]) << "stride " << strideY << ", " << height << "×" << width;
            EXPECT_LT(cv::norm(ours, theirs, cv::NORM_INF), 1e-4)
                << "stride " << strideY << ", " << height << "×" << width;
        }
    }
}

TEST(PpocrLayers, Depthwise5x5RefusesWeightsOfAnotherShape)
{
    registerPpocrLayers();
    cv::dnn::LayerParams params;
    params.name = "bad";
    params.type = "IncidocDepthwise5x5";
    params.blobs = {randomBlob({4, 1, 3, 3}, 3), randomBlob({4}, 4)};
    cv::dnn::Net net;
    EXPECT_THROW(
        {
            net.addLayerToPrev(params.name, params.type, params);
            net.setInput(randomBlob({1, 4, 8, 8}, 5));
            net.forward();
        },
        cv::Exception);
}
