#include "tests/support/worker_support.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <atomic>
#include <csignal>

#include <sys/types.h>

#include "tests/support/test_paths.h"

namespace incidoc::test {

QString workerPath()
{
    return builtProgram(QStringLiteral("bin/incidoc-worker"));
}

std::unique_ptr<WorkerProcess> WorkerProcess::start(const QStringList& args, QString* error)
{
    auto w = std::unique_ptr<WorkerProcess>(new WorkerProcess());
    QStringList all{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    all << args;
    static std::atomic<int> serial{0};
    w->m_logFile = QDir::temp().filePath(
        QStringLiteral("incidoc-worker-test-%1-%2.log").arg(QCoreApplication::applicationPid()).arg(serial++));
    QFile::remove(w->m_logFile);
    w->m_process.setStandardOutputFile(QProcess::nullDevice());
    w->m_process.setStandardErrorFile(w->m_logFile);
    w->m_process.start(workerPath(), all);
    if (!w->m_process.waitForStarted(10'000)) {
        *error = QStringLiteral("could not start %1").arg(workerPath());
        return nullptr;
    }
    static const QRegularExpression kListening(QStringLiteral("listening on [^ ]+:(\\d+) "));
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        const QString log = w->log();
        const auto m = kListening.match(log);
        if (m.hasMatch()) {
            w->m_port = m.captured(1).toInt();
            return w;
        }
        if (w->m_process.state() == QProcess::NotRunning) {
            *error = QStringLiteral("worker exited: %1").arg(log);
            return nullptr;
        }
        w->m_process.waitForFinished(100);
    }
    *error = QStringLiteral("worker did not start listening: %1").arg(w->log());
    return nullptr;
}

WorkerProcess::~WorkerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
    QFile::remove(m_logFile);
}

QString WorkerProcess::log()
{
    QFile f(m_logFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void WorkerProcess::signal(int sig)
{
    if (m_process.processId() > 0)
        ::kill(static_cast<pid_t>(m_process.processId()), sig);
}

int WorkerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
        return -1;
    log();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

namespace {

bool openssl(const QStringList& args, const QString& dir, QString* error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2")
                     .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace

bool makeTestCertificates(const QString& dir, TestCertificates* out, QString* error)
{
    QFile ext(QDir(dir).filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(ext.fileName());
        return false;
    }
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
              "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const auto s = [](const char* v) { return QString::fromLatin1(v); };
    const bool ok =
        openssl({s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-nodes"),
                 s("-keyout"), s("ca.key"), s("-out"), s("ca.pem"), s("-days"), s("2"), s("-subj"),
                 s("/CN=Incidoc test CA")},
                dir, error)
        && openssl({s("req"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-nodes"),
                    s("-keyout"), s("server.key"), s("-out"), s("server.csr"), s("-subj"), s("/CN=localhost")},
                   dir, error)
        && openssl({s("x509"), s("-req"), s("-in"), s("server.csr"), s("-CA"), s("ca.pem"), s("-CAkey"), s("ca.key"),
                    s("-CAcreateserial"), s("-out"), s("server.pem"), s("-days"), s("2"), s("-extfile"),
                    s("server.ext")},
                   dir, error)
        && openssl({s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
                    s("-nodes"), s("-keyout"), s("other-ca.key"), s("-out"), s("other-ca.pem"), s("-days"), s("2"),
                    s("-subj"), s("/CN=Another CA")},
                   dir, error);
    if (!ok)
        return false;
    const QDir d(dir);
    out->caCert = d.filePath(s("ca.pem"));
    out->serverCert = d.filePath(s("server.pem"));
    out->serverKey = d.filePath(s("server.key"));
    out->otherCaCert = d.filePath(s("other-ca.pem"));
    return true;
}

QByteArray writeApiKey(const QString& path)
{
    QByteArray key;
    for (int i = 0; i < 32; ++i)
        key += QByteArray::number(QRandomGenerator::global()->bounded(256) | 0x100, 16).right(2);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(key + '\n');
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return key;
}

} // namespace incidoc::test
