#pragma once
// For the worker cluster tests: incidoc-worker as a real process (port chosen by the worker, read from
// its log), and TLS certificates made at test time with the openssl program.

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace incidoc::test {

/// A running incidoc-worker. Its stderr (one line per call) goes to a temporary file that log() reads;
/// the destructor kills it.
class WorkerProcess {
public:
    /// Starts `incidoc-worker --listen 127.0.0.1:0 ARGS` and waits until it listens (up to 60 s).
    /// Returns null and sets `error` when it does not.
    static std::unique_ptr<WorkerProcess> start(const QStringList& args, QString* error);
    ~WorkerProcess();

    int port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    qint64 pid() const { return m_process.processId(); }
    /// Everything it has logged so far.
    QString log();
    /// Sends a signal (SIGTERM, SIGKILL...) to the process.
    void signal(int sig);
    /// Waits for the process to end; returns its exit code, or -1 when it did not end or crashed.
    int waitForExit(int timeoutMs);
    bool running() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
    QString m_logFile; ///< its stderr goes here (read without an event loop)
    int m_port = 0;
};

/// Path of the built incidoc-worker.
QString workerPath();

/// Files made by makeTestCertificates().
struct TestCertificates {
    QString caCert;     ///< the CA that signed the server certificate
    QString serverCert; ///< for 127.0.0.1 and localhost
    QString serverKey;
    QString otherCaCert; ///< a CA that signed nothing here (a client trusting only it must refuse)
};

/// Makes a CA and a server certificate (SAN IP:127.0.0.1, DNS:localhost) in `dir` with openssl.
/// Returns false and sets `error` when openssl fails.
bool makeTestCertificates(const QString& dir, TestCertificates* out, QString* error);

/// Writes a random API key (64 hex digits) to `path`, mode 0600. Returns the key, empty on failure.
QByteArray writeApiKey(const QString& path);

} // namespace incidoc::test
