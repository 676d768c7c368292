//! The UN Sustainable Development Goals a locality's goals serve: goals `7`, targets `7.2` or
//! `7.a`, and the locality's own targets under a target, `7.2.1`.
//!
//! The texts (English and Arabic official, Hebrew our translation) are in `data/sdg/`, embedded
//! at build time; see its README for provenance.

use serde::Serialize;

/// A reference to an SDG goal, a target, or a local target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SdgCode {
    pub goal: u8,
    /// The target within the goal: `2` or `a`.
    pub target: Option<String>,
    /// A local target's number under the target.
    pub local: Option<u32>,
}

impl SdgCode {
    /// Parses `7`, `7.2`, `7.a` or `7.2.1`; the goal must be 1 to 17, the target a number or a
    /// letter, the local number a positive integer.
    pub fn parse(input: &str) -> Result<SdgCode, &'static str> {
        let mut parts = input.trim().split('.');
        let goal: u8 = parts
            .next()
            .and_then(|g| g.parse().ok())
            .filter(|g| (1..=17).contains(g))
            .ok_or("error-sdg-code")?;
        let target = match parts.next() {
            None => None,
            Some(t)
                if !t.is_empty()
                    && t.len() <= 2
                    && t.chars().all(|c| c.is_ascii_digit())
                    && t != "0"
                    && !t.starts_with('0') =>
            {
                Some(t.to_owned())
            }
            Some(t) if t.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()) => {
                Some(t.to_owned())
            }
            Some(_) => return Err("error-sdg-code"),
        };
        let local = match parts.next() {
            None => None,
            Some(n) => Some(
                n.parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("error-sdg-code")?,
            ),
        };
        if parts.next().is_some() {
            return Err("error-sdg-code");
        }
        if let Some(target) = &target
            && !is_official_target(goal, target)
        {
            return Err("error-sdg-unknown-target");
        }
        Ok(SdgCode {
            goal,
            target,
            local,
        })
    }

    /// The official target this code is or lies under, if any: `7.2` for `7.2.1`.
    pub fn target_code(&self) -> Option<String> {
        self.target.as_ref().map(|t| format!("{}.{t}", self.goal))
    }

    pub fn is_local(&self) -> bool {
        self.local.is_some()
    }
}

impl std::fmt::Display for SdgCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.goal)?;
        if let Some(target) = &self.target {
            write!(f, ".{target}")?;
        }
        if let Some(local) = self.local {
            write!(f, ".{local}")?;
        }
        Ok(())
    }
}

const TARGETS_TSV: &str = include_str!("../data/sdg/targets.tsv");
const GOALS_TSV: &str = include_str!("../data/sdg/goals.tsv");

/// Whether `goal.target` is one of the 169 official targets.
pub fn is_official_target(goal: u8, target: &str) -> bool {
    let code = format!("{goal}.{target}");
    TARGETS_TSV
        .lines()
        .skip(1)
        .any(|line| line.split('\t').next() == Some(code.as_str()))
}

fn lang_code(lang: crate::Language) -> &'static str {
    lang.code()
}

/// A goal's short name in a language (`7` → "Affordable and clean energy").
pub fn goal_short(goal: u8, lang: crate::Language) -> Option<&'static str> {
    let number = goal.to_string();
    GOALS_TSV.lines().skip(1).find_map(|line| {
        let mut fields = line.split('\t');
        (fields.next() == Some(number.as_str()) && fields.next() == Some(lang_code(lang)))
            .then(|| fields.next())
            .flatten()
    })
}

/// A goal's full title in a language.
pub fn goal_title(goal: u8, lang: crate::Language) -> Option<&'static str> {
    let number = goal.to_string();
    GOALS_TSV.lines().skip(1).find_map(|line| {
        let mut fields = line.split('\t');
        (fields.next() == Some(number.as_str()) && fields.next() == Some(lang_code(lang)))
            .then(|| fields.nth(1))
            .flatten()
    })
}

/// An official target's text in a language (`7.2` → "By 2030, increase substantially ...").
pub fn target_title(code: &str, lang: crate::Language) -> Option<&'static str> {
    TARGETS_TSV.lines().skip(1).find_map(|line| {
        let mut fields = line.split('\t');
        (fields.next() == Some(code) && fields.next() == Some(lang_code(lang)))
            .then(|| fields.next())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    #[test]
    fn codes_parse_and_print() {
        assert_eq!(SdgCode::parse("7").unwrap().to_string(), "7");
        assert_eq!(
            SdgCode::parse(" 7.2 ").unwrap().target_code().as_deref(),
            Some("7.2")
        );
        assert_eq!(SdgCode::parse("17.19").unwrap().goal, 17);
        assert_eq!(SdgCode::parse("7.a").unwrap().to_string(), "7.a");
        let local = SdgCode::parse("11.6.3").unwrap();
        assert!(local.is_local());
        assert_eq!(local.target_code().as_deref(), Some("11.6"));
        for bad in [
            "", "0", "18", "7.", "7.02", "7.2.0", "7.2.1.1", "x", "7.A", "7.ab",
        ] {
            assert_eq!(SdgCode::parse(bad), Err("error-sdg-code"), "{bad:?}");
        }
        assert_eq!(SdgCode::parse("7.9"), Err("error-sdg-unknown-target"));
    }

    #[test]
    fn all_169_targets_and_17_goals_have_texts_in_three_languages() {
        let codes: std::collections::BTreeSet<&str> = TARGETS_TSV
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert_eq!(codes.len(), 169);
        for code in &codes {
            for lang in Language::ALL {
                assert!(
                    target_title(code, lang).is_some_and(|t| !t.is_empty()),
                    "{code} {lang}"
                );
            }
        }
        for goal in 1..=17 {
            for lang in Language::ALL {
                assert!(
                    goal_short(goal, lang).is_some_and(|t| !t.is_empty()),
                    "{goal} {lang}"
                );
                assert!(goal_title(goal, lang).is_some(), "{goal} {lang}");
            }
        }
        assert_eq!(
            goal_short(7, Language::En),
            Some("Affordable and clean energy")
        );
    }
}
