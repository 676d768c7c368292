//! The schema: the same tables and columns on both backends, SQLite's durable settings, and
//! migrations that may run twice.

use shutaf_store::{Backend, DbSettings};
use shutaf_testkit::database::{empty_sqlite_db, fresh_db};

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    // This test needs both servers whatever the chosen backend: SQLite is always there, and the
    // PostgreSQL run of the suite checks the other side against it.
    let chosen = fresh_db().await;
    let sqlite = empty_sqlite_db("schema").await;
    sqlite.migrate(&DbSettings::default()).await.unwrap();
    let expected = sqlite.schema().await.unwrap();
    assert!(
        expected
            .iter()
            .any(|(table, column)| table == "organisations" && column == "sort_ar")
    );
    assert!(expected.iter().any(|(table, _)| table == "sessions"));
    if chosen.backend == Backend::Postgres {
        assert_eq!(chosen.schema().await.unwrap(), expected);
    }
}

#[tokio::test]
async fn sqlite_commits_survive_a_power_cut() {
    let db = fresh_db().await;
    if db.backend == Backend::Sqlite {
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
    }
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    let db = fresh_db().await;
    db.migrate(&DbSettings {
        max_connections: 2,
        migration_locking: false,
    })
    .await
    .unwrap();
    assert!(db.ping().await);
}

/// The planner's statistics follow the data without a manual `ANALYZE`: on SQLite,
/// `keep_statistics` analyses a table that grew from nothing (PostgreSQL's autovacuum does it
/// there, and the call is harmless).
#[tokio::test]
async fn statistics_follow_the_data() {
    let db = fresh_db().await;
    let users: Vec<String> = (0..500).map(|n| format!("person{n}@example.org")).collect();
    for email in &users {
        db.create_user(email, "A person", "hash", None, false, true)
            .await
            .unwrap();
    }
    db.keep_statistics().await.unwrap();
    if db.backend == Backend::Sqlite {
        let analysed: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'users'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert!(analysed > 0, "the users table has statistics now");
    }
}

/// The SQLite linked into the hub is built for a server with several connections
/// (`.cargo/config.toml`): each connection keeps its own page cache with no global mutex
/// (`SQLITE_ENABLE_MEMORY_MANAGEMENT` off, memory statistics off), and the planner goes by
/// `sqlite_stat1` alone: with `SQLITE_ENABLE_STAT4` it chose a skip-scan over the log's kind
/// index and a sort for a locality's record (7 ms instead of 0.1; docs/PERFORMANCE.md).
#[tokio::test]
async fn the_sqlite_engine_is_built_for_a_server() {
    let sqlite = empty_sqlite_db("engine").await;
    let options: Vec<String> = sqlx::query_scalar("PRAGMA compile_options")
        .fetch_all(&sqlite.pool)
        .await
        .unwrap();
    assert!(options.iter().any(|o| o == "THREADSAFE=1"), "{options:?}");
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "{options:?}"
    );
    for absent in ["ENABLE_STAT4", "ENABLE_MEMORY_MANAGEMENT"] {
        assert!(
            !options.iter().any(|o| o == absent),
            "{absent} in {options:?}"
        );
    }
}
