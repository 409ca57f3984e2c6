#include "ui/failure_text.h"

namespace incidoc::ui {

QString FailureText::pageSummary(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return {};
    case FailureKind::Error: return tr("could not be processed");
    case FailureKind::Crash: return tr("crashed the renderer or OCR engine and was skipped");
    case FailureKind::Hang:
        return tr("took longer than its time budget (the renderer or OCR engine hung) and was skipped");
    case FailureKind::Memory: return tr("used more memory than its budget and was skipped");
    case FailureKind::Cancelled: return tr("was cancelled");
    }
    return {};
}

QString FailureText::documentSummary(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return {};
    case FailureKind::Error: return tr("could not be imported");
    case FailureKind::Crash: return tr("opening it crashed the reader; it was skipped");
    case FailureKind::Hang: return tr("opening it took longer than its time budget; it was skipped");
    case FailureKind::Memory: return tr("opening it used more memory than its budget; it was skipped");
    case FailureKind::Cancelled: return tr("its import was cancelled");
    }
    return {};
}

QString FailureText::pageNotShown(FailureKind kind)
{
    switch (kind) {
    case FailureKind::Crash:
        return tr("Processing this page crashed the renderer or OCR engine; it was skipped and is not shown here.");
    case FailureKind::Hang:
        return tr("Processing this page took longer than its time budget (the renderer or OCR engine hung); it was "
                  "skipped and is not shown here.");
    case FailureKind::Memory:
        return tr("Processing this page used more memory than its budget; it was skipped and is not shown here.");
    case FailureKind::None:
    case FailureKind::Error:
    case FailureKind::Cancelled: break;
    }
    return tr("This page is not shown.");
}

QString FailureText::withDetail(const QString& summary, const QString& reason)
{
    if (reason.isEmpty())
        return summary;
    if (summary.isEmpty())
        return reason;
    return tr("%1 (%2)", "a failure: what happened (the reason the engine gave)").arg(summary, reason);
}

QString FailureText::ofPage(const PageRecord& page)
{
    if (page.status != PageStatus::Failed)
        return page.error;
    return withDetail(pageSummary(page.failure == FailureKind::None ? FailureKind::Error : page.failure), page.error);
}

QString FailureText::ofDocument(const DocumentRecord& document)
{
    if (document.error.isEmpty())
        return {};
    return withDetail(documentSummary(document.failure == FailureKind::None ? FailureKind::Error : document.failure),
                      document.error);
}

} // namespace incidoc::ui
