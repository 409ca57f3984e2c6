// The kind of failure: its stored names, and the app's decision not to render a page taken from the kind
// alone, never from the reason's words.
#include "core/model/records.h"

#include <gtest/gtest.h>

namespace incidoc {
namespace {

TEST(FailureKind, StoredNamesAreStableAndReadBack)
{
    const std::pair<FailureKind, const char*> names[] = {
        {FailureKind::None, ""},     {FailureKind::Error, "error"},   {FailureKind::Crash, "crash"},
        {FailureKind::Hang, "hang"}, {FailureKind::Memory, "memory"}, {FailureKind::Cancelled, "cancelled"}};
    for (const auto& [kind, name] : names) {
        EXPECT_EQ(toString(kind), QLatin1String(name));
        EXPECT_EQ(failureKindFromString(QLatin1String(name)), kind) << name;
    }
    EXPECT_EQ(failureKindFromString(QString()), FailureKind::None);
    EXPECT_FALSE(failureKindFromString(QStringLiteral("Crash")).has_value());
    EXPECT_FALSE(failureKindFromString(QStringLiteral("timeout")).has_value());
}

TEST(FailureKind, APageFailedInIsolationOnlyByItsKind)
{
    PageRecord page;
    page.status = PageStatus::Failed;
    page.failure = FailureKind::Error;
    page.error = QStringLiteral("processing this page crashed the renderer or OCR engine (signal 11)");
    EXPECT_FALSE(failedInIsolation(page)) << "the words of the reason decide nothing";
    for (FailureKind kind : {FailureKind::Crash, FailureKind::Hang, FailureKind::Memory}) {
        page.failure = kind;
        page.error = QStringLiteral("anything at all");
        EXPECT_TRUE(failedInIsolation(page)) << toString(kind).toStdString();
        EXPECT_TRUE(isIsolationFailure(kind));
    }
    for (FailureKind kind : {FailureKind::None, FailureKind::Error, FailureKind::Cancelled}) {
        page.failure = kind;
        EXPECT_FALSE(failedInIsolation(page)) << toString(kind).toStdString();
        EXPECT_FALSE(isIsolationFailure(kind));
    }
    page.failure = FailureKind::Crash;
    page.status = PageStatus::Queued; // queued again: no longer failed
    EXPECT_FALSE(failedInIsolation(page));
}

} // namespace
} // namespace incidoc
