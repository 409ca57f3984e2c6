// The page hosts' wire format carries every processing option.
#include "core/isolation/wire_p.h"

#include <QBuffer>
#include <QDataStream>

#include <gtest/gtest.h>

using namespace incidoc;

TEST(Wire, ProcessOptionsCarryTheEnginesAndTheProfile)
{
    ProcessOptions sent;
    sent.languages = QStringLiteral("eng+fra");
    sent.engines = QStringLiteral("tesseract+ppocr");
    sent.profile = QStringLiteral("fast");
    sent.ocrDeadlineMs = 1234;
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << sent;
    }
    ProcessOptions received;
    QDataStream in(bytes);
    in >> received;
    EXPECT_EQ(in.status(), QDataStream::Ok);
    EXPECT_TRUE(in.atEnd());
    EXPECT_EQ(received.engines, sent.engines);
    EXPECT_EQ(received.profile, sent.profile);
    EXPECT_EQ(received.languages, sent.languages);
    EXPECT_EQ(received.ocrDeadlineMs, 1234);

    ProcessOptions defaults; // empty engines and the default profile survive too
    QByteArray again;
    {
        QDataStream out(&again, QIODevice::WriteOnly);
        out << defaults;
    }
    ProcessOptions back;
    back.engines = QStringLiteral("ppocr");
    QDataStream in2(again);
    in2 >> back;
    EXPECT_TRUE(back.engines.isEmpty());
    EXPECT_EQ(back.profile, QStringLiteral("accurate"));
}

TEST(Wire, ProcessOptionsCarryADocumentTypesProfile)
{
    // What a type's profile changes reaches the page host: DPI, what Tesseract reads, the review threshold.
    ProcessOptions sent;
    sent.render.dpi = 150;
    sent.binarize.method = BinarizeMethod::Sauvola;
    sent.ocrReadsBinarized = true;
    sent.reviewThreshold = 95.f;
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << sent;
    }
    ProcessOptions received;
    QDataStream in(bytes);
    in >> received;
    EXPECT_EQ(in.status(), QDataStream::Ok);
    EXPECT_TRUE(in.atEnd());
    EXPECT_EQ(received.render.dpi, 150);
    EXPECT_EQ(received.binarize.method, BinarizeMethod::Sauvola);
    EXPECT_TRUE(received.ocrReadsBinarized);
    EXPECT_EQ(received.reviewThreshold.value_or(0), 95.f);

    ProcessOptions unset; // no threshold stays none
    QByteArray again;
    {
        QDataStream out(&again, QIODevice::WriteOnly);
        out << unset;
    }
    ProcessOptions back;
    back.reviewThreshold = 10.f;
    QDataStream in2(again);
    in2 >> back;
    EXPECT_FALSE(back.reviewThreshold.has_value());
}
