// EnginePool with real Tesseract engines: leases are reused, given back by RAII, never shared by two
// holders at once; families are registered by name; a lease outliving its pool is safe.
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"

#include <QFont>
#include <QPainter>

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "tests/support/qt_printers.h"

using namespace incidoc;

namespace {

QImage textImage(const QString& text)
{
    QImage rgb(1200, 200, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(50);
    QPainter p(&rgb);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(40, 120, text);
    p.end();
    return rgb.convertToFormat(QImage::Format_Grayscale8);
}

/// A second engine family: Tesseract under another name, counting what it makes.
class CountingFactory final : public OcrEngineFactory {
public:
    Result<std::unique_ptr<OcrEngine>> create(const QString& languages) const override
    {
        ++made;
        return TesseractEngineFactory().create(languages);
    }
    mutable std::atomic<int> made{0};
};

} // namespace

TEST(EnginePool, ALeaseGivenBackIsLentAgainInsteadOfMakingANewEngine)
{
    EnginePool pool;
    OcrEngine* first = nullptr;
    {
        auto lease = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
        ASSERT_TRUE(lease) << lease.error().message;
        first = lease->get();
        EXPECT_EQ(pool.idleCount(), 0);
    }
    EXPECT_EQ(pool.idleCount(), 1);
    auto again = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->get(), first);
    EXPECT_EQ(pool.created(), 1);

    OcrOptions options;
    options.dpi = 300;
    auto page = (*again)->recognize(textImage(QStringLiteral("Vehicle collision")), options, CancelToken());
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_GE(page->words.size(), 2u);
    EXPECT_EQ(page->words[0].text, QStringLiteral("Vehicle"));
}

TEST(EnginePool, TwoHoldersAtOnceGetTwoEnginesAndOtherLanguagesAnotherOne)
{
    EnginePool pool;
    const QString tess = QString::fromLatin1(EnginePool::kTesseract);
    auto a = pool.acquire(tess, QStringLiteral("eng"));
    auto b = pool.acquire(tess, QStringLiteral("eng"));
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->get(), b->get());
    a->release();
    EXPECT_FALSE(*a);
    // An idle "eng" engine is not lent for another language set.
    auto other = pool.acquire(tess, QStringLiteral("fra"));
    ASSERT_TRUE(other) << other.error().message;
    EXPECT_EQ(pool.created(), 3);
    EXPECT_EQ(pool.idleCount(), 1);
}

TEST(EnginePool, ThreadsNeverShareAnEngine)
{
    EnginePool pool;
    std::mutex mutex;
    std::set<OcrEngine*> inUse;
    std::atomic<int> clashes{0}, errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20; ++i) {
                auto lease = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
                if (!lease) {
                    ++errors;
                    continue;
                }
                {
                    std::lock_guard guard(mutex);
                    if (!inUse.insert(lease->get()).second)
                        ++clashes;
                }
                std::this_thread::yield();
                std::lock_guard guard(mutex);
                inUse.erase(lease->get());
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(clashes, 0);
    EXPECT_EQ(errors, 0);
    EXPECT_LE(pool.created(), 4); // never more engines than holders at once
    EXPECT_EQ(pool.idleCount(), pool.created());
}

TEST(EnginePool, ASecondFamilyIsOneRegistrationAndUnknownNamesAreAnError)
{
    EnginePool pool;
    auto missing = pool.acquire(QStringLiteral("neural"), QStringLiteral("eng"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("neural")));

    auto counting = std::make_shared<CountingFactory>();
    pool.registerEngine(QStringLiteral("neural"), counting);
    EXPECT_TRUE(pool.hasEngine(QStringLiteral("neural")));
    EXPECT_EQ(pool.engineNames(),
              (QStringList{QStringLiteral("neural"), QStringLiteral("ppocr"), QStringLiteral("tesseract")}));
    {
        auto lease = pool.acquire(QStringLiteral("neural"), QStringLiteral("eng"));
        ASSERT_TRUE(lease) << lease.error().message;
    }
    {
        auto lease = pool.acquire(QStringLiteral("neural"), QStringLiteral("eng"));
    }
    EXPECT_EQ(counting->made, 1);
    // Registering the name again drops its idle engines: they came from the old factory.
    pool.registerEngine(QStringLiteral("neural"), counting);
    EXPECT_EQ(pool.idleCount(), 0);
}

TEST(EnginePool, AMissingLanguageIsTheFactorysError)
{
    EnginePool pool;
    auto lease = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("xxx"));
    ASSERT_FALSE(lease);
    EXPECT_EQ(pool.idleCount(), 0);
}

TEST(EnginePool, PreloadMakesIdleEnginesAndMaxIdleBoundsThem)
{
    EnginePool pool;
    ASSERT_TRUE(pool.preload(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"), 2).ok());
    EXPECT_EQ(pool.created(), 2);
    EXPECT_EQ(pool.idleCount(), 2);

    EnginePool small(EnginePool::Options{1});
    ASSERT_TRUE(small.preload(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"), 2).ok());
    EXPECT_EQ(small.created(), 2);
    EXPECT_EQ(small.idleCount(), 1);
}

TEST(EnginePool, ALeaseOutlivingItsPoolStillWorksAndIsThenDestroyed)
{
    Result<EngineLease> lease = makeError(ErrorCode::Internal, QString());
    {
        EnginePool pool;
        lease = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
        ASSERT_TRUE(lease);
    }
    OcrOptions options;
    auto page = (*lease)->recognize(textImage(QStringLiteral("Report")), options, CancelToken());
    ASSERT_TRUE(page) << page.error().message;
    lease->release(); // no pool to go back to: destroyed, no crash (ASan checks the rest)
}

TEST(EnginePool, BothFamiliesOnTwoThreadsReadWhatOneThreadReads)
{
    // The two readers as the pipeline uses them: each thread leases a Tesseract and a PP-OCR engine per
    // page, reads the page, re-reads its words, gives both back. Run under ThreadSanitizer too.
    EnginePool pool;
    const QImage page = textImage(QStringLiteral("Driver Jonah Pritchard 4582"));
    auto readBoth = [&](QStringList* out) -> bool {
        auto tesseract = pool.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
        auto ppocr = pool.acquire(QString::fromLatin1(EnginePool::kPpocr), QStringLiteral("eng"));
        if (!tesseract || !ppocr)
            return false;
        auto words = (*tesseract)->recognize(page, OcrOptions{}, {});
        if (!words)
            return false;
        std::vector<PixelBox> boxes;
        for (const auto& w : words->words) {
            boxes.push_back(w.box);
            *out << w.text;
        }
        auto again = (*ppocr)->readWords(page, boxes, {});
        if (!again)
            return false;
        for (const auto& r : *again)
            *out << r.text;
        return true;
    };
    QStringList expected;
    ASSERT_TRUE(readBoth(&expected));
    EXPECT_TRUE(expected.contains(QStringLiteral("Pritchard")));
    std::atomic<int> mismatches{0}, errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 3; ++i) {
                QStringList got;
                if (!readBoth(&got))
                    ++errors;
                else if (got != expected)
                    ++mismatches;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(errors, 0);
    EXPECT_EQ(mismatches, 0);
    EXPECT_LE(pool.created(), 4); // two of each family at most
}
