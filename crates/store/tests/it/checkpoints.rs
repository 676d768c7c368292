//! The decision log's checkpoints in storage: one a size, never a smaller after a larger, the
//! same one for two servers that keep theirs at once; the history newest first, a page at a
//! time; cosignatures kept once per witness key and served with their checkpoint.

use shutaf_store::{Cosignature, StoreError, StoredCheckpoint};
use shutaf_testkit::fresh_db;

fn checkpoint(size: u64, signer: &str) -> StoredCheckpoint {
    StoredCheckpoint {
        size,
        root: [size as u8; 32],
        at: 1_800_000_000 + size as i64,
        note: format!("hub.test\n{size}\nroot\n\n\u{2014} hub.test {signer}\n"),
        head_signature: format!("{signer}-{size}"),
        cosignatures: Vec::new(),
    }
}

fn cosignature(size: u64, witness: &str, at: i64) -> Cosignature {
    Cosignature {
        size,
        witness: witness.to_owned(),
        key_id: 7,
        line: format!("\u{2014} {witness} line-{size}\n"),
        at,
    }
}

#[tokio::test]
async fn a_checkpoint_is_kept_once_a_size_and_served_with_its_cosignatures() {
    let db = fresh_db().await;
    assert_eq!(db.latest_checkpoint().await.unwrap(), None);
    assert_eq!(
        db.keep_checkpoint(&checkpoint(0, "a")).await.unwrap(),
        checkpoint(0, "a")
    );
    for size in [3, 5, 9] {
        assert_eq!(
            db.keep_checkpoint(&checkpoint(size, "a")).await.unwrap(),
            checkpoint(size, "a")
        );
    }
    // Another signer's checkpoint of a size kept, or of a smaller one, changes nothing: the
    // latest kept comes back.
    assert_eq!(
        db.keep_checkpoint(&checkpoint(9, "b")).await.unwrap(),
        checkpoint(9, "a")
    );
    assert_eq!(
        db.keep_checkpoint(&checkpoint(7, "b")).await.unwrap(),
        checkpoint(9, "a")
    );
    assert_eq!(db.checkpoint(7).await.unwrap(), None);
    assert_eq!(db.checkpoint(5).await.unwrap(), Some(checkpoint(5, "a")));

    // Two servers keeping theirs of one size at once agree on one.
    let (first, second) = (checkpoint(12, "one"), checkpoint(12, "two"));
    let (one, two) = tokio::join!(db.keep_checkpoint(&first), db.keep_checkpoint(&second));
    let (one, two) = (one.unwrap(), two.unwrap());
    assert_eq!(one, two);
    assert_eq!(db.latest_checkpoint().await.unwrap(), Some(one));

    // Cosignatures: once per checkpoint and witness key, only of kept checkpoints.
    assert!(
        db.keep_cosignature(&cosignature(5, "w1", 100))
            .await
            .unwrap()
    );
    assert!(
        !db.keep_cosignature(&cosignature(5, "w1", 200))
            .await
            .unwrap(),
        "the first stands"
    );
    assert!(
        db.keep_cosignature(&cosignature(5, "w2", 150))
            .await
            .unwrap()
    );
    assert!(matches!(
        db.keep_cosignature(&cosignature(7, "w1", 100)).await,
        Err(StoreError::NotFound)
    ));
    let five = db.checkpoint(5).await.unwrap().unwrap();
    assert_eq!(
        five.cosignatures,
        vec![
            "\u{2014} w1 line-5\n".to_owned(),
            "\u{2014} w2 line-5\n".to_owned()
        ]
    );
    assert_eq!(
        five.note_with_cosignatures(),
        format!(
            "{}\u{2014} w1 line-5\n\u{2014} w2 line-5\n",
            checkpoint(5, "a").note
        )
    );

    // A new key's signature replaces the note only if it is still the one read.
    let mut endorsed = checkpoint(12, "new").note;
    endorsed.push_str("\u{2014} hub.test other\n");
    let latest = db.latest_checkpoint().await.unwrap().unwrap();
    assert!(
        !db.endorse_checkpoint(12, "stale", &endorsed, "sig")
            .await
            .unwrap()
    );
    assert!(
        db.endorse_checkpoint(12, &latest.note, &endorsed, "sig")
            .await
            .unwrap()
    );
    let latest = db.latest_checkpoint().await.unwrap().unwrap();
    assert_eq!(
        (latest.note.as_str(), latest.head_signature.as_str()),
        (endorsed.as_str(), "sig")
    );
}

#[tokio::test]
async fn the_history_is_served_newest_first_a_page_at_a_time() {
    let db = fresh_db().await;
    for size in 1..=25u64 {
        db.keep_checkpoint(&checkpoint(size * 2, "a"))
            .await
            .unwrap();
    }
    for size in [10u64, 30, 44] {
        db.keep_cosignature(&cosignature(size, "w1", 1))
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = db.checkpoints(before, 10, false).await.unwrap();
        seen.extend(page.iter().map(|c| c.size));
        match page.last() {
            Some(last) if page.len() == 10 => before = Some(last.size),
            _ => break,
        }
    }
    let expected: Vec<u64> = (1..=25u64).rev().map(|n| n * 2).collect();
    assert_eq!(seen, expected, "every checkpoint once, newest first");

    let cosigned = db.checkpoints(None, 2, true).await.unwrap();
    assert_eq!(
        cosigned.iter().map(|c| c.size).collect::<Vec<_>>(),
        vec![44, 30]
    );
    assert_eq!(cosigned[0].cosignatures.len(), 1);
    let older = db.checkpoints(Some(30), 100, true).await.unwrap();
    assert_eq!(older.iter().map(|c| c.size).collect::<Vec<_>>(), vec![10]);
    // Out-of-range cursors and limits are bounded, not errors.
    assert!(
        db.checkpoints(Some(u64::MAX), 0, false)
            .await
            .unwrap()
            .len()
            == 1
    );
}
