#include "core/ocr/ppocr_layers.h"

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/dnn/layer.details.hpp>
#include <opencv2/dnn/shape_utils.hpp>

#include <algorithm>
#include <mutex>
#include <vector>

namespace incidoc {

namespace {

/// A 5 × 5 depthwise convolution with zero padding 2 on every side, a vertical stride of 1 or 2 and a
/// horizontal stride of 1, with bias: PP-LCNetV3's large-kernel blocks. OpenCV 4.6 runs these on its
/// generic convolution path (about 30 ms for 8 crops of one recognizer layer, against 1 ms for a 3 × 3
/// one); here each channel is copied once into a plane with a zero border and each run of outputs sums
/// its 25 products in SIMD registers.
class Depthwise5x5Layer final : public cv::dnn::Layer {
public:
    explicit Depthwise5x5Layer(const cv::dnn::LayerParams& params) : cv::dnn::Layer(params)
    {
        CV_Assert(!params.blobs.empty() && params.blobs[0].total() % 25 == 0);
        m_weights = params.blobs[0].reshape(1, static_cast<int>(params.blobs[0].total() / 25));
        const int channels = m_weights.rows;
        m_bias = params.blobs.size() > 1 ? params.blobs[1].reshape(1, 1) : cv::Mat::zeros(1, channels, CV_32F);
        CV_Assert(m_weights.type() == CV_32F && m_bias.type() == CV_32F
                  && static_cast<int>(m_bias.total()) == channels);
        m_strideY = params.get<int>("stride_y", 1);
        CV_Assert(m_strideY == 1 || m_strideY == 2);
    }

    static cv::Ptr<cv::dnn::Layer> create(cv::dnn::LayerParams& params)
    {
        return cv::makePtr<Depthwise5x5Layer>(params);
    }

    bool getMemoryShapes(const std::vector<cv::dnn::MatShape>& inputs, int, std::vector<cv::dnn::MatShape>& outputs,
                         std::vector<cv::dnn::MatShape>&) const override
    {
        CV_Assert(inputs.size() == 1 && inputs[0].size() == 4 && inputs[0][1] == m_weights.rows);
        cv::dnn::MatShape out = inputs[0];
        out[2] = (out[2] - 1) / m_strideY + 1; // (H + 2·2 − 5) / stride + 1
        outputs.assign(1, out);
        return false;
    }

    void forward(cv::InputArrayOfArrays inputsArray, cv::OutputArrayOfArrays outputsArray,
                 cv::OutputArrayOfArrays) override
    {
        std::vector<cv::Mat> inputs, outputs;
        inputsArray.getMatVector(inputs);
        outputsArray.getMatVector(outputs);
        const cv::Mat& in = inputs[0];
        cv::Mat& out = outputs[0];
        const int batch = in.size[0], channels = in.size[1], height = in.size[2], width = in.size[3];
        const int outHeight = out.size[2];
        // One channel's plane with two zero rows and columns on every side: the borders stay zero, only
        // the inside is rewritten for each channel.
        const int stride = width + 4;
        std::vector<float> padded(static_cast<size_t>(height + 4) * stride, 0.f);
        for (int b = 0; b < batch; ++b) {
            for (int c = 0; c < channels; ++c) {
                const float* src = in.ptr<float>(b, c);
                for (int y = 0; y < height; ++y)
                    std::copy_n(src + static_cast<ptrdiff_t>(y) * width, width,
                                padded.data() + static_cast<ptrdiff_t>(y + 2) * stride + 2);
                float* dst = out.ptr<float>(b, c);
                for (int y = 0; y < outHeight; ++y)
                    convolveRow(padded.data() + static_cast<ptrdiff_t>(y) * m_strideY * stride, stride,
                                m_weights.ptr<float>(c), m_bias.at<float>(c), dst + static_cast<ptrdiff_t>(y) * width,
                                width);
            }
        }
    }

private:
    /// out[x] = bias + Σ k[i·5 + j] · top[i·stride + x + j] over the five rows from `top`: all 25 products
    /// of a run of x summed in registers, one store.
    static void convolveRow(const float* top, int stride, const float* k, float bias, float* out, int width)
    {
        int x = 0;
#if CV_SIMD
        const int lanes = cv::v_float32::nlanes;
        for (; x + lanes <= width; x += lanes) {
            cv::v_float32 sum = cv::vx_setall_f32(bias);
            for (int i = 0; i < 5; ++i) {
                const float* line = top + static_cast<ptrdiff_t>(i) * stride + x;
                for (int j = 0; j < 5; ++j)
                    sum = cv::v_fma(cv::vx_load(line + j), cv::vx_setall_f32(k[i * 5 + j]), sum);
            }
            cv::v_store(out + x, sum);
        }
#endif
        for (; x < width; ++x) {
            float sum = bias;
            for (int i = 0; i < 5; ++i)
                for (int j = 0; j < 5; ++j)
                    sum += k[i * 5 + j] * top[static_cast<ptrdiff_t>(i) * stride + x + j];
            out[x] = sum;
        }
    }

    cv::Mat m_weights; // channels × 25
    cv::Mat m_bias;    // 1 × channels
    int m_strideY = 1;
};

} // namespace

void registerPpocrLayers()
{
    static std::once_flag once;
    std::call_once(once,
                   [] { cv::dnn::LayerFactory::registerLayer("IncidocDepthwise5x5", Depthwise5x5Layer::create); });
}

} // namespace incidoc
