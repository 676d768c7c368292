//! The `shutaf` binary as a process: a hub serving on a free port (killed when dropped), and the
//! binary's other commands run against a database. For the tests that need the real process:
//! the command line, the browser, crashes, several hubs on one database.
//!
//! The binary's path is the test's `env!("CARGO_BIN_EXE_shutaf")`: only the binary's own crate
//! can name it, so it is passed in.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::database::{test_dir, unique_suffix};

/// A directory that is removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        let path = test_dir().join(format!("{label}-{}", unique_suffix()));
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The workspace's root (where `test-artifacts/` goes).
pub fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Where tests leave what a person should look at after a failure: logs, screenshots.
pub fn artifacts_dir() -> PathBuf {
    let dir = workspace().join("test-artifacts");
    std::fs::create_dir_all(&dir).expect("create test-artifacts/");
    dir
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// The binary with a clean environment for tests: no configuration file, the database given,
/// none of the developer's `SHUTAF_*` settings.
pub fn command(binary: &str, dir: &Path, database_url: &str) -> Command {
    let mut command = Command::new(binary);
    command
        .current_dir(dir)
        .env("SHUTAF_DATABASE_URL", database_url);
    for name in [
        "SHUTAF_CONFIG",
        "SHUTAF_DEFAULT_LANGUAGE",
        "SHUTAF_BEHIND_PROXY",
        "SHUTAF_SECRET_KEY",
        "SHUTAF_LOG_KEY",
        "SHUTAF_SMTP_HOST",
        "SHUTAF_SMTP_PORT",
        "SHUTAF_LISTEN",
        "SHUTAF_BASE_URL",
        "SHUTAF_LOG_ORIGIN",
        "SHUTAF_WITNESSES",
        "SHUTAF_CHECKPOINT_INTERVAL_MS",
        "SHUTAF_WITNESS_NAME",
        "SHUTAF_WITNESS_KEY_FILE",
    ] {
        command.env_remove(name);
    }
    command.env("SHUTAF_LOG", "info");
    command
}

/// Runs one of the binary's commands to its end.
pub fn run(binary: &str, dir: &Path, database_url: &str, args: &[&str]) -> Output {
    command(binary, dir, database_url)
        .args(args)
        .output()
        .expect("run the shutaf binary")
}

/// Panics with both outputs unless the command succeeded.
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// How to start a hub process.
pub struct HubOptions<'a> {
    /// `env!("CARGO_BIN_EXE_shutaf")`.
    pub binary: &'a str,
    /// Names the log file in `test-artifacts/`.
    pub name: &'a str,
    pub database_url: String,
    /// The command line: `serve --no-demo` by default. `&[]` is a first start as an operator
    /// makes it, `shutaf` alone, which serves and loads the demo into an empty database.
    pub args: &'a [&'a str],
    /// Its working directory (key files, the outbox); a new temporary one when `None`.
    pub dir: Option<PathBuf>,
    /// The test SMTP server's port, if the hub sends mail.
    pub smtp_port: Option<u16>,
    /// More `SHUTAF_*` settings.
    pub env: Vec<(String, String)>,
}

impl<'a> HubOptions<'a> {
    pub fn new(binary: &'a str, name: &'a str, database_url: String) -> HubOptions<'a> {
        HubOptions {
            binary,
            name,
            database_url,
            args: &["serve", "--no-demo"],
            dir: None,
            smtp_port: None,
            env: Vec::new(),
        }
    }
}

/// A hub running as a child process; killed when dropped.
pub struct HubProcess {
    pub child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    pub database_url: String,
    pub log: PathBuf,
    binary: String,
    dir: PathBuf,
    _temp: Option<TempDir>,
}

impl HubProcess {
    /// Starts the hub (`shutaf serve --no-demo` unless told otherwise) and waits until `/healthz`
    /// answers 200. Started again on the same database and directory, it is the same hub after a
    /// restart (the keys are kept in the directory).
    pub async fn start(options: HubOptions<'_>) -> HubProcess {
        let (dir, temp) = match options.dir {
            Some(dir) => (dir, None),
            None => {
                let temp = TempDir::new("hub");
                (temp.0.clone(), Some(temp))
            }
        };
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let log = artifacts_dir().join(format!("{}-{}-server.log", options.name, unique_suffix()));
        let out = std::fs::File::create(&log).expect("create the server log");
        let err = out.try_clone().expect("clone the server log");
        let mut command = command(options.binary, &dir, &options.database_url);
        command
            .args(options.args)
            .env("SHUTAF_LISTEN", format!("127.0.0.1:{port}"))
            .env("SHUTAF_BASE_URL", &base);
        if let Some(port) = options.smtp_port {
            command
                .env("SHUTAF_SMTP_HOST", "127.0.0.1")
                .env("SHUTAF_SMTP_PORT", port.to_string());
        }
        for (name, value) in &options.env {
            command.env(name, value);
        }
        let child = command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("start the shutaf binary");
        let mut hub = HubProcess {
            child,
            base,
            database_url: options.database_url,
            log,
            binary: options.binary.to_owned(),
            dir,
            _temp: temp,
        };
        hub.wait_until_healthy().await;
        hub
    }

    /// Waits (a minute at most) until the hub answers `/healthz` with 200.
    pub async fn wait_until_healthy(&mut self) {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("HTTP client");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "the hub exited ({status}) before answering; its log is {}:\n{}",
                    self.log.display(),
                    self.log_text()
                );
            }
            let health = http.get(format!("{}/healthz", self.base)).send().await;
            if health.is_ok_and(|r| r.status() == reqwest::StatusCode::OK) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the hub did not answer /healthz with 200 within a minute; its log is {}:\n{}",
                self.log.display(),
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The hub's working directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the hub wrote to its standard output and error so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The last `lines` lines of the hub's log, for failure messages.
    pub fn log_tail(&self, lines: usize) -> String {
        let log = self.log_text();
        let all: Vec<&str> = log.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// Runs another command of the binary against the hub's database, in its directory.
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = command(&self.binary, &self.dir, &self.database_url);
        command.args(args);
        for (name, value) in env {
            command.env(name, value);
        }
        command.output().expect("run the shutaf binary")
    }

    /// Kills the hub at once (SIGKILL: no shutdown, no flush).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for HubProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
