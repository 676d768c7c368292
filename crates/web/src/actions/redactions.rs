//! A platform administrator redacts a text shown beside the decision log (a person's name,
//! reasons, a donor, ...), from the admin page or the API; `shutaf redact` calls the same store
//! function. The text and its salt are erased beside the log, every copy the hub's working
//! tables keep is replaced by "redacted on <date>: <ground>" in the administrator's language,
//! and the redaction goes on the log, naming no person (`Db::redact_disclosure`).

use shutaf_domain::Language;
use shutaf_domain::disclosure::{DISCLOSED, RedactionGround};
use shutaf_domain::validate::FieldErrors;
use shutaf_store::User;
use shutaf_store::disclosures::Unredactable;

use super::{ActionError, ActionResult, actor};
use crate::AppState;
use crate::i18n::Tr;

/// A redaction as typed, from a form or the API.
#[derive(Debug, Default, Clone)]
pub struct RedactionInput {
    /// The index of the entry the text is beside.
    pub entry: String,
    /// One of [`DISCLOSED`].
    pub field: String,
    /// A [`RedactionGround`] code.
    pub ground: String,
    /// The administrator confirmed that the text is erased for good.
    pub confirmed: bool,
}

/// A redaction done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    pub entry: u64,
    pub field: &'static str,
    pub ground: RedactionGround,
    /// The index of the `disclosure-redacted` entry.
    pub index: u64,
}

/// Redacts the text `input` names; only platform administrators may. `lang` is the language
/// the copies' notice is written in (the administrator's).
pub async fn redact(
    state: &AppState,
    user: &User,
    lang: Language,
    input: &RedactionInput,
) -> ActionResult<Redaction> {
    if !actor(user).platform_admin {
        return Err(ActionError::Refused("refused-not-platform-admin"));
    }
    let mut errors = FieldErrors::new();
    let entry = errors.check(
        "entry",
        input
            .entry
            .trim()
            .parse::<u64>()
            .map_err(|_| "error-redaction-entry"),
    );
    let field = errors.check(
        "field",
        DISCLOSED
            .iter()
            .copied()
            .find(|f| *f == input.field.trim())
            .ok_or("error-choose-option"),
    );
    let ground = errors.check(
        "ground",
        RedactionGround::parse(input.ground.trim()).ok_or("error-choose-option"),
    );
    if !input.confirmed {
        errors.add("confirm", "error-redaction-confirm");
    }
    let (Some(entry), Some(field), Some(ground), true) = (entry, field, ground, errors.is_empty())
    else {
        return Err(ActionError::Invalid(errors));
    };
    let tr = Tr::new(lang);
    let notice = move |at: i64| tr.redaction(at, Some(ground));
    let refused = match state
        .db
        .redact_disclosure(entry, field, ground, &notice)
        .await?
    {
        Ok(index) => {
            return Ok(Redaction {
                entry,
                field,
                ground,
                index,
            });
        }
        Err(Unredactable::NoSuchEntry) => ("entry", "error-redaction-no-entry"),
        Err(Unredactable::NoSuchDisclosure) => ("field", "error-redaction-no-text"),
        Err(Unredactable::AlreadyRedacted) => ("field", "error-redaction-already"),
    };
    let mut errors = FieldErrors::new();
    errors.add(refused.0, refused.1);
    Err(ActionError::Invalid(errors))
}
