// Translations: the committed .ts files are complete and keep every placeholder, the real windows and the
// CLI speak French and Chinese with them, and lupdate finds no string in the sources that they lack.
#include "core/pipeline/workplace.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "tests/support/cli_runner.h"
#include "tests/support/test_paths.h"

namespace incidoc::test {
namespace {

/// One <message> of a .ts file.
struct TsMessage {
    QString context, source, comment;
    bool numerus = false;
    QString type;      ///< the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList forms; ///< the translation, or its numerus forms
};

std::vector<TsMessage> readTs(const QString& path, QString* error)
{
    std::vector<TsMessage> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = TsMessage{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            m.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText(); // <numerusform>
            } else {
                m.forms << xml.readElementText();
            }
            out.push_back(m);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

QString tsPath(const QString& language)
{
    return sourcePath(QStringLiteral("translations/incidoc_%1.ts").arg(language));
}

/// %1..%99, %L1, %n, %Ln: what .arg() and tr(..., n) fill in.
QSet<QString> placeholders(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

/// Keyboard accelerators: '&' followed by anything but another '&'.
int accelerators(const QString& s)
{
    int n = 0;
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == QLatin1Char('&')) {
            if (s[i + 1] != QLatin1Char('&') && !s[i + 1].isSpace())
                ++n;
            ++i;
        }
    }
    return n;
}

QString describe(const TsMessage& m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

/// The translations must be built into the build tree for the programs and these tests to find them.
class TranslationsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        QCoreApplication::setApplicationName(QStringLiteral("translations_test"));
        QSettings().clear();
        qputenv("INCIDOC_TRANSLATIONS_DIR", QByteArray(INCIDOC_BINARY_DIR "/translations"));
    }
    void TearDown() override
    {
        ui::installTranslations(*qApp, QStringLiteral("en"));
        QSettings().clear();
    }
};

// ---- (1) the .ts files ----------------------------------------------------------------------------------

void checkTsFile(const QString& language, int pluralForms)
{
    QString error;
    const auto messages = readTs(tsPath(language), &error);
    ASSERT_TRUE(error.isEmpty()) << qPrintable(tsPath(language)) << ": " << qPrintable(error);
    ASSERT_GT(messages.size(), 300u) << "the app has several hundred strings";
    QStringList problems;
    for (const TsMessage& m : messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1: marked %2").arg(describe(m), m.type);
            continue;
        }
        if (m.forms.size() != (m.numerus ? pluralForms : 1)) {
            problems << QStringLiteral("%1: %2 plural forms, %3 expected")
                            .arg(describe(m))
                            .arg(m.forms.size())
                            .arg(m.numerus ? pluralForms : 1);
            continue;
        }
        const QSet<QString> wanted = placeholders(m.source);
        for (const QString& form : m.forms) {
            if (form.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                problems << QStringLiteral("%1: empty translation").arg(describe(m));
                continue;
            }
            const QSet<QString> got = placeholders(form);
            if (got != wanted)
                problems << QStringLiteral("%1: placeholders %2 in \"%3\", %4 in the source")
                                .arg(describe(m), QStringList(got.values()).join(QLatin1Char(',')), form,
                                     QStringList(wanted.values()).join(QLatin1Char(',')));
            if (accelerators(m.source) > 0 && accelerators(form) != 1)
                problems << QStringLiteral("%1: \"%2\" needs one keyboard accelerator (&)").arg(describe(m), form);
        }
    }
    EXPECT_TRUE(problems.isEmpty()) << problems.size() << " problem(s) in " << qPrintable(tsPath(language)) << ":\n"
                                    << qPrintable(problems.join(QLatin1Char('\n')));
}

TEST_F(TranslationsTest, FrenchIsCompleteWithItsPlaceholdersAndAccelerators)
{
    checkTsFile(QStringLiteral("fr"), 2); // French: singular (0, 1) and plural
}

TEST_F(TranslationsTest, ChineseIsCompleteWithItsPlaceholdersAndAccelerators)
{
    checkTsFile(QStringLiteral("zh_CN"), 1); // Chinese: one form
}

TEST_F(TranslationsTest, ThePlaceholderCheckCatchesAMismatch)
{
    // The check above must be able to fail: a dropped or renumbered placeholder is seen.
    EXPECT_NE(placeholders(QStringLiteral("%1 of %2")), placeholders(QStringLiteral("%1 sur")));
    EXPECT_NE(placeholders(QStringLiteral("%n page(s)")), placeholders(QStringLiteral("%1 pages")));
    EXPECT_NE(placeholders(QStringLiteral("%L1 MB")), placeholders(QStringLiteral("%1 Mo")));
    EXPECT_EQ(placeholders(QStringLiteral("%2 then %1, %1")), placeholders(QStringLiteral("%1 puis %2")));
    EXPECT_EQ(accelerators(QStringLiteral("Save && &Quit")), 1);
}

// ---- (2) the real strings change ------------------------------------------------------------------------

QStringList menuTitles(ui::MainWindow& w)
{
    QStringList titles;
    for (QAction* a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

QStringList actionTexts(ui::MainWindow& w)
{
    QStringList texts;
    for (QAction* a : w.findChildren<QAction*>())
        texts << a->text();
    return texts;
}

TEST_F(TranslationsTest, TheMainWindowSpeaksFrench)
{
    ASSERT_EQ(ui::installTranslations(*qApp, QStringLiteral("fr")), QStringLiteral("fr"));
    ui::MainWindow w(incidoc::makeLocalWorkplace());
    const QStringList menus = menuTitles(w);
    for (const char* title : {"&Fichier", "É&dition", "&Affichage", "&Relecture", "&Traitement", "A&ide"})
        EXPECT_TRUE(menus.contains(QString::fromUtf8(title))) << title << " not in " << qPrintable(menus.join(u' '));
    const QStringList actions = actionTexts(w);
    for (const char* text : {"&Nouveau projet…", "&Ouvrir un projet…", "&Paramètres…", "&Marquer la page comme relue",
                             "Zoom &avant", "&Fusionner les mots"})
        EXPECT_TRUE(actions.contains(QString::fromUtf8(text))) << text;
    EXPECT_FALSE(actions.contains(QStringLiteral("&Quit")));
    // The undo commands (no QObject, their own translation context) and a free function's strings.
    EXPECT_EQ(QCoreApplication::translate("incidoc::ui::StoreEditCommand", "Edit text"),
              QStringLiteral("Modifier le texte"));
    EXPECT_EQ(QCoreApplication::translate("incidoc::ui::RegionOcr", "the region could not be read"),
              QStringLiteral("la zone n’a pas pu être lue"));
    EXPECT_EQ(ui::tesseractLanguageName(QStringLiteral("chi_sim_vert")),
              QStringLiteral("chinois (simplifié), vertical (chi_sim_vert)"));
    // Qt's own strings come in French too (qtbase_fr.qm from Qt's translations).
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    EXPECT_EQ(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Annuler"));
}

TEST_F(TranslationsTest, TheMainWindowSpeaksChinese)
{
    ASSERT_EQ(ui::installTranslations(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    ui::MainWindow w(incidoc::makeLocalWorkplace());
    const QStringList menus = menuTitles(w);
    for (const char* title : {"文件(&F)", "编辑(&E)", "视图(&V)", "审阅(&R)", "处理(&P)", "帮助(&H)"})
        EXPECT_TRUE(menus.contains(QString::fromUtf8(title))) << title << " not in " << qPrintable(menus.join(u' '));
    const QStringList actions = actionTexts(w);
    for (const char* text : {"新建项目(&N)…", "设置(&S)…", "放大(&I)", "合并词(&M)"})
        EXPECT_TRUE(actions.contains(QString::fromUtf8(text))) << text;
    EXPECT_EQ(ui::tesseractLanguageName(QStringLiteral("fra")), QStringLiteral("法语 (fra)"));
    // Back to English: the translators are replaced, not stacked.
    ASSERT_EQ(ui::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    ui::MainWindow english(incidoc::makeLocalWorkplace());
    EXPECT_TRUE(menuTitles(english).contains(QStringLiteral("&File")));
}

TEST_F(TranslationsTest, TheSystemLocaleChoosesTheLanguage)
{
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("fr_CA"))), QStringLiteral("fr"));
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("zh_CN"))),
              QStringLiteral("zh_CN"));
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("system"), QLocale::c()), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveUiLanguage(QStringLiteral("fr"), QLocale(QStringLiteral("zh_CN"))), QStringLiteral("fr"));
    // The choice saved in Settings wins over the system.
    ui::AppSettings s = ui::AppSettings::load();
    EXPECT_EQ(s.uiLanguage, QStringLiteral("system"));
    s.uiLanguage = QStringLiteral("zh_CN");
    s.save();
    EXPECT_EQ(ui::installTranslations(*qApp), QStringLiteral("zh_CN"));
    EXPECT_EQ(QCoreApplication::translate("incidoc::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
}

TEST_F(TranslationsTest, SettingsOfferTheInterfaceLanguagesAndTheInstalledOcrLanguages)
{
    ui::AppSettings in;
    in.languages = QStringLiteral("fra+eng");
    ui::SettingsDialog dialog(in);
    QStringList choices;
    for (int i = 0; i < dialog.uiLanguageBox()->count(); ++i)
        choices << dialog.uiLanguageBox()->itemData(i).toString();
    EXPECT_EQ(choices, (QStringList{QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("fr"),
                                    QStringLiteral("zh_CN")}));
    EXPECT_EQ(dialog.uiLanguageBox()->itemText(3), QStringLiteral("简体中文"));

    // tesseract-ocr-fra and tesseract-ocr-chi-sim are installed (packaging/build.sh deps): offered by name.
    std::map<QString, QListWidgetItem*> offered;
    for (int i = 0; i < dialog.ocrLanguageList()->count(); ++i) {
        QListWidgetItem* item = dialog.ocrLanguageList()->item(i);
        offered[item->data(Qt::UserRole).toString()] = item;
    }
    ASSERT_TRUE(offered.count(QStringLiteral("fra")));
    ASSERT_TRUE(offered.count(QStringLiteral("chi_sim")));
    ASSERT_TRUE(offered.count(QStringLiteral("eng")));
    EXPECT_FALSE(offered.count(QStringLiteral("osd"))) << "orientation detection is not a language to read";
    EXPECT_EQ(offered[QStringLiteral("fra")]->text(), QStringLiteral("French (fra)"));
    EXPECT_EQ(offered[QStringLiteral("chi_sim")]->text(), QStringLiteral("Chinese (Simplified) (chi_sim)"));
    EXPECT_EQ(offered[QStringLiteral("fra")]->checkState(), Qt::Checked);
    EXPECT_EQ(offered[QStringLiteral("chi_sim")]->checkState(), Qt::Unchecked);

    // The settings' order is kept (fra stays the main language); a newly checked one goes after.
    offered[QStringLiteral("chi_sim")]->setCheckState(Qt::Checked);
    dialog.uiLanguageBox()->setCurrentIndex(2);
    const ui::AppSettings out = dialog.settings();
    EXPECT_EQ(out.languages, QStringLiteral("fra+eng+chi_sim"));
    EXPECT_EQ(out.uiLanguage, QStringLiteral("fr"));
    // Nothing checked: Tesseract needs a language.
    for (auto& [code, item] : offered)
        item->setCheckState(Qt::Unchecked);
    EXPECT_EQ(dialog.settings().languages, QStringLiteral("eng"));
}

TEST_F(TranslationsTest, TheCliSpeaksTheSystemLanguageButKeepsItsJsonAndExitCodes)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto env = [](const char* lang) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("LANGUAGE"));
        e.remove(QStringLiteral("LC_ALL"));
        e.remove(QStringLiteral("LC_MESSAGES"));
        e.insert(QStringLiteral("LANG"), QString::fromLatin1(lang));
        e.insert(QStringLiteral("INCIDOC_TRANSLATIONS_DIR"), QStringLiteral(INCIDOC_BINARY_DIR "/translations"));
        return e;
    };
    const CliRun fr = runCli({QStringLiteral("frobnicate")}, 60'000, env("fr_FR.UTF-8"));
    EXPECT_EQ(fr.exitCode, 1);
    EXPECT_TRUE(fr.err.contains(QStringLiteral("erreur\u00a0: commande inconnue « frobnicate »")))
        << qPrintable(fr.err);
    const CliRun zh = runCli({QStringLiteral("frobnicate")}, 60'000, env("zh_CN.UTF-8"));
    EXPECT_EQ(zh.exitCode, 1);
    EXPECT_TRUE(zh.err.contains(QStringLiteral("错误：未知命令 'frobnicate'"))) << qPrintable(zh.err);
    const CliRun c = runCli({QStringLiteral("frobnicate")}, 60'000, env("C.UTF-8"));
    EXPECT_EQ(c.exitCode, 1);
    EXPECT_TRUE(c.err.contains(QStringLiteral("error: unknown command 'frobnicate'"))) << qPrintable(c.err);
    // --help in French: Incidoc's descriptions and Qt's own words.
    const CliRun help = runCli({QStringLiteral("--help")}, 60'000, env("fr_FR.UTF-8"));
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("N’affiche que les erreurs."))) << qPrintable(help.out);

    // --json is for programs: the same keys and values whatever the language.
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const CliRun jsonFr = runCli({QStringLiteral("status"), QStringLiteral("-p"), project, QStringLiteral("--json")},
                                 60'000, env("fr_FR.UTF-8"));
    const CliRun jsonC = runCli({QStringLiteral("status"), QStringLiteral("-p"), project, QStringLiteral("--json")},
                                60'000, env("C.UTF-8"));
    ASSERT_EQ(jsonFr.exitCode, 0) << qPrintable(jsonFr.err);
    ASSERT_EQ(jsonC.exitCode, 0) << qPrintable(jsonC.err);
    EXPECT_EQ(QJsonDocument::fromJson(jsonFr.out.toUtf8()).object(),
              QJsonDocument::fromJson(jsonC.out.toUtf8()).object());
    EXPECT_TRUE(QJsonDocument::fromJson(jsonFr.out.toUtf8()).object().contains(QStringLiteral("pages")));
}

// ---- (3) lupdate finds nothing the .ts files lack -------------------------------------------------------

TEST_F(TranslationsTest, EveryStringInTheSourcesIsInTheTsFiles)
{
    // A fresh extraction from ui/ and app/ (what `--target incidoc_translations_lupdate` reads), compared
    // with the committed files: a new tr() string fails here until it is translated.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_fr.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::SeparateChannels);
    lupdate.start(QStringLiteral(INCIDOC_LUPDATE),
                  {QStringLiteral("-I"), sourcePath(QString()), QStringLiteral("-extensions"), QStringLiteral("h,cpp"),
                   QStringLiteral("-locations"), QStringLiteral("none"), sourcePath(QStringLiteral("ui")),
                   sourcePath(QStringLiteral("app")), QStringLiteral("-ts"), fresh});
    ASSERT_TRUE(lupdate.waitForFinished(120'000)) << qPrintable(lupdate.errorString());
    ASSERT_EQ(lupdate.exitCode(), 0) << qPrintable(QString::fromUtf8(lupdate.readAllStandardError()));
    // lupdate's warnings ("Class 'X' lacks Q_OBJECT macro", "Qualifying with unknown namespace/class")
    // mean a tr() whose context at run time differs from the one extracted: never translated.
    const QString warnings = QString::fromUtf8(lupdate.readAllStandardError() + lupdate.readAllStandardOutput());
    QStringList contextProblems;
    for (const QString& line : warnings.split(QLatin1Char('\n')))
        if (line.contains(QRegularExpression(QStringLiteral(":[0-9]+: "))))
            contextProblems << line;
    EXPECT_TRUE(contextProblems.isEmpty()) << qPrintable(contextProblems.join(QLatin1Char('\n')));

    QString error;
    const auto extracted = readTs(fresh, &error);
    ASSERT_TRUE(error.isEmpty()) << qPrintable(error);
    ASSERT_GT(extracted.size(), 300u);
    auto key = [](const TsMessage& m) { return m.context + QChar(0) + m.source + QChar(0) + m.comment; };
    QSet<QString> inSources;
    for (const TsMessage& m : extracted)
        inSources.insert(key(m));
    for (const QString& language : {QStringLiteral("fr"), QStringLiteral("zh_CN")}) {
        QSet<QString> committed;
        for (const TsMessage& m : readTs(tsPath(language), &error))
            committed.insert(key(m));
        QStringList missing, stale;
        for (const TsMessage& m : extracted)
            if (!committed.contains(key(m)))
                missing << describe(m);
        for (const TsMessage& m : readTs(tsPath(language), &error))
            if (!inSources.contains(key(m)))
                stale << describe(m);
        EXPECT_TRUE(missing.isEmpty()) << missing.size() << " string(s) of the sources are not in incidoc_"
                                       << qPrintable(language)
                                       << ".ts (build the target incidoc_translations_lupdate, then translate them):\n"
                                       << qPrintable(missing.join(QLatin1Char('\n')));
        EXPECT_TRUE(stale.isEmpty()) << stale.size() << " string(s) of incidoc_" << qPrintable(language)
                                     << ".ts are no longer in the sources (build incidoc_translations_lupdate):\n"
                                     << qPrintable(stale.join(QLatin1Char('\n')));
    }
}

} // namespace
} // namespace incidoc::test
