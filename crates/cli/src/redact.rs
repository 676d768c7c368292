//! `shutaf redact`: a platform administrator erases a text shown beside the decision log (a
//! person's name, reasons, a donor, ...), for a coded ground. The entry's commitment stays, so
//! the log verifies as before; the redaction is itself an entry on the log, naming no person.
//! The store function is the one the admin page and the API call: the copies the hub keeps
//! become "redacted on <date>: <ground>", here in the hub's default language.

use anyhow::{Context, bail};
use shutaf_domain::Language;
use shutaf_domain::disclosure::{DISCLOSED, RedactionGround};
use shutaf_store::Db;
use shutaf_store::disclosures::Unredactable;

pub async fn redact(
    db: &Db,
    lang: Language,
    entry: u64,
    field: &str,
    ground: &str,
) -> anyhow::Result<()> {
    let ground = RedactionGround::parse(ground).context("unknown ground")?;
    if !DISCLOSED.contains(&field) {
        bail!(
            "{field:?} is not a text kept beside the log; one of: {}",
            DISCLOSED.join(", ")
        );
    }
    let tr = shutaf_web::i18n::Tr::new(lang);
    let notice = move |at: i64| tr.redaction(at, Some(ground));
    match db.redact_disclosure(entry, field, ground, &notice).await? {
        Ok(index) => {
            println!(
                "the {field} of entry {entry} is redacted ({}); the redaction is entry {index} of the log",
                ground.code()
            );
            Ok(())
        }
        Err(Unredactable::NoSuchEntry) => bail!("the log has no entry {entry}"),
        Err(Unredactable::NoSuchDisclosure) => {
            bail!("entry {entry} has no {field} kept beside the log")
        }
        Err(Unredactable::AlreadyRedacted) => {
            bail!("the {field} of entry {entry} is redacted already")
        }
    }
}
