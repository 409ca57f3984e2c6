#include "ui/shell/app_settings.h"

#include "core/ocr/engine_pool.h"
#include "core/pipeline/engine_choice.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace incidoc::ui {

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.dpi = std::clamp(s.value(QStringLiteral("processing/dpi"), a.dpi).toInt(), 72, 600);
    a.binarize =
        binarizeMethodFromString(s.value(QStringLiteral("processing/binarize"), toString(a.binarize)).toString())
            .value_or(a.binarize);
    a.languages = s.value(QStringLiteral("processing/languages"), a.languages).toString();
    if (a.languages.trimmed().isEmpty())
        a.languages = QStringLiteral("eng");
    a.jobs = std::clamp(s.value(QStringLiteral("processing/jobs"), a.jobs).toInt(), 0, 64);
    a.confidenceThreshold =
        std::clamp(s.value(QStringLiteral("review/confidenceThreshold"), a.confidenceThreshold).toInt(), 0, 100);
    a.readableWordHeight =
        std::clamp(s.value(QStringLiteral("review/readableWordHeight"), a.readableWordHeight).toInt(), 0, 200);
    a.overlayOpacity = std::clamp(s.value(QStringLiteral("review/overlayOpacity"), a.overlayOpacity).toInt(), 10, 100);
    a.theme = s.value(QStringLiteral("ui/theme"), a.theme).toString();
    a.uiLanguage = s.value(QStringLiteral("ui/language"), a.uiLanguage).toString();
    if (a.uiLanguage.trimmed().isEmpty())
        a.uiLanguage = QStringLiteral("system");
    // A hand-edited INI file reads "a:1, b:2" (unquoted) as a list.
    const QVariant workers = s.value(QStringLiteral("workers/addresses"), a.workers);
    a.workers = (workers.typeId() == QMetaType::QStringList ? workers.toStringList().join(QStringLiteral(","))
                                                            : workers.toString())
                    .trimmed();
    a.apiKeyFile = s.value(QStringLiteral("workers/apiKeyFile"), a.apiKeyFile).toString();
    a.tlsCaFile = s.value(QStringLiteral("workers/tlsCaFile"), a.tlsCaFile).toString();
    // Anything but "local" stops: a typo must not send pages to this computer unasked.
    a.fallback = s.value(QStringLiteral("workers/fallback"), a.fallback).toString() == QLatin1String("local")
                     ? QStringLiteral("local")
                     : QStringLiteral("stop");
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("processing/dpi"), dpi);
    s.setValue(QStringLiteral("processing/binarize"), toString(binarize));
    s.setValue(QStringLiteral("processing/languages"), languages);
    s.setValue(QStringLiteral("processing/jobs"), jobs);
    s.setValue(QStringLiteral("review/confidenceThreshold"), confidenceThreshold);
    s.setValue(QStringLiteral("review/readableWordHeight"), readableWordHeight);
    s.setValue(QStringLiteral("review/overlayOpacity"), overlayOpacity);
    s.setValue(QStringLiteral("ui/theme"), theme);
    s.setValue(QStringLiteral("ui/language"), uiLanguage);
    s.setValue(QStringLiteral("workers/addresses"), workers.trimmed());
    s.setValue(QStringLiteral("workers/apiKeyFile"), apiKeyFile);
    s.setValue(QStringLiteral("workers/tlsCaFile"), tlsCaFile);
    s.setValue(QStringLiteral("workers/fallback"), fallback);
}

PipelineOptions AppSettings::pipelineOptions() const
{
    PipelineOptions o;
    o.jobs = jobs;
    o.process.render.dpi = dpi;
    o.process.languages = languages;
    o.process.binarize.method = binarize;
    if (auto engines = resolveEngines({ocrEngines, ocrProfile}, false, EnginePool().engines())) {
        o.process.engines = engines->engines;
        o.process.profile = engines->profile;
    }
    return o;
}

QString AppSettings::engineNote() const
{
    auto engines = resolveEngines({ocrEngines, ocrProfile}, false, EnginePool().engines());
    if (!engines)
        return engines.error().message;
    if (engines->fellBackFrom.isEmpty())
        return {};
    return QCoreApplication::translate("incidoc::ui::AppSettings", "%1 is not available (%2): Tesseract reads alone.")
        .arg(engines->fellBackFrom == QLatin1String("ppocr") ? QStringLiteral("PP-OCR") : engines->fellBackFrom,
             engines->fallbackReason);
}

RemoteOptions AppSettings::remoteOptions() const
{
    RemoteOptions o;
    o.workers = workers.trimmed();
    o.apiKeyFile = apiKeyFile.trimmed();
    o.tlsCaFile = tlsCaFile.trimmed();
    o.fallback = fallback == QLatin1String("local") ? RemoteFallback::Local : RemoteFallback::Stop;
    return o;
}

void applyTheme(const QString& theme)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        return;
    // The default style keeps the platform look; light and dark use Fusion, whose palette is honoured
    // everywhere.
    static const QString systemStyle = app->style() ? app->style()->name() : QString();
    if (theme == QLatin1String("dark")) {
        app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p;
        const QColor window(45, 45, 48), base(30, 30, 32), text(220, 220, 220), accent(42, 130, 218);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, window);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::red);
        p.setColor(QPalette::Highlight, accent);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
        app->setPalette(p);
    } else if (theme == QLatin1String("light")) {
        app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app->setPalette(app->style()->standardPalette());
    } else {
        if (!systemStyle.isEmpty())
            app->setStyle(QStyleFactory::create(systemStyle));
        app->setPalette(app->style()->standardPalette());
    }
}

} // namespace incidoc::ui
