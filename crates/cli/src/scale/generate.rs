//! The generated world: localities with their conveners, staff and agendas; organisations of the
//! three sectors with their people; initiatives in every stage with partners, charters,
//! declarations, indicators and notices inviting competing proposals; open calls and donations
//! (see [`calls`]); and their histories, which become the activity record and the public
//! decision log. Everything follows from the seed; nothing here touches the database.
//!
//! Initiatives are planned first (stage, partners, charter versions, declarations, ...), because
//! a plan fixes how many decisions its history holds. The plans are then trimmed (stages lowered)
//! or enriched (contacts changed, partners coming and going, charters revised, review cycles,
//! work plans updated) until the histories hold exactly the number of log entries asked for,
//! less what the calls and donations (planned before them) log. Histories are merged in time
//! order into one log.

use std::collections::{HashMap, HashSet};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use shutaf_domain::disclosure::{PseudonymKey, Salt};
use shutaf_domain::expectations::Question;
use shutaf_domain::initiative::WorkPlanPlacement;
use shutaf_domain::integrity::{Exemption, NoticeOutcome};
use shutaf_domain::journal::{Actor, Event, EventKind, Matter, Place, Standing};
use shutaf_domain::{
    ContributionType, Language, LocalityKind, Management, MemberRole, OrganisationKind,
    PartnershipModel, Sector, Stage,
};
use shutaf_store::bulk::{
    Batch, BulkAlternative, BulkAnswer, BulkCharterVersion, BulkDecision, BulkDeclaration,
    BulkEndorsement, BulkEvent, BulkGoal, BulkIndicator, BulkInitiative, BulkLocalTarget,
    BulkLocality, BulkMembership, BulkNotice, BulkNotification, BulkOrganisation, BulkPartner,
    BulkUser,
};
use shutaf_store::{NewContribution, NewOrganisation, PartnerStatus};

use super::words::{self, Tri};

#[path = "calls.rs"]
mod calls;

/// The generated data is dated up to this moment (2026-11-01 00:00 UTC), whenever it is
/// generated, so that the same seed gives the same data.
pub const ANCHOR: i64 = 1_793_491_200;
const DAY: i64 = 24 * 60 * 60;
/// Initiatives' histories fall within the three years before [`ANCHOR`].
const WINDOW: i64 = 3 * 365 * DAY;

/// Organisations, people and their memberships go in batches of this many organisations.
const ORGANISATIONS_PER_BATCH: usize = 2_000;
const INITIATIVES_PER_BATCH: usize = 1_000;
const DECISIONS_PER_BATCH: usize = 10_000;
const LOCALITIES_PER_BATCH: usize = 50;

/// How big a world to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub organisations: u64,
    pub initiatives: u64,
    pub log_entries: u64,
    pub localities: u64,
    pub seed: u64,
}

/// The phases of a load, each with a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Localities,
    Organisations,
    Initiatives,
    Calls,
    Donations,
    Decisions,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Localities => "localities",
            Phase::Organisations => "organisations",
            Phase::Initiatives => "initiatives",
            Phase::Calls => "calls",
            Phase::Donations => "donations",
            Phase::Decisions => "decisions",
        }
    }
}

/// What the generator hands the writer.
pub enum Message {
    /// A phase begins: its total count, and how much of it is already done.
    Start { phase: Phase, total: u64, done: u64 },
    /// Rows to write, advancing the phase's count by `count`.
    Rows { batch: Box<Batch>, count: u64 },
}

/// The writer has gone (it failed); generation stops.
#[derive(Debug)]
pub struct Stopped;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Culture {
    Hebrew,
    Arabic,
    Mixed,
}

struct LocalityInfo {
    id: i64,
    names: [String; 3],
    culture: Culture,
    convener: i64,
    /// Every member of the convener (the locality's staff).
    staff: Vec<i64>,
    goals: Vec<(i64, &'static [&'static str])>,
    /// Organisations working in the locality, the convener first.
    organisations: Vec<i64>,
}

struct OrgInfo {
    names: [Option<String>; 3],
    sector: Sector,
    kind: OrganisationKind,
    owner: i64,
    /// Owners and administrators: the people who decide for it.
    deciders: Vec<i64>,
    contributions: Vec<ContributionType>,
}

impl OrgInfo {
    fn is_local_authority(&self) -> bool {
        matches!(
            self.kind,
            OrganisationKind::Municipality
                | OrganisationKind::LocalCouncil
                | OrganisationKind::RegionalCouncil
                | OrganisationKind::Cluster
        )
    }
}

/// Sampling by weight, by binary search over the running totals.
struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = f64>) -> Weighted {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    fn sample(&self, rng: &mut StdRng) -> usize {
        let total = *self.cumulative.last().expect("weights");
        let point = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|c| *c <= point)
            .min(self.cumulative.len() - 1)
    }
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// One RNG a purpose, so that a change in one phase leaves the others' data alone.
fn rng_for(seed: u64, purpose: u64) -> StdRng {
    StdRng::seed_from_u64(seed ^ purpose.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// A decision's seed for the salts of what its entry withholds, from the world's seed and the
/// parts that tell the decision apart: the same seed, the same salts, without drawing from (and
/// so changing) any other random stream.
fn seed_of(seed: u64, parts: &[u64]) -> Salt {
    let label = format!("shutaf-scale-seed {seed} {parts:?}");
    shutaf_domain::disclosure::salt_of(&[0; 32], &label)
}

/// Seeds of the decisions by their place in the log ([`seed_of`]'s first part).
const LOG_SEEDS: u64 = 1;
/// Seeds of a call's decisions that seal something, by call and their order in it.
const CALL_SEEDS: u64 = 2;
/// Seeds of the alternatives proposed to a notice (they seal who proposed), by notice and
/// their order.
const NOTICE_SEEDS: u64 = 3;

/// The pseudonym key of a generated hub: from the seed, so the same seed gives the same log.
fn pseudonym_key(seed: u64) -> PseudonymKey {
    PseudonymKey(seed_of(seed, &[0]))
}

fn fill(template: &str, holes: &[(&str, &str)]) -> String {
    let mut text = template.to_owned();
    for (hole, value) in holes {
        text = text.replace(hole, value);
    }
    text
}

fn language_index(language: Language) -> usize {
    match language {
        Language::He => 0,
        Language::Ar => 1,
        Language::En => 2,
    }
}

/// The Hebrew letters with a final form at the end of a word.
fn hebrew_final(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if let Some(last) = chars.last_mut() {
        *last = match *last {
            'כ' => 'ך',
            'מ' => 'ם',
            'נ' => 'ן',
            'פ' => 'ף',
            'צ' => 'ץ',
            other => other,
        };
    }
    chars.into_iter().collect()
}

/// A Hebrew phrase after a one-letter prefix (ב, ל): the definite article's ה gives way to it
/// ("השכונה המזרחית", "בשכונה המזרחית"). Invented place names never begin with ה, and the
/// neighbourhoods and regions that do are definite.
fn after_prefix(phrase: &str) -> &str {
    phrase.strip_prefix('ה').unwrap_or(phrase)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An invented place name, in the three scripts.
fn place_name(rng: &mut StdRng, culture: Culture) -> [String; 3] {
    let mut word = [String::new(), String::new(), String::new()];
    let syllables = if rng.random_bool(0.6) { 2 } else { 3 };
    for _ in 0..syllables {
        let consonant = pick(rng, words::CONSONANTS);
        let vowel = pick(rng, words::VOWELS);
        for i in 0..3 {
            word[i].push_str(consonant[i]);
            word[i].push_str(vowel[i]);
        }
    }
    if rng.random_bool(0.5) {
        let consonant = pick(rng, words::CONSONANTS);
        for (i, part) in word.iter_mut().enumerate() {
            part.push_str(consonant[i]);
        }
    }
    word[0] = hebrew_final(&word[0]);
    word[2] = capitalise(&word[2]);
    let prefixes = match culture {
        Culture::Arabic => words::ARABIC_PLACE_PREFIXES,
        _ => words::HEBREW_PLACE_PREFIXES,
    };
    if rng.random_bool(0.45) {
        let prefix = pick(rng, prefixes);
        for (i, part) in word.iter_mut().enumerate() {
            *part = format!("{} {part}", prefix[i]);
        }
    }
    word
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(40).collect()
}

/// A person: display name in their language, and an ASCII form for the address.
fn person(rng: &mut StdRng, language: Language) -> (String, String, Language) {
    let arabic = language == Language::Ar;
    let families: Vec<&(Tri, bool)> = words::FAMILY_NAMES
        .iter()
        .filter(|(_, is_arabic)| *is_arabic == arabic)
        .collect();
    let (family, _) = *pick(rng, &families);
    let given = pick(
        rng,
        if arabic {
            words::ARABIC_GIVEN_NAMES
        } else {
            words::HEBREW_GIVEN_NAMES
        },
    );
    let ascii = format!("{}.{}", slug(given[1]), slug(family[2]));
    // One in ten writes their name in Latin letters and reads the hub in English.
    if rng.random_bool(0.1) {
        (format!("{} {}", given[1], family[2]), ascii, Language::En)
    } else {
        let family = if arabic { family[1] } else { family[0] };
        (format!("{} {family}", given[0]), ascii, language)
    }
}

/// Everything generated so far that later phases refer to.
struct World {
    sizes: Sizes,
    password_hash: String,
    localities: Vec<LocalityInfo>,
    locality_weights: Weighted,
    organisations: Vec<OrgInfo>,
    /// Display names, by user id - 1.
    people: Vec<String>,
    next_goal: i64,
    /// Each initiative's locality (its index) and when it was proposed, by id - 1.
    initiatives: Vec<(usize, i64)>,
}

/// The next ids of the rows whose ids the log's details name.
#[derive(Debug, Default)]
struct Ids {
    call: i64,
    criterion: i64,
    application: i64,
    notice: i64,
    proposal: i64,
    donation: i64,
}

/// Gives the next id of a counter (from 1).
fn next(counter: &mut i64) -> i64 {
    *counter += 1;
    *counter
}

impl World {
    fn org(&self, id: i64) -> &OrgInfo {
        &self.organisations[(id - 1) as usize]
    }

    fn display_name(&self, user: i64) -> &str {
        &self.people[(user - 1) as usize]
    }

    fn new_user(
        &mut self,
        rng: &mut StdRng,
        language: Language,
        created_at: i64,
        batch: &mut Batch,
    ) -> i64 {
        let id = self.people.len() as i64 + 1;
        let (display_name, ascii, preferred) = person(rng, language);
        batch.users.push(BulkUser {
            id,
            email: format!("{ascii}.{id}@example.org"),
            display_name: display_name.clone(),
            password_hash: self.password_hash.clone(),
            preferred_language: Some(preferred),
            is_platform_admin: false,
            email_verified_at: Some(created_at),
            created_at,
        });
        self.people.push(display_name);
        id
    }
}

/// Generates the world for `sizes`, handing batches to `send` in the order they must be
/// written. Stops when `send` fails.
pub fn generate(
    sizes: Sizes,
    password_hash: String,
    mut send: impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    let mut world = World {
        sizes,
        password_hash,
        localities: Vec::new(),
        locality_weights: Weighted::new([1.0]),
        organisations: Vec::new(),
        people: Vec::new(),
        next_goal: 1,
        initiatives: Vec::new(),
    };
    localities(&mut world, &mut send)?;
    organisations(&mut world, &mut send)?;
    // Calls and donations are planned first: their decisions count in the log's size, and the
    // initiatives' histories fill the rest.
    let mut ids = Ids::default();
    let mut extras = calls::plan(&world, &mut ids);
    let (mut history, linked) = initiatives(&mut world, &mut extras, &mut ids, &mut send)?;
    calls::calls(&world, &extras, &linked, &mut ids, &mut history, &mut send)?;
    calls::donations(&world, &extras, &mut ids, &mut history, &mut send)?;
    decisions(&world, history, &mut send)
}

fn localities(
    world: &mut World,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    let count = world.sizes.localities as usize;
    send(Message::Start {
        phase: Phase::Localities,
        total: count as u64,
        done: 0,
    })?;
    let mut rng = rng_for(world.sizes.seed, 1);
    let registered = ANCHOR - WINDOW - 400 * DAY;
    let mut batch = Batch::default();
    // The platform administrator first: user 1.
    world.new_user(&mut rng, Language::He, registered, &mut batch);
    if let Some(user) = batch.users.last_mut() {
        user.email = "admin@scale.example.org".into();
        user.is_platform_admin = true;
    }
    let mut names_taken = HashSet::new();
    let mut regions = words::REGIONS.iter();
    let mut in_batch = 0u64;
    for rank in 0..count {
        let id = rank as i64 + 1;
        let culture = match rng.random_range(0..100) {
            0..65 => Culture::Hebrew,
            65..90 => Culture::Arabic,
            _ => Culture::Mixed,
        };
        let share = rank as f64 / count as f64;
        let mut kind = if share < 0.3 {
            LocalityKind::Municipality
        } else if share < 0.72 {
            LocalityKind::LocalCouncil
        } else if share < 0.94 {
            LocalityKind::RegionalCouncil
        } else {
            LocalityKind::Cluster
        };
        let mut region = None;
        if kind == LocalityKind::Cluster {
            region = regions.next();
            if region.is_none() {
                kind = LocalityKind::RegionalCouncil;
            }
        }
        let names: [String; 3] = match region {
            Some(region) => [
                format!("אשכול {}", region[0]),
                format!("عنقود {}", region[1]),
                format!("{} Cluster", region[2]),
            ],
            None => loop {
                let names = place_name(&mut rng, culture);
                if names_taken.insert(names[2].clone()) {
                    break names;
                }
            },
        };
        let place: [&str; 3] = match region {
            Some(region) => *region,
            None => [&names[0], &names[1], &names[2]],
        };
        let kind_index = match kind {
            LocalityKind::Municipality => 0,
            LocalityKind::LocalCouncil => 1,
            LocalityKind::RegionalCouncil => 2,
            LocalityKind::Cluster => 3,
        };
        let language = primary_language(&mut rng, culture);
        // The convener: organisation `id`, as localities and conveners are numbered alike.
        let template = words::CONVENER_NAMES[kind_index];
        let convener_names: [String; 3] =
            std::array::from_fn(|i| fill(template[i], &[("{P}", place[i])]));
        let website = format!("https://{}.example", slug(&convener_names[2]));
        let description = fill(
            [
                "היחידה לקיימות מכנסת שותפויות בין-מגזריות ב{P}.",
                "تجمع وحدة الاستدامة شراكات بين القطاعات في {P}.",
                "The sustainability unit convenes cross-sector partnerships in {P}.",
            ][language_index(language)],
            &[("{P}", after_prefix(place[language_index(language)]))],
        );
        let org_kind = match kind {
            LocalityKind::Municipality => OrganisationKind::Municipality,
            LocalityKind::LocalCouncil => OrganisationKind::LocalCouncil,
            LocalityKind::RegionalCouncil => OrganisationKind::RegionalCouncil,
            LocalityKind::Cluster => OrganisationKind::Cluster,
        };
        let mut staff = Vec::new();
        let staff_count = rng.random_range(2..=5);
        for n in 0..staff_count {
            let user = world.new_user(&mut rng, language, registered, &mut batch);
            let role = match n {
                0 => MemberRole::Owner,
                1 | 4 => MemberRole::Admin,
                _ => MemberRole::Member,
            };
            batch.memberships.push(BulkMembership {
                organisation_id: id,
                user_id: user,
                role,
                created_at: registered,
            });
            staff.push((user, role));
        }
        batch.organisations.push(BulkOrganisation {
            id,
            profile: NewOrganisation {
                names: convener_names.clone().map(Some),
                sector: Some(Sector::Public),
                kind: Some(org_kind),
                description: Some(description),
                website: Some(website),
                contributions: ContributionType::sector_defaults(Sector::Public).to_vec(),
                contributions_text: None,
                locality_ids: vec![id],
            },
            created_by: Some(staff[0].0),
            created_at: registered,
            updated_at: registered,
        });
        world.organisations.push(OrgInfo {
            names: convener_names.map(Some),
            sector: Sector::Public,
            kind: org_kind,
            owner: staff[0].0,
            deciders: staff
                .iter()
                .filter(|(_, role)| role.manages())
                .map(|(user, _)| *user)
                .collect(),
            contributions: ContributionType::sector_defaults(Sector::Public).to_vec(),
        });
        batch.localities.push(BulkLocality {
            id,
            names: names.clone().map(Some),
            kind,
            convener_organisation_id: id,
            description: Some(
                [
                    "יישוב בדוי מנתוני ההדגמה בקנה מידה גדול.",
                    "بلدة متخيّلة من بيانات العرض واسع النطاق.",
                    "A fictional locality of the scale demo.",
                ][language_index(language)]
                .to_owned(),
            ),
            created_at: registered,
        });
        let goals = agenda(world, &mut rng, id, language, registered, &mut batch);
        world.localities.push(LocalityInfo {
            id,
            names,
            culture,
            convener: id,
            staff: staff.iter().map(|(user, _)| *user).collect(),
            goals,
            organisations: vec![id],
        });
        in_batch += 1;
        if in_batch == LOCALITIES_PER_BATCH as u64 {
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count: in_batch,
            })?;
            in_batch = 0;
        }
    }
    send(Message::Rows {
        batch: Box::new(batch),
        count: in_batch,
    })?;
    // Larger places draw more organisations and initiatives (a Zipf-like spread).
    world.locality_weights =
        Weighted::new((0..count).map(|rank| 1.0 / (rank as f64 + 1.0).powf(0.85)));
    Ok(())
}

fn primary_language(rng: &mut StdRng, culture: Culture) -> Language {
    match culture {
        Culture::Hebrew => Language::He,
        Culture::Arabic => Language::Ar,
        Culture::Mixed if rng.random_bool(0.55) => Language::He,
        Culture::Mixed => Language::Ar,
    }
}

/// A locality's goals (and some local targets): gives their ids and SDG codes.
fn agenda(
    world: &mut World,
    rng: &mut StdRng,
    locality: i64,
    language: Language,
    at: i64,
    batch: &mut Batch,
) -> Vec<(i64, &'static [&'static str])> {
    let count = rng.random_range(4..=12.min(words::GOALS.len()));
    let chosen = rand::seq::index::sample(rng, words::GOALS.len(), count);
    let mut goals = Vec::new();
    let mut local_codes: Vec<String> = Vec::new();
    for index in chosen.iter() {
        let (titles, department, codes) = &words::GOALS[index];
        let id = world.next_goal;
        world.next_goal += 1;
        let all_languages = rng.random_bool(0.8);
        let title = |i: usize| {
            (all_languages || i == language_index(language)).then(|| titles[i].to_owned())
        };
        let mut sdg_codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        if rng.random_bool(0.25)
            && let Some(target) = codes.iter().find(|c| c.contains('.'))
        {
            // Two goals may serve the same target: each gets a local target of its own.
            let code = (1..)
                .map(|n| format!("{target}.{n}"))
                .find(|code| !local_codes.contains(code))
                .expect("a free local number");
            local_codes.push(code.clone());
            batch.local_targets.push(BulkLocalTarget {
                locality_id: locality,
                code: code.clone(),
                titles: [
                    Some(format!("יעד מקומי: {}", titles[0])),
                    Some(format!("هدف محلي: {}", titles[1])),
                    Some(format!("Local target: {}", titles[2])),
                ],
            });
            sdg_codes.push(code);
        }
        batch.goals.push(BulkGoal {
            id,
            locality_id: locality,
            titles: [title(0), title(1), title(2)],
            descriptions: [None, None, None],
            department: Some((*department).to_owned()),
            horizon: Some(*pick(rng, &[2030, 2030, 2030, 2035, 2050])),
            work_plan_year: Some(rng.random_range(2025..=2027)),
            budget_line: rng.random_bool(0.6).then(|| {
                format!(
                    "1-{:04}-{:03}",
                    rng.random_range(7000..8000),
                    rng.random_range(100..1000)
                )
            }),
            status: match rng.random_range(0..100) {
                0..85 => "active",
                85..95 => "achieved",
                _ => "dropped",
            }
            .to_owned(),
            sdg_codes,
            created_at: at,
        });
        goals.push((id, *codes));
    }
    goals
}

fn organisations(
    world: &mut World,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    let total = world.sizes.organisations;
    let conveners = world.sizes.localities;
    send(Message::Start {
        phase: Phase::Organisations,
        total,
        done: conveners,
    })?;
    let mut rng = rng_for(world.sizes.seed, 2);
    let mut batch = Batch::default();
    let mut in_batch = 0;
    for id in (conveners as i64 + 1)..=(total as i64) {
        organisation(world, &mut rng, id, &mut batch);
        in_batch += 1;
        if in_batch == ORGANISATIONS_PER_BATCH {
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count: in_batch as u64,
            })?;
            in_batch = 0;
        }
    }
    send(Message::Rows {
        batch: Box::new(batch),
        count: in_batch as u64,
    })
}

fn organisation(world: &mut World, rng: &mut StdRng, id: i64, batch: &mut Batch) {
    let home = world.locality_weights.sample(rng);
    let culture = world.localities[home].culture;
    let language = match culture {
        Culture::Hebrew if rng.random_bool(0.08) => Language::Ar,
        Culture::Arabic if rng.random_bool(0.05) => Language::He,
        Culture::Mixed | Culture::Hebrew | Culture::Arabic => primary_language(rng, culture),
    };
    let (kind, sector) = match rng.random_range(0..1000) {
        0..10 => (OrganisationKind::Ministry, Sector::Public),
        10..40 => (OrganisationKind::PublicAgency, Sector::Public),
        40..50 => (OrganisationKind::Academic, Sector::Public),
        50..60 => (OrganisationKind::Academic, Sector::Third),
        60..360 => (OrganisationKind::Ngo, Sector::Third),
        360..420 => (OrganisationKind::Foundation, Sector::Third),
        420..550 => (OrganisationKind::CommunityGroup, Sector::Third),
        550..900 => (OrganisationKind::Company, Sector::Business),
        900..960 => (OrganisationKind::SocialEnterprise, Sector::Business),
        _ => (OrganisationKind::SocialEnterprise, Sector::Third),
    };
    let templates = match kind {
        OrganisationKind::Ngo => words::NGO_NAMES,
        OrganisationKind::Foundation => words::FOUNDATION_NAMES,
        OrganisationKind::CommunityGroup => words::COMMUNITY_GROUP_NAMES,
        OrganisationKind::Academic => words::ACADEMIC_NAMES,
        OrganisationKind::Ministry => words::MINISTRY_NAMES,
        OrganisationKind::PublicAgency => words::AGENCY_NAMES,
        OrganisationKind::Company => words::COMPANY_NAMES,
        _ => words::SOCIAL_ENTERPRISE_NAMES,
    };
    let template = pick(rng, templates);
    let arabic_family = language == Language::Ar;
    let families: Vec<&(Tri, bool)> = words::FAMILY_NAMES
        .iter()
        .filter(|(_, is_arabic)| *is_arabic == arabic_family)
        .collect();
    let theme = pick(rng, words::THEMES);
    let industry = pick(rng, words::INDUSTRIES);
    let family = pick(rng, &families).0;
    let region = pick(rng, words::REGIONS);
    let ministry = pick(rng, words::MINISTRIES);
    let quarter = pick(rng, words::NEIGHBOURHOODS);
    let place = &world.localities[home].names;
    let full: [String; 3] = std::array::from_fn(|i| {
        fill(
            template[i],
            &[
                ("{P}", place[i].as_str()),
                ("{T}", theme[i]),
                ("{I}", industry[i]),
                ("{N}", family[i]),
                ("{R}", region[i]),
                ("{M}", ministry[i]),
                ("{Q}", quarter[i]),
            ],
        )
    });
    let primary = language_index(language);
    let other = if primary == 0 { 1 } else { 0 };
    let has_other = rng.random_bool(if primary == 0 { 0.25 } else { 0.55 });
    let has_english = rng.random_bool(0.55);
    let names: [Option<String>; 3] = std::array::from_fn(|i| {
        (i == primary || (i == other && has_other) || (i == 2 && has_english))
            .then(|| full[i].clone())
    });
    let description = rng.random_bool(0.45).then(|| {
        let opening = pick(rng, words::DESCRIPTION_OPENINGS)[primary];
        let closing = pick(rng, words::DESCRIPTION_CLOSINGS)[primary];
        let theme_text = if primary == 2 {
            theme[2].to_lowercase()
        } else {
            theme[primary].to_owned()
        };
        let opening = fill(
            opening,
            &[
                ("{T}", theme_text.as_str()),
                ("{P}", place[primary].as_str()),
            ],
        );
        if closing.is_empty() {
            opening
        } else {
            format!("{opening} {closing}")
        }
    });
    let website = rng
        .random_bool(0.35)
        .then(|| format!("https://{}-{id}.example", slug(&full[2])));
    let mut contributions: Vec<ContributionType> = ContributionType::sector_defaults(sector)
        .iter()
        .copied()
        .filter(|_| rng.random_bool(0.75))
        .collect();
    for _ in 0..rng.random_range(0..=2) {
        contributions.push(*pick(rng, ContributionType::ALL));
    }
    if contributions.is_empty() {
        contributions.push(ContributionType::sector_defaults(sector)[0]);
    }
    contributions.sort();
    contributions.dedup();
    let contributions_text = rng
        .random_bool(0.1)
        .then(|| pick(rng, words::CONTRIBUTION_TEXTS)[primary].to_owned());
    let mut locality_ids = vec![world.localities[home].id];
    let extra = match kind {
        OrganisationKind::Ministry => rng.random_range(3..=8),
        OrganisationKind::PublicAgency => 0,
        _ => match rng.random_range(0..100) {
            0..75 => 0,
            75..92 => 1,
            _ => rng.random_range(2..=4),
        },
    };
    for _ in 0..extra {
        let other = world.locality_weights.sample(rng);
        let other_id = world.localities[other].id;
        if !locality_ids.contains(&other_id) {
            locality_ids.push(other_id);
        }
    }
    for locality in &locality_ids {
        world.localities[(*locality - 1) as usize]
            .organisations
            .push(id);
    }
    // Registered before the initiatives' years; profiles edited since, some of them.
    let created_at = ANCHOR - WINDOW - rng.random_range(0..365 * DAY);
    let updated_at = if rng.random_bool(0.3) {
        rng.random_range(created_at..ANCHOR)
    } else {
        created_at
    };
    let owner = world.new_user(rng, language, created_at, batch);
    let mut members = vec![(owner, MemberRole::Owner)];
    if rng.random_bool(0.25) {
        members.push((
            world.new_user(rng, language, created_at, batch),
            MemberRole::Admin,
        ));
    }
    if rng.random_bool(0.3) {
        for _ in 0..rng.random_range(1..=3) {
            members.push((
                world.new_user(rng, language, created_at, batch),
                MemberRole::Member,
            ));
        }
    }
    // Some people work with a second organisation.
    if rng.random_bool(0.06) {
        let someone = rng.random_range(2..=world.people.len() as i64);
        if !members.iter().any(|(user, _)| *user == someone) {
            members.push((someone, MemberRole::Member));
        }
    }
    for (user, role) in &members {
        batch.memberships.push(BulkMembership {
            organisation_id: id,
            user_id: *user,
            role: *role,
            created_at,
        });
    }
    batch.organisations.push(BulkOrganisation {
        id,
        profile: NewOrganisation {
            names: names.clone(),
            sector: Some(sector),
            kind: Some(kind),
            description,
            website,
            contributions: contributions.clone(),
            contributions_text,
            locality_ids,
        },
        created_by: Some(owner),
        created_at,
        updated_at,
    });
    world.organisations.push(OrgInfo {
        names,
        sector,
        kind,
        owner,
        deciders: members
            .iter()
            .filter(|(_, role)| role.manages())
            .map(|(user, _)| *user)
            .collect(),
        contributions,
    });
}

/// The main path of the partnering cycle, in order.
const MAIN_PATH: [Stage; 8] = [
    Stage::Idea,
    Stage::Convened,
    Stage::Scoping,
    Stage::Building,
    Stage::Agreed,
    Stage::Implementing,
    Stage::Reviewing,
    Stage::Sustaining,
];

/// A move to `stage`; the reasons of a decline or a withdrawal are filled in later.
fn stage_event(stage: Stage) -> Event {
    Event::StageChanged {
        to: stage,
        reason: None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WorkPlan {
    NotRecorded,
    Placed,
    NoBudget,
}

/// An initiative's shape: what its history holds, before any text or time.
#[derive(Debug, Clone)]
struct Plan {
    locality: usize,
    initiator: i64,
    /// The stage it is in now.
    stage: Stage,
    /// How far along the main path it came (for a declined or withdrawn one, before leaving).
    reached: Stage,
    /// Through `sustaining` before `closed`.
    via_sustaining: bool,
    /// Active partners besides the initiator, in the order they joined.
    partners: Vec<i64>,
    /// Invited by the lead or asking to join, not yet partners.
    pending: Vec<(i64, PartnerStatus)>,
    /// Organisations that joined and later left.
    churn: Vec<i64>,
    charter_versions: u32,
    /// How many of the active partners (the initiator first) endorsed the latest version.
    endorsers: usize,
    work_plan: WorkPlan,
    work_plan_updates: u32,
    /// The convener named another contact person this many times.
    recontacts: u32,
    review_cycles: u32,
    /// The city with a business: competition or an exemption recorded, and declarations from
    /// every person who decides (user, organisation they decide for).
    declarations: Vec<(i64, i64)>,
    integrity: bool,
    /// A notice inviting competing proposals (a business brought the initiative to the city).
    notice: Option<NoticePlan>,
    /// The awarded call the initiative came from: its first partner won it.
    from_call: Option<i64>,
}

#[derive(Debug, Clone)]
struct NoticePlan {
    /// The organisations that proposed an alternative, in order.
    alternatives: Vec<i64>,
    /// The convener's decision, once taken, and the alternative chosen (its index).
    outcome: Option<(NoticeOutcome, Option<usize>)>,
}

impl Plan {
    fn active(&self) -> Vec<i64> {
        std::iter::once(self.initiator)
            .chain(self.partners.iter().copied())
            .collect()
    }

    fn at_least(&self, stage: Stage) -> bool {
        self.reached.at_least(stage)
    }

    fn involves(&self, organisation: i64) -> bool {
        organisation == self.initiator
            || self.partners.contains(&organisation)
            || self.churn.contains(&organisation)
            || self.pending.iter().any(|(o, _)| *o == organisation)
            || self
                .notice
                .as_ref()
                .is_some_and(|n| n.alternatives.contains(&organisation))
    }
}

/// One step of a history: a decision (so on the public log too) or not, as its kind says.
#[derive(Debug, Clone)]
struct Step {
    event: Event,
    organisation: Option<i64>,
    user: Option<i64>,
    /// For declarations of interests: the person, named on the log.
    person: Option<i64>,
    /// How long after the step before it (a kind of gap; see [`gap`]).
    gap: Gap,
}

#[derive(Debug, Clone, Copy)]
enum Gap {
    None,
    Short,
    Convening,
    Stage,
    Long,
}

fn gap(rng: &mut StdRng, gap: Gap) -> i64 {
    let days = match gap {
        Gap::None => return 0,
        Gap::Short => rng.random_range(0..4),
        Gap::Convening => rng.random_range(1..21),
        Gap::Stage => rng.random_range(7..91),
        Gap::Long => rng.random_range(60..241),
    };
    days * DAY + rng.random_range(0..DAY)
}

/// Who acts for the convener or the lead: the user and organisation of a stage change.
fn decider(world: &World, plan: &Plan, convener_turn: bool, contact: i64) -> (i64, i64) {
    let locality = &world.localities[plan.locality];
    if convener_turn {
        (contact, locality.convener)
    } else {
        (world.org(plan.initiator).owner, plan.initiator)
    }
}

/// The steps of an initiative's history, in order. `contact` is the convener's contact person,
/// `id` the initiative's (for the declarations' detail).
fn steps(world: &World, plan: &Plan, id: i64, contact: i64) -> Vec<Step> {
    let step = |event: Event, organisation: i64, user: i64, gap: Gap| Step {
        event,
        organisation: Some(organisation),
        user: Some(user),
        person: None,
        gap,
    };
    let locality = &world.localities[plan.locality];
    let convener = locality.convener;
    let owner = |org: i64| world.org(org).owner;
    let initiator_owner = owner(plan.initiator);
    let mut out = vec![step(
        Event::Proposed,
        plan.initiator,
        initiator_owner,
        Gap::None,
    )];
    // From a call: the winner joins as the initiative is made (`initiative_from_call`).
    let winner = plan.from_call.and_then(|call| {
        let winner = *plan.partners.first()?;
        out.push(step(
            Event::PartnerJoined { call: Some(call) },
            winner,
            contact,
            Gap::None,
        ));
        Some(winner)
    });
    for (org, status) in &plan.pending {
        let (event, user) = match status {
            PartnerStatus::Invited => (Event::PartnerInvited, initiator_owner),
            _ => (Event::PartnerRequested, owner(*org)),
        };
        out.push(step(event, *org, user, Gap::Short));
    }
    if plan.at_least(Stage::Convened) {
        out.push(step(
            Event::ConvenerEngaged,
            convener,
            contact,
            Gap::Convening,
        ));
        out.push(step(
            stage_event(Stage::Convened),
            convener,
            contact,
            Gap::Short,
        ));
    }
    for _ in 0..plan.recontacts {
        out.push(step(Event::ConvenerEngaged, convener, contact, Gap::Stage));
    }
    if let Some(notice) = &plan.notice {
        out.push(step(
            Event::NoticePublished {
                notice: 0,
                closes_at: 0,
            },
            convener,
            contact,
            Gap::Convening,
        ));
        for org in &notice.alternatives {
            out.push(step(
                Event::AlternativeProposed {
                    notice: 0,
                    proposal: 0,
                    organisation: *org,
                },
                *org,
                owner(*org),
                Gap::Short,
            ));
        }
        if notice.outcome.is_some() {
            out.push(step(
                Event::NoticeDecided {
                    notice: 0,
                    outcome: NoticeOutcome::Original,
                    chosen: None,
                    reasons: String::new(),
                    openings: Vec::new(),
                },
                convener,
                contact,
                Gap::Stage,
            ));
        }
    }
    for partner in plan.partners.iter().filter(|p| Some(**p) != winner) {
        out.push(step(
            Event::PartnerJoined { call: None },
            *partner,
            owner(*partner),
            Gap::Short,
        ));
    }
    for partner in &plan.churn {
        out.push(step(
            Event::PartnerJoined { call: None },
            *partner,
            owner(*partner),
            Gap::Short,
        ));
        out.push(step(
            Event::PartnerLeft,
            *partner,
            owner(*partner),
            Gap::Stage,
        ));
    }
    let mut turn = false;
    let mut stage_step = |out: &mut Vec<Step>, stage: Stage, gap: Gap| {
        turn = !turn;
        let (user, org) = decider(world, plan, turn, contact);
        out.push(step(stage_event(stage), org, user, gap));
    };
    if plan.at_least(Stage::Scoping) {
        stage_step(&mut out, Stage::Scoping, Gap::Stage);
    }
    if plan.at_least(Stage::Building) {
        stage_step(&mut out, Stage::Building, Gap::Stage);
        let active = plan.active();
        for version in 1..=plan.charter_versions {
            let proposer = active[(version as usize - 1) % active.len()];
            out.push(step(
                Event::CharterProposed {
                    version: version as i64,
                },
                proposer,
                owner(proposer),
                Gap::Stage,
            ));
        }
        if plan.charter_versions > 0 {
            for org in active.iter().take(plan.endorsers) {
                out.push(step(
                    Event::CharterEndorsed {
                        version: plan.charter_versions as i64,
                    },
                    *org,
                    owner(*org),
                    Gap::Short,
                ));
            }
        }
    }
    if plan.work_plan != WorkPlan::NotRecorded {
        let placement = match plan.work_plan {
            WorkPlan::Placed => WorkPlanPlacement::Placed,
            _ => WorkPlanPlacement::NoBudgetNeeded,
        };
        for n in 0..=plan.work_plan_updates {
            out.push(step(
                Event::WorkPlanRecorded {
                    placement: placement.clone(),
                },
                convener,
                contact,
                if n == 0 { Gap::Short } else { Gap::Stage },
            ));
        }
    }
    if plan.integrity {
        out.push(step(
            Event::IntegrityRecorded { exemption: None },
            convener,
            contact,
            Gap::Short,
        ));
        for (user, org) in &plan.declarations {
            let declared = Event::InterestsDeclared {
                sealed: false,
                matter: Matter::Initiative(id),
                ties: Vec::new(),
            };
            out.push(Step {
                person: Some(*user),
                ..step(declared, *org, *user, Gap::Short)
            });
        }
    }
    if plan.at_least(Stage::Agreed) {
        stage_step(&mut out, Stage::Agreed, Gap::Short);
    }
    if plan.at_least(Stage::Implementing) {
        stage_step(&mut out, Stage::Implementing, Gap::Stage);
        for _ in 0..plan.review_cycles {
            stage_step(&mut out, Stage::Reviewing, Gap::Long);
            stage_step(&mut out, Stage::Implementing, Gap::Stage);
        }
    }
    if plan.at_least(Stage::Reviewing) {
        stage_step(&mut out, Stage::Reviewing, Gap::Long);
    }
    if plan.at_least(Stage::Sustaining) {
        stage_step(&mut out, Stage::Sustaining, Gap::Stage);
    }
    match plan.stage {
        Stage::Closed => {
            if plan.via_sustaining {
                stage_step(&mut out, Stage::Sustaining, Gap::Stage);
            }
            stage_step(&mut out, Stage::Closed, Gap::Long);
        }
        Stage::Declined => out.push(step(
            stage_event(Stage::Declined),
            convener,
            contact,
            Gap::Stage,
        )),
        Stage::Withdrawn => out.push(step(
            stage_event(Stage::Withdrawn),
            plan.initiator,
            initiator_owner,
            Gap::Stage,
        )),
        _ => {}
    }
    out
}

fn cost(world: &World, plan: &Plan) -> u64 {
    steps(world, plan, 0, 0)
        .iter()
        .filter(|s| s.event.is_decision())
        .count() as u64
}

/// A random organisation of the plan's locality not in it yet (or of anywhere, failing that).
fn newcomer(world: &World, rng: &mut StdRng, plan: &Plan) -> Option<i64> {
    let candidates = &world.localities[plan.locality].organisations;
    for _ in 0..20 {
        let org = *pick(rng, candidates);
        if !plan.involves(org) {
            return Some(org);
        }
    }
    for _ in 0..50 {
        let org = rng.random_range(1..=world.organisations.len() as i64);
        if !plan.involves(org) {
            return Some(org);
        }
    }
    None
}

fn plan(world: &World, rng: &mut StdRng) -> Plan {
    let locality = world.locality_weights.sample(rng);
    let info = &world.localities[locality];
    let initiator = if rng.random_bool(0.12) || info.organisations.len() < 2 {
        info.convener
    } else {
        *pick(rng, &info.organisations[1..])
    };
    const STAGES: [(Stage, f64); 11] = [
        (Stage::Idea, 14.0),
        (Stage::Convened, 10.0),
        (Stage::Scoping, 12.0),
        (Stage::Building, 14.0),
        (Stage::Agreed, 8.0),
        (Stage::Implementing, 16.0),
        (Stage::Reviewing, 6.0),
        (Stage::Sustaining, 5.0),
        (Stage::Closed, 6.0),
        (Stage::Declined, 5.0),
        (Stage::Withdrawn, 4.0),
    ];
    let stage = STAGES[Weighted::new(STAGES.map(|(_, w)| w)).sample(rng)].0;
    let reached = match stage {
        Stage::Declined | Stage::Withdrawn => {
            MAIN_PATH[Weighted::new([30.0, 25.0, 20.0, 15.0, 10.0]).sample(rng)]
        }
        Stage::Closed => Stage::Reviewing,
        other => other,
    };
    let mut plan = Plan {
        locality,
        initiator,
        stage,
        reached,
        via_sustaining: stage == Stage::Closed && rng.random_bool(0.4),
        partners: Vec::new(),
        pending: Vec::new(),
        churn: Vec::new(),
        charter_versions: 0,
        endorsers: 0,
        work_plan: WorkPlan::NotRecorded,
        work_plan_updates: 0,
        recontacts: 0,
        review_cycles: 0,
        declarations: Vec::new(),
        integrity: false,
        notice: None,
        from_call: None,
    };
    let partners = if plan.at_least(Stage::Agreed) {
        rng.random_range(1..=4)
    } else if plan.at_least(Stage::Building) {
        rng.random_range(1..=3)
    } else if plan.at_least(Stage::Scoping) {
        rng.random_range(0..=2)
    } else {
        usize::from(rng.random_bool(0.3))
    };
    // The city often comes in as a partner itself once it has convened.
    if plan.at_least(Stage::Convened) && initiator != info.convener && rng.random_bool(0.5) {
        plan.partners.push(info.convener);
    }
    while plan.partners.len() < partners {
        match newcomer(world, rng, &plan) {
            Some(org) => plan.partners.push(org),
            None => break,
        }
    }
    if !plan.at_least(Stage::Agreed) && !stage.is_final() && rng.random_bool(0.3) {
        for _ in 0..rng.random_range(1..=2) {
            if let Some(org) = newcomer(world, rng, &plan) {
                let status = if rng.random_bool(0.5) {
                    PartnerStatus::Invited
                } else {
                    PartnerStatus::Requested
                };
                plan.pending.push((org, status));
            }
        }
    }
    if plan.at_least(Stage::Agreed) {
        // Agreement needs two sectors or more.
        let sector = world.org(initiator).sector;
        if plan.partners.iter().all(|p| world.org(*p).sector == sector) {
            for attempt in 0..250 {
                let org = if attempt < 50 {
                    *pick(rng, &info.organisations)
                } else {
                    rng.random_range(1..=world.organisations.len() as i64)
                };
                if world.org(org).sector != sector && !plan.involves(org) {
                    plan.partners.push(org);
                    break;
                }
            }
        }
        plan.charter_versions = *pick(rng, &[1, 1, 1, 2, 2, 3]);
        plan.endorsers = plan.partners.len() + 1;
        plan.work_plan = if rng.random_bool(0.7) {
            WorkPlan::Placed
        } else {
            WorkPlan::NoBudget
        };
        let active = plan.active();
        let authority = active.iter().any(|o| world.org(*o).is_local_authority());
        let business = active
            .iter()
            .any(|o| world.org(*o).sector == Sector::Business);
        if authority && business {
            plan.integrity = true;
            let mut declarations: Vec<(i64, i64)> = world
                .org(info.convener)
                .deciders
                .iter()
                .map(|user| (*user, info.convener))
                .collect();
            for org in active
                .iter()
                .filter(|o| world.org(**o).sector == Sector::Business)
            {
                for user in &world.org(*org).deciders {
                    if !declarations.iter().any(|(u, _)| u == user) {
                        declarations.push((*user, *org));
                    }
                }
            }
            plan.declarations = declarations;
        }
    } else if plan.at_least(Stage::Building) {
        plan.charter_versions = *pick(rng, &[0, 0, 1, 1, 2]);
        if plan.charter_versions > 0 {
            plan.endorsers = rng.random_range(0..=plan.partners.len() + 1);
        }
        if rng.random_bool(0.25) {
            plan.work_plan = WorkPlan::Placed;
        }
    }
    // A business brought it to the city, which invited competing proposals before joining.
    if plan.at_least(Stage::Convened)
        && initiator != info.convener
        && world.org(initiator).sector == Sector::Business
        && !plan.partners.contains(&info.convener)
        && rng.random_bool(0.3)
    {
        let mut notice = NoticePlan {
            alternatives: Vec::new(),
            outcome: None,
        };
        for _ in 0..*pick(rng, &[0, 1, 1, 2, 2, 3]) {
            if let Some(org) = newcomer(world, rng, &plan)
                && org != info.convener
                && !notice.alternatives.contains(&org)
            {
                notice.alternatives.push(org);
            }
        }
        // Still open (or waiting for the decision) only where nothing has happened since.
        if plan.stage != Stage::Convened || rng.random_bool(0.5) {
            let outcome = match rng.random_range(0..100) {
                0..50 => NoticeOutcome::Original,
                50..75 if !notice.alternatives.is_empty() => NoticeOutcome::Alternative,
                50..85 => NoticeOutcome::OpenCall,
                _ => NoticeOutcome::Dropped,
            };
            let chosen = (outcome == NoticeOutcome::Alternative)
                .then(|| rng.random_range(0..notice.alternatives.len()));
            notice.outcome = Some((outcome, chosen));
        }
        plan.notice = Some(notice);
    }
    plan
}

/// Lowers a plan by one stage along the main path (a way out first goes earlier, then goes).
fn lower(plan: &mut Plan) {
    let previous = |stage: Stage| {
        let position = MAIN_PATH.iter().position(|s| *s == stage).unwrap_or(0);
        MAIN_PATH[position.saturating_sub(1)]
    };
    match plan.stage {
        Stage::Idea => {
            plan.partners.pop();
        }
        Stage::Declined | Stage::Withdrawn if plan.reached == Stage::Idea => {
            plan.stage = Stage::Idea;
        }
        Stage::Declined | Stage::Withdrawn => plan.reached = previous(plan.reached),
        Stage::Closed => {
            plan.stage = if plan.via_sustaining {
                Stage::Sustaining
            } else {
                Stage::Reviewing
            };
            plan.reached = plan.stage;
        }
        other => {
            plan.stage = previous(other);
            plan.reached = plan.stage;
        }
    }
    // What the lower stage cannot have yet.
    plan.review_cycles = 0;
    if !plan.at_least(Stage::Agreed) {
        plan.integrity = false;
        plan.declarations.clear();
        if plan.at_least(Stage::Building) {
            plan.endorsers = plan.endorsers.min(plan.partners.len());
        }
    }
    if !plan.at_least(Stage::Building) {
        plan.charter_versions = 0;
        plan.endorsers = 0;
        plan.work_plan = WorkPlan::NotRecorded;
        plan.work_plan_updates = 0;
        plan.partners
            .truncate(if plan.at_least(Stage::Scoping) { 2 } else { 1 });
    }
    if !plan.at_least(Stage::Convened) {
        plan.recontacts = 0;
        plan.notice = None;
    }
}

/// Adds to a plan's history without breaking its rules; gives the decisions added (at most
/// `room`).
fn enrich(world: &World, rng: &mut StdRng, plan: &mut Plan, room: u64) -> u64 {
    let mut options: Vec<u8> = Vec::new();
    if plan.at_least(Stage::Convened) {
        options.push(0); // a new contact person
    }
    if plan.charter_versions > 0 {
        options.push(1); // an earlier charter version
    }
    if plan.work_plan != WorkPlan::NotRecorded {
        options.push(2); // the work plan updated
    }
    if !plan.at_least(Stage::Building) {
        options.push(3); // another partner (no roles or endorsements needed yet)
    }
    if room >= 2 {
        options.push(4); // a partner who came and went
        if plan.at_least(Stage::Implementing) {
            options.push(5); // another round of review
        }
    }
    if options.is_empty() {
        return 0;
    }
    match *pick(rng, &options) {
        0 => plan.recontacts += 1,
        1 => plan.charter_versions += 1,
        2 => plan.work_plan_updates += 1,
        3 => match newcomer(world, rng, plan) {
            Some(org) => plan.partners.push(org),
            None => return 0,
        },
        4 => match newcomer(world, rng, plan) {
            Some(org) => {
                plan.churn.push(org);
                return 2;
            }
            None => return 0,
        },
        _ => {
            plan.review_cycles += 1;
            return 2;
        }
    }
    1
}

/// Plans every initiative and fits their histories to the log size asked for.
fn plans(world: &World, target: u64) -> Vec<Plan> {
    let mut rng = rng_for(world.sizes.seed, 3);
    let mut plans: Vec<Plan> = (0..world.sizes.initiatives)
        .map(|_| plan(world, &mut rng))
        .collect();
    let mut costs: Vec<u64> = plans.iter().map(|p| cost(world, p)).collect();
    let mut total: u64 = costs.iter().sum();
    // Too many decisions: lower random initiatives a stage at a time.
    let mut lowerable: Vec<usize> = (0..plans.len()).filter(|i| costs[*i] > 1).collect();
    while total > target && !lowerable.is_empty() {
        let slot = rng.random_range(0..lowerable.len());
        let i = lowerable[slot];
        lower(&mut plans[i]);
        let new = cost(world, &plans[i]);
        total = total - costs[i] + new;
        costs[i] = new;
        if new <= 1 {
            lowerable.swap_remove(slot);
        }
    }
    // Too few: give random initiatives more history.
    let mut attempts = 0u64;
    while total < target && !plans.is_empty() && attempts < 100 * target {
        attempts += 1;
        let i = rng.random_range(0..plans.len());
        let added = enrich(world, &mut rng, &mut plans[i], target - total);
        total += added;
        costs[i] += added;
    }
    debug_assert_eq!(
        total,
        plans.iter().map(|p| cost(world, p)).sum::<u64>(),
        "the planned decisions are counted right"
    );
    plans
}

/// A step of some history (an initiative's, a call's, a donation's), placed in time.
struct Item {
    at: i64,
    /// The initiative the decision names.
    initiative: Option<i64>,
    locality: i64,
    step: Step,
    /// Also on the initiative's activity record.
    event: bool,
    /// The seed of what the entry withholds, where a later decision opens it (a call's);
    /// otherwise from the entry's place in the log.
    seed: Option<Salt>,
}

/// An initiative made from an awarded call: what the call's texts come from.
struct Linked {
    initiative: i64,
    created_at: i64,
    language: Language,
    title: String,
    problem: String,
    approach: String,
    goal_ids: Vec<i64>,
}

fn texts(languages: [bool; 3], make: impl Fn(usize) -> String) -> [Option<String>; 3] {
    std::array::from_fn(|i| languages[i].then(|| make(i)))
}

/// The initiatives, with the rest of the log fitted to their histories and the awarded calls
/// that became initiatives linked; gives their histories and what the linked calls need.
fn initiatives(
    world: &mut World,
    extras: &mut calls::Extras,
    ids: &mut Ids,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(Vec<Item>, HashMap<i64, Linked>), Stopped> {
    send(Message::Start {
        phase: Phase::Initiatives,
        total: world.sizes.initiatives,
        done: 0,
    })?;
    let mut plans = plans(world, world.sizes.log_entries - extras.cost());
    extras.link(world, &mut plans);
    let mut rng = rng_for(world.sizes.seed, 4);
    let mut history = Vec::with_capacity(world.sizes.log_entries as usize * 13 / 10);
    let mut linked = HashMap::new();
    let mut batch = Batch::default();
    for (index, plan) in plans.iter().enumerate() {
        let id = index as i64 + 1;
        let created_at = initiative(
            world,
            &mut rng,
            plan,
            id,
            ids,
            &mut batch,
            &mut history,
            &mut linked,
        );
        world.initiatives.push((plan.locality, created_at));
        if batch.initiatives.len() == INITIATIVES_PER_BATCH {
            let count = batch.initiatives.len() as u64;
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count,
            })?;
        }
    }
    let count = batch.initiatives.len() as u64;
    send(Message::Rows {
        batch: Box::new(batch),
        count,
    })?;
    Ok((history, linked))
}

/// One initiative and its history; gives when it was proposed.
#[allow(clippy::too_many_arguments)]
fn initiative(
    world: &World,
    rng: &mut StdRng,
    plan: &Plan,
    id: i64,
    ids: &mut Ids,
    batch: &mut Batch,
    history: &mut Vec<Item>,
    linked: &mut HashMap<i64, Linked>,
) -> i64 {
    let locality = &world.localities[plan.locality];
    let language = primary_language(rng, locality.culture);
    let primary = language_index(language);
    let other = if primary == 0 { 1 } else { 0 };
    let mut languages = [false; 3];
    languages[primary] = true;
    languages[2] |= rng.random_bool(0.5);
    languages[other] |= rng.random_bool(0.35);
    let topic = pick(rng, words::TOPICS);
    let quarter = pick(rng, words::NEIGHBOURHOODS);
    let in_quarter = rng.random_bool(0.6);
    let place = |i: usize| -> &str {
        if in_quarter {
            quarter[i]
        } else {
            &locality.names[i]
        }
    };
    let titles = texts(languages, |i| match i {
        0 => format!("{} ב{}", topic.title[0], after_prefix(place(0))),
        1 => format!("{} في {}", topic.title[1], place(1)),
        _ => format!("{} in {}", topic.title[2], place(2)),
    });
    let problems = texts(languages, |i| topic.problem[i].to_owned());
    let first = rng.random_range(0..words::APPROACHES.len());
    let second = rng
        .random_bool(0.5)
        .then(|| rng.random_range(0..words::APPROACHES.len()))
        .filter(|s| *s != first);
    let approaches = texts(languages, |i| match second {
        Some(second) => format!(
            "{} {}",
            words::APPROACHES[first][i],
            words::APPROACHES[second][i]
        ),
        None => words::APPROACHES[first][i].to_owned(),
    });
    let model = *pick(
        rng,
        &[
            PartnershipModel::SustainablePractice,
            PartnershipModel::CommunityResponsibility,
            PartnershipModel::CommunityResponsibility,
            PartnershipModel::GreenEconomy,
            PartnershipModel::JointAgenda,
            PartnershipModel::JointAgenda,
        ],
    );
    let management = if rng.random_bool(0.3) {
        Management::LedByOne
    } else {
        Management::Joint
    };
    // Made from a call, as `initiative_from_call` makes it: a joint agenda, managed jointly.
    let (model, management) = if plan.from_call.is_some() {
        (PartnershipModel::JointAgenda, Management::Joint)
    } else {
        (model, management)
    };
    let lead = (management == Management::LedByOne)
        .then(|| *pick(rng, &plan.active()))
        .filter(|lead| *lead != plan.initiator);
    let mut needs: Vec<ContributionType> = (0..rng.random_range(2..=5))
        .map(|_| *pick(rng, ContributionType::ALL))
        .collect();
    needs.sort();
    needs.dedup();
    // Goals: those serving the topic's SDG goals first.
    let mut goal_ids: Vec<i64> = Vec::new();
    let wanted = if plan.at_least(Stage::Building) {
        rng.random_range(1..=3)
    } else if rng.random_bool(0.5) {
        rng.random_range(1..=2)
    } else {
        0
    };
    let fitting: Vec<i64> = locality
        .goals
        .iter()
        .filter(|(_, codes)| {
            codes
                .iter()
                .any(|c| topic.sdg_goals.iter().any(|g| c == &g.to_string()))
        })
        .map(|(goal, _)| *goal)
        .collect();
    for _ in 0..wanted * 2 {
        if goal_ids.len() >= wanted || locality.goals.is_empty() {
            break;
        }
        let goal = if !fitting.is_empty() && rng.random_bool(0.8) {
            *pick(rng, &fitting)
        } else {
            pick(rng, &locality.goals).0
        };
        if !goal_ids.contains(&goal) {
            goal_ids.push(goal);
        }
    }
    let contact = *pick(rng, &locality.staff);
    let mut path = steps(world, plan, id, contact);

    // Times: gaps drawn per step, then the whole history placed so that it ends a while before
    // the anchor (recently for live initiatives) and starts within the window.
    let mut offsets = Vec::with_capacity(path.len());
    let mut elapsed = 0i64;
    for step in &path {
        elapsed += gap(rng, step.gap);
        offsets.push(elapsed);
    }
    let finished = plan.stage.is_final() || plan.stage == Stage::Sustaining;
    let quiet = if finished {
        rng.random_range(0..WINDOW / 2)
    } else if rng.random_bool(0.75) {
        rng.random_range(0..45 * DAY)
    } else {
        rng.random_range(45 * DAY..400 * DAY)
    };
    let span = (WINDOW - quiet).max(DAY);
    let scale = if elapsed > span {
        span as f64 / elapsed as f64
    } else {
        1.0
    };
    let latest_start = ANCHOR - quiet - (elapsed as f64 * scale) as i64;
    let earliest_start = ANCHOR - WINDOW;
    let created_at = if finished && latest_start > earliest_start {
        rng.random_range(earliest_start..=latest_start)
    } else {
        latest_start
    };
    let times: Vec<i64> = offsets
        .iter()
        .map(|o| created_at + (*o as f64 * scale) as i64)
        .collect();
    let last = *times.last().unwrap_or(&created_at);
    let notice = plan
        .notice
        .as_ref()
        .map(|n| notice(rng, n, primary, topic, ids, &mut path, &times));
    let time_of = |kind: EventKind, organisation: Option<i64>| {
        path.iter()
            .zip(&times)
            .find(|(s, _)| {
                s.event.kind() == kind && (organisation.is_none() || s.organisation == organisation)
            })
            .map(|(_, t)| *t)
    };

    let convened_at = time_of(EventKind::ConvenerEngaged, None);
    let owner = |org: i64| world.org(org).owner;
    let text_in = |tri: &Tri| tri[primary].to_owned();
    let mut partners = vec![BulkPartner {
        organisation_id: plan.initiator,
        status: PartnerStatus::Active,
        role: None,
        interests: None,
        benefits: None,
        created_at,
        joined_at: Some(created_at),
    }];
    for partner in &plan.partners {
        let joined = time_of(EventKind::PartnerJoined, Some(*partner)).unwrap_or(created_at);
        partners.push(BulkPartner {
            organisation_id: *partner,
            status: PartnerStatus::Active,
            role: None,
            interests: None,
            benefits: None,
            created_at: joined,
            joined_at: Some(joined),
        });
    }
    let mut extra_events: Vec<(i64, Step)> = Vec::new();
    if plan.at_least(Stage::Building) {
        let every = plan.at_least(Stage::Agreed);
        let at = time_of(EventKind::stage(Stage::Building), None).unwrap_or(last);
        for partner in partners.iter_mut() {
            if every || rng.random_bool(0.6) {
                partner.role = Some(text_in(pick(rng, words::ROLES)));
                partner.interests = rng
                    .random_bool(0.3)
                    .then(|| text_in(pick(rng, words::INTERESTS)));
                extra_events.push((
                    at,
                    Step {
                        event: Event::PartnerDescribed,
                        organisation: Some(partner.organisation_id),
                        user: Some(owner(partner.organisation_id)),
                        person: None,
                        gap: Gap::None,
                    },
                ));
            }
        }
    }
    for (org, status) in &plan.pending {
        let kind = match status {
            PartnerStatus::Invited => EventKind::PartnerInvited,
            _ => EventKind::PartnerRequested,
        };
        partners.push(BulkPartner {
            organisation_id: *org,
            status: *status,
            role: None,
            interests: None,
            benefits: None,
            created_at: time_of(kind, Some(*org)).unwrap_or(created_at),
            joined_at: None,
        });
    }

    // Commitments: every partner's once agreed, some while building.
    let mut contributions = Vec::new();
    if plan.at_least(Stage::Building) {
        let every = plan.at_least(Stage::Agreed);
        let at = time_of(EventKind::stage(Stage::Agreed), None)
            .or_else(|| time_of(EventKind::stage(Stage::Building), None))
            .unwrap_or(last);
        for org in plan.active() {
            if !every && !rng.random_bool(0.4) {
                continue;
            }
            let info = world.org(org);
            for _ in 0..rng.random_range(1..=2) {
                let offered: Vec<ContributionType> = info
                    .contributions
                    .iter()
                    .copied()
                    .filter(|c| needs.contains(c))
                    .collect();
                let contribution = if !offered.is_empty() {
                    *pick(rng, &offered)
                } else {
                    *pick(rng, &info.contributions)
                };
                let cash = matches!(info.sector, Sector::Business | Sector::Public)
                    && rng.random_bool(0.6);
                let amount = rng.random_range(50..5_000) as i64 * 100 * 100;
                contributions.push((
                    org,
                    NewContribution {
                        contribution,
                        description: None,
                        cash_agorot: cash.then_some(amount),
                        in_kind_agorot: (!cash).then_some(amount / 2),
                        period: Some((*pick(rng, words::PERIODS)).to_owned()),
                    },
                    at,
                ));
                extra_events.push((
                    at,
                    Step {
                        event: Event::ContributionCommitted { contribution },
                        organisation: Some(org),
                        user: Some(info.owner),
                        person: None,
                        gap: Gap::None,
                    },
                ));
            }
        }
    }
    let charter_versions: Vec<BulkCharterVersion> = path
        .iter()
        .zip(&times)
        .filter_map(|(s, at)| match s.event {
            Event::CharterProposed { version } => Some((s, at, version)),
            _ => None,
        })
        .map(|(s, at, version)| {
            let vision = fill(
                pick(rng, words::CHARTER_VISIONS)[primary],
                &[("{P}", locality.names[primary].as_str())],
            );
            let objectives = pick(rng, words::CHARTER_OBJECTIVES)[primary];
            BulkCharterVersion {
                version,
                content: serde_json::json!({ "vision": vision, "objectives": objectives })
                    .to_string(),
                organisation_id: s.organisation.unwrap_or(plan.initiator),
                user_id: s.user,
                created_at: *at,
            }
        })
        .collect();
    let endorsements: Vec<BulkEndorsement> = path
        .iter()
        .zip(&times)
        .filter(|(s, _)| s.event.kind() == EventKind::CharterEndorsed)
        .map(|(s, at)| BulkEndorsement {
            version: plan.charter_versions as i64,
            organisation_id: s.organisation.unwrap_or(plan.initiator),
            user_id: s.user,
            created_at: *at,
        })
        .collect();
    let mut expectations = Vec::new();
    if plan.at_least(Stage::Building) {
        let at = time_of(EventKind::stage(Stage::Building), None).unwrap_or(last);
        for org in plan.active() {
            if !rng.random_bool(0.6) {
                continue;
            }
            let count = rng.random_range(3..=Question::ALL.len());
            for q in rand::seq::index::sample(rng, Question::ALL.len(), count).iter() {
                let question = Question::ALL[q];
                let answers = question.answers();
                expectations.push(BulkAnswer {
                    organisation_id: org,
                    question: question.code(),
                    answer: answers[rng.random_range(0..answers.len())],
                    answered_at: at,
                });
            }
            extra_events.push((
                at,
                Step {
                    event: Event::ExpectationsAnswered,
                    organisation: Some(org),
                    user: Some(owner(org)),
                    person: None,
                    gap: Gap::None,
                },
            ));
        }
    }
    let mut indicators = Vec::new();
    if plan.at_least(Stage::Implementing) {
        let at = time_of(EventKind::stage(Stage::Implementing), None).unwrap_or(last);
        let count = rng.random_range(1..=3);
        for i in rand::seq::index::sample(rng, words::INDICATORS.len(), count).iter() {
            let (name, unit, baseline, target) = &words::INDICATORS[i];
            indicators.push(BulkIndicator {
                name: text_in(name),
                unit: Some(text_in(unit)),
                baseline: Some((*baseline).to_owned()),
                target: Some((*target).to_owned()),
                due_at: Some(at + rng.random_range(365..3 * 365) * DAY),
                created_at: at,
            });
        }
    }
    let declarations: Vec<BulkDeclaration> = path
        .iter()
        .zip(&times)
        .filter(|(s, _)| s.event.kind() == EventKind::InterestsDeclared)
        .map(|(s, at)| BulkDeclaration {
            user_id: s.user.unwrap_or(contact),
            organisation_id: s.organisation.unwrap_or(locality.convener),
            has_interests: false,
            details: None,
            declared_at: *at,
            ties: Vec::new(),
        })
        .collect();
    let (integrity_competition, integrity_exemption) = if plan.integrity {
        if rng.random_bool(0.3) {
            (true, None)
        } else {
            (false, Some(pick(rng, Exemption::ALL).code()))
        }
    } else {
        (false, None)
    };
    let stage_reason = match plan.stage {
        Stage::Declined => Some(text_in(pick(rng, words::DECLINE_REASONS))),
        Stage::Withdrawn => Some(text_in(pick(rng, words::WITHDRAW_REASONS))),
        _ => None,
    };
    let (work_plan, work_plan_item, budget_line, no_budget_reason) = match plan.work_plan {
        WorkPlan::NotRecorded => ("not-recorded", None, None, None),
        WorkPlan::Placed => (
            "placed",
            Some(format!(
                "{}.{}",
                rng.random_range(1..12),
                rng.random_range(1..30)
            )),
            Some(format!(
                "1-{:04}-{:03}",
                rng.random_range(7000..8000),
                rng.random_range(100..1000)
            )),
            None,
        ),
        WorkPlan::NoBudget => (
            "no-budget-needed",
            None,
            None,
            Some(text_in(pick(rng, words::NO_BUDGET_REASONS))),
        ),
    };

    // The convener's staff heard of the proposal at once; most have read it since.
    for user in &locality.staff {
        let read = created_at + rng.random_range(0..5 * DAY);
        batch.notifications.push(BulkNotification {
            user_id: *user,
            kind: "initiative-proposed",
            initiative_id: Some(id),
            created_at,
            read_at: (read < ANCHOR - 3 * DAY && rng.random_bool(0.9)).then_some(read),
        });
    }

    // The history: decisions with their details fixed now (the initiative's id is known).
    let mut items: Vec<Item> = path
        .into_iter()
        .zip(times.iter().copied())
        .map(|(step, at)| Item {
            at,
            initiative: Some(id),
            locality: locality.id,
            step,
            event: true,
            seed: None,
        })
        .collect();
    for (at, step) in extra_events {
        items.push(Item {
            at,
            initiative: Some(id),
            locality: locality.id,
            step,
            event: true,
            seed: None,
        });
    }
    for item in &mut items {
        match &mut item.step.event {
            Event::StageChanged {
                to: Stage::Declined | Stage::Withdrawn,
                reason,
            } => *reason = stage_reason.clone(),
            Event::IntegrityRecorded { exemption } => {
                *exemption = integrity_exemption.map(str::to_owned)
            }
            _ => {}
        }
    }
    seal_alternatives(world, &mut items);
    let events = items.len() as i64;
    history.extend(items);
    if let Some(call) = plan.from_call {
        linked.insert(
            call,
            Linked {
                initiative: id,
                created_at,
                language,
                title: titles[primary].clone().unwrap_or_default(),
                problem: problems[primary].clone().unwrap_or_default(),
                approach: approaches[primary].clone().unwrap_or_default(),
                goal_ids: goal_ids.clone(),
            },
        );
    }

    batch.initiatives.push(BulkInitiative {
        id,
        locality_id: locality.id,
        initiator_organisation_id: plan.initiator,
        lead_organisation_id: lead,
        titles,
        problems,
        approaches,
        model,
        management,
        stage: plan.stage,
        stage_reason,
        convener_contact_user_id: plan.at_least(Stage::Convened).then_some(contact),
        convened_at,
        work_plan,
        work_plan_item,
        budget_line,
        no_budget_reason,
        integrity_competition,
        integrity_exemption,
        integrity_exemption_text: None,
        // Every event after the proposal bumped it once.
        revision: events,
        created_by: Some(owner(plan.initiator)),
        created_at,
        updated_at: last,
        last_activity_at: last,
        goal_ids,
        needs,
        partners,
        contributions,
        charter_versions,
        endorsements,
        expectations,
        indicators,
        declarations,
        notice,
    });
    created_at
}

/// Seals who proposed each alternative to an initiative's notice, as the hub seals it: each
/// proposal gets a seed of the notice's own (so its salt is known before the log is numbered),
/// and the notice's decision, if taken, opens them all, in the order they were proposed.
fn seal_alternatives(world: &World, items: &mut [Item]) {
    let key = pseudonym_key(world.sizes.seed);
    let mut openings = Vec::new();
    for item in items.iter_mut() {
        match &mut item.step.event {
            Event::AlternativeProposed { notice, .. } => {
                let seed = seed_of(
                    world.sizes.seed,
                    &[NOTICE_SEEDS, *notice as u64, openings.len() as u64],
                );
                let actor = Actor {
                    organisation_id: item.step.organisation,
                    user_id: item.step.user,
                    name: None,
                };
                let recorded =
                    item.step
                        .event
                        .recorded(0, item.at, Place::default(), &actor, &key, &seed);
                openings.extend(
                    recorded
                        .withheld
                        .iter()
                        .filter(|w| w.sealed_for.is_some())
                        .map(|w| w.opening()),
                );
                item.seed = Some(seed);
            }
            Event::NoticeDecided {
                openings: opened, ..
            } => {
                *opened = std::mem::take(&mut openings);
            }
            _ => {}
        }
    }
}

/// An initiative's notice inviting competing proposals, its steps (at `times`) given their
/// details.
fn notice(
    rng: &mut StdRng,
    plan: &NoticePlan,
    primary: usize,
    topic: &words::Topic,
    ids: &mut Ids,
    path: &mut [Step],
    times: &[i64],
) -> BulkNotice {
    let id = next(&mut ids.notice);
    let at = |kind: EventKind| {
        path.iter()
            .zip(times)
            .filter(|(s, _)| s.event.kind() == kind)
            .map(|(_, t)| *t)
            .collect::<Vec<i64>>()
    };
    let published_at = at(EventKind::NoticePublished)[0];
    let proposed = at(EventKind::AlternativeProposed);
    let decided_at = at(EventKind::NoticeDecided).first().copied();
    let last = proposed.last().copied().unwrap_or(published_at);
    // The window closed between the last proposal and the decision; an undecided notice's
    // closes a few weeks after it opened.
    let closes_at = match decided_at {
        Some(decided) => last + (decided - last) / 2,
        None => last.max(published_at + rng.random_range(14..31) * DAY),
    };
    let alternatives: Vec<BulkAlternative> = plan
        .alternatives
        .iter()
        .zip(&proposed)
        .map(|(org, at)| BulkAlternative {
            id: next(&mut ids.proposal),
            organisation_id: *org,
            summary: pick(rng, words::APPROACHES)[primary].to_owned(),
            // Filled in below, from the step.
            submitted_by: 0,
            submitted_at: *at,
        })
        .collect();
    let outcome = plan.outcome.map(|(outcome, chosen)| {
        let chosen = chosen.map(|i| alternatives[i].id);
        let reasons = words::NOTICE_REASONS[match outcome {
            NoticeOutcome::Original => 0,
            NoticeOutcome::Alternative => 1,
            NoticeOutcome::OpenCall => 2,
            NoticeOutcome::Dropped => 3,
        }][primary]
            .to_owned();
        (outcome, chosen, reasons)
    });
    let mut alternatives = alternatives;
    let mut proposals = alternatives.iter_mut();
    for step in path.iter_mut() {
        match step.event.kind() {
            EventKind::NoticePublished => {
                step.event = Event::NoticePublished {
                    notice: id,
                    closes_at,
                }
            }
            EventKind::AlternativeProposed => {
                if let Some(a) = proposals.next() {
                    a.submitted_by = step.user.unwrap_or_default();
                    step.event = Event::AlternativeProposed {
                        notice: id,
                        proposal: a.id,
                        organisation: a.organisation_id,
                    };
                }
            }
            EventKind::NoticeDecided => {
                if let Some((outcome, chosen, reasons)) = &outcome {
                    // Who proposed is opened below, once the proposals' seeds are known.
                    step.event = Event::NoticeDecided {
                        notice: id,
                        outcome: *outcome,
                        chosen: *chosen,
                        reasons: reasons.clone(),
                        openings: Vec::new(),
                    };
                }
            }
            _ => {}
        }
    }
    let topic_title = in_sentence(topic.title[primary], primary);
    BulkNotice {
        id,
        summary: fill(
            pick(rng, words::NOTICE_SUMMARIES)[primary],
            &[("{T}", topic_title.as_str())],
        ),
        closes_at,
        published_by: path
            .iter()
            .find(|s| s.event.kind() == EventKind::NoticePublished)
            .and_then(|s| s.user)
            .unwrap_or_default(),
        published_at,
        outcome: outcome.as_ref().map(|(o, _, _)| *o),
        chosen_proposal_id: outcome.as_ref().and_then(|(_, c, _)| *c),
        outcome_reasons: outcome.map(|(_, _, r)| r),
        decided_at,
        alternatives,
    }
}

/// A title within a sentence: English titles lose their capital ("a community garden").
fn in_sentence(title: &str, language: usize) -> String {
    if language == 2 {
        let mut chars = title.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        title.to_owned()
    }
}

fn decisions(
    world: &World,
    mut history: Vec<Item>,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    send(Message::Start {
        phase: Phase::Decisions,
        total: world.sizes.log_entries,
        done: 0,
    })?;
    // One log for the whole hub, in the order things happened (a stable sort keeps each
    // initiative's own order where times are equal).
    history.sort_by_key(|item| item.at);
    let mut batch = Batch::default();
    let mut logged = 0u64;
    for item in history {
        let Item {
            at,
            initiative,
            locality,
            step,
            event,
            seed,
        } = item;
        if step.event.is_decision() {
            let position = logged + batch.decisions.len() as u64;
            batch.decisions.push(BulkDecision {
                at,
                event: step.event.clone(),
                locality_id: Some(locality),
                initiative_id: initiative,
                organisation_id: step.organisation,
                user_id: step.user,
                person: step.person.map(|user| world.display_name(user).to_owned()),
                seed: seed.unwrap_or_else(|| seed_of(world.sizes.seed, &[LOG_SEEDS, position])),
            });
            batch.pseudonym_key = Some(pseudonym_key(world.sizes.seed));
        }
        if let (true, Some(initiative)) = (event, initiative) {
            batch.events.push(BulkEvent {
                initiative_id: initiative,
                event: step.event,
                organisation_id: step.organisation,
                user_id: step.user,
                created_at: at,
            });
        }
        if batch.decisions.len() == DECISIONS_PER_BATCH {
            let count = batch.decisions.len() as u64;
            logged += count;
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count,
            })?;
        }
    }
    let count = batch.decisions.len() as u64;
    logged += count;
    debug_assert_eq!(logged, world.sizes.log_entries);
    send(Message::Rows {
        batch: Box::new(batch),
        count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated decision's entry, as the loader writes it (the index aside).
    fn recorded(d: &BulkDecision) -> shutaf_domain::journal::Recorded {
        d.recorded(0, &pseudonym_key(0))
    }

    fn detail(d: &BulkDecision) -> Option<String> {
        recorded(d).entry.detail
    }

    /// The text a decision withholds in `field`.
    fn withheld(d: &BulkDecision, field: &str) -> Option<String> {
        recorded(d)
            .withheld
            .into_iter()
            .find(|w| w.field == field)
            .map(|w| w.text)
    }

    fn collect(sizes: Sizes) -> Vec<Batch> {
        let mut batches = Vec::new();
        generate(sizes, "x".into(), |message| {
            if let Message::Rows { batch, .. } = message {
                batches.push(*batch);
            }
            Ok(())
        })
        .unwrap();
        batches
    }

    fn sizes(log_entries: u64) -> Sizes {
        Sizes {
            organisations: 400,
            initiatives: 200,
            log_entries,
            localities: 10,
            seed: 7,
        }
    }

    #[test]
    fn a_prefix_takes_the_place_of_the_article() {
        assert_eq!(after_prefix("השכונה המזרחית"), "שכונה המזרחית");
        assert_eq!(after_prefix("שכונת הזיתים"), "שכונת הזיתים");
        assert!(
            words::CONSONANTS.iter().all(|c| c[0] != "ה"),
            "no invented place name begins with ה"
        );
    }

    #[test]
    fn the_counts_asked_for_are_made_exactly() {
        for log_entries in [200, 1_000, 5_000] {
            let batches = collect(sizes(log_entries));
            let count = |f: fn(&Batch) -> usize| batches.iter().map(f).sum::<usize>();
            assert_eq!(count(|b| b.organisations.len()), 400);
            assert_eq!(count(|b| b.localities.len()), 10);
            assert_eq!(count(|b| b.initiatives.len()), 200);
            assert_eq!(count(|b| b.decisions.len()), log_entries as usize);
        }
    }

    #[test]
    fn histories_keep_the_lifecycle_rules() {
        let batches = collect(sizes(2_000));
        let initiatives: Vec<&BulkInitiative> =
            batches.iter().flat_map(|b| &b.initiatives).collect();
        let decisions: Vec<&BulkDecision> = batches.iter().flat_map(|b| &b.decisions).collect();
        for i in &initiatives {
            // Its own history (a gift for it names it too).
            let mine: Vec<&&BulkDecision> = decisions
                .iter()
                .filter(|d| {
                    d.initiative_id == Some(i.id) && !d.event.kind().code().starts_with("donation-")
                })
                .collect();
            assert_eq!(mine[0].event, Event::Proposed, "{}", i.id);
            assert!(mine.windows(2).all(|w| w[0].at <= w[1].at));
            if i.stage.at_least(Stage::Convened) {
                assert!(i.convener_contact_user_id.is_some());
            }
            if i.stage.at_least(Stage::Building) {
                assert!(!i.goal_ids.is_empty(), "building needs a goal");
            }
            if i.stage.at_least(Stage::Agreed) {
                assert_ne!(i.work_plan, "not-recorded");
                let active = i
                    .partners
                    .iter()
                    .filter(|p| p.status == PartnerStatus::Active);
                assert!(active.clone().all(|p| p.role.is_some()));
                let last = i.charter_versions.iter().map(|c| c.version).max().unwrap();
                assert_eq!(
                    i.endorsements.iter().filter(|e| e.version == last).count(),
                    active.count(),
                    "every partner endorsed the current charter"
                );
            }
            if i.stage == Stage::Declined || i.stage == Stage::Withdrawn {
                assert!(i.stage_reason.is_some());
                assert_eq!(
                    withheld(mine.last().unwrap(), "reasons"),
                    i.stage_reason,
                    "the reasons are published beside the entry"
                );
            }
        }
        for stage in Stage::ALL {
            assert!(
                initiatives.iter().any(|i| i.stage == *stage),
                "some initiative is {stage:?}"
            );
        }
    }

    #[test]
    fn calls_notices_and_donations_are_logged_as_the_hub_logs_them() {
        use shutaf_domain::call::CallStatus;
        let batches = collect(Sizes {
            organisations: 1_000,
            initiatives: 1_000,
            log_entries: 6_000,
            ..sizes(0)
        });
        let calls: Vec<&shutaf_store::bulk::BulkCall> =
            batches.iter().flat_map(|b| &b.calls).collect();
        let initiatives: Vec<&BulkInitiative> =
            batches.iter().flat_map(|b| &b.initiatives).collect();
        let decisions: Vec<&BulkDecision> = batches.iter().flat_map(|b| &b.decisions).collect();
        let logged = |kind: &str, detail: &str| {
            decisions
                .iter()
                .filter(|d| {
                    d.event.kind().code() == kind
                        && self::detail(d).is_some_and(|t| t.starts_with(detail))
                })
                .count()
        };
        let exactly = |kind: &str, detail: &str| {
            decisions
                .iter()
                .filter(|d| {
                    d.event.kind().code() == kind && self::detail(d).as_deref() == Some(detail)
                })
                .count()
        };
        assert!(calls.len() >= 5, "{} calls", calls.len());
        for call in &calls {
            let id = call.id;
            let published = usize::from(call.status != CallStatus::Draft);
            assert_eq!(
                logged("call-published", &format!("call:{id} deadline:")),
                published
            );
            assert_eq!(call.criteria.iter().map(|c| c.weight).sum::<i64>(), 100);
            for a in &call.applications {
                assert!(a.submitted_at < call.deadline_at);
                let detail = format!("call:{id} application:{}", a.id);
                assert_eq!(
                    decisions
                        .iter()
                        .filter(|d| d.event.kind() == EventKind::ApplicationReceived
                            && self::detail(d).as_deref() == Some(detail.as_str())
                            && withheld(d, "applicant")
                                == Some(format!("{detail} organisation:{}", a.organisation_id))
                            && recorded(d).entry.organisation_id.is_none())
                        .count(),
                    1,
                    "an application is logged without its applicant, sealed"
                );
            }
            for s in &call.scores {
                assert!(call.evaluator_ids.contains(&s.evaluator_id));
                let declared = call
                    .declarations
                    .iter()
                    .find(|d| d.user_id == s.evaluator_id)
                    .expect("an evaluator declares before scoring");
                assert!(
                    declared.declared_at < s.scored_at && s.scored_at < call.deadline_at + 60 * DAY
                );
                assert!(
                    !declared.ties.iter().any(|(org, _)| call
                        .applications
                        .iter()
                        .any(|a| a.id == s.application_id && a.organisation_id == *org)),
                    "no one scores an applicant they are tied to"
                );
            }
            assert_eq!(
                decisions
                    .iter()
                    .filter(|d| d.event.kind() == EventKind::Recused
                        && self::detail(d) == Some(format!("call:{id}"))
                        && withheld(d, "party")
                            .is_some_and(|t| t.starts_with(&format!("call:{id} party:"))))
                    .count(),
                call.recusals.len()
            );
            match call.status {
                CallStatus::Awarded => {
                    let winner = call
                        .applications
                        .iter()
                        .find(|a| Some(a.id) == call.awarded_application_id)
                        .expect("the winner applied");
                    assert_eq!(
                        logged(
                            "call-awarded",
                            &format!(
                                "call:{id} application:{} organisation:{} results: ",
                                winner.id, winner.organisation_id
                            )
                        ),
                        1
                    );
                    // The award opens every application of the call, and the log's seals hold.
                    let award = decisions
                        .iter()
                        .find(|d| {
                            d.event.kind() == EventKind::CallAwarded
                                && self::detail(d)
                                    .is_some_and(|t| t.starts_with(&format!("call:{id} ")))
                        })
                        .unwrap();
                    let opened = recorded(award)
                        .entry
                        .openings
                        .iter()
                        .filter(|o| o.field == "applicant")
                        .count();
                    assert_eq!(opened, call.applications.len());
                    assert!(call.decided_at.unwrap() > call.deadline_at);
                    if let Some(initiative) = call.initiative_id {
                        let i = initiatives.iter().find(|i| i.id == initiative).unwrap();
                        assert!(i.created_at > call.decided_at.unwrap());
                        assert!(
                            i.partners
                                .iter()
                                .any(|p| p.organisation_id == winner.organisation_id
                                    && p.joined_at == Some(i.created_at))
                        );
                        assert_eq!(
                            decisions
                                .iter()
                                .filter(|d| d.initiative_id == Some(initiative)
                                    && d.event == Event::PartnerJoined { call: Some(id) })
                                .count(),
                            1
                        );
                    }
                }
                CallStatus::Cancelled => {
                    assert_eq!(exactly("call-cancelled", &format!("call:{id}")), 1)
                }
                _ => assert!(call.decided_at.is_none()),
            }
        }
        for status in CallStatus::ALL {
            assert!(
                calls.iter().any(|c| c.status == *status),
                "a call is {status:?}"
            );
        }
        assert!(calls.iter().any(|c| c.initiative_id.is_some()));
        let donations: Vec<&shutaf_store::bulk::BulkDonation> =
            batches.iter().flat_map(|b| &b.donations).collect();
        for d in &donations {
            assert_eq!(
                logged("donation-registered", &format!("donation:{} kind:", d.id)),
                1
            );
            assert_eq!(
                exactly("donation-reported", &format!("donation:{}", d.id)),
                usize::from(d.reported_at.is_some())
            );
        }
        let notices: Vec<&BulkNotice> = initiatives
            .iter()
            .filter_map(|i| i.notice.as_ref())
            .collect();
        assert!(!notices.is_empty());
        for n in &notices {
            assert_eq!(
                logged(
                    "notice-published",
                    &format!("notice:{} closes:{}", n.id, n.closes_at)
                ),
                1
            );
            for a in &n.alternatives {
                assert!(a.submitted_at < n.closes_at);
                let detail = format!("notice:{} proposal:{}", n.id, a.id);
                assert_eq!(
                    decisions
                        .iter()
                        .filter(|d| d.event.kind() == EventKind::AlternativeProposed
                            && self::detail(d).as_deref() == Some(detail.as_str())
                            && withheld(d, "proposer")
                                == Some(format!("{detail} organisation:{}", a.organisation_id))
                            && recorded(d).entry.organisation_id.is_none()
                            && recorded(d).entry.person.is_none())
                        .count(),
                    1,
                    "an alternative is logged without who proposed it, sealed"
                );
            }
            if let Some(decided) = n.decided_at {
                assert!(decided >= n.closes_at);
                assert_eq!(
                    logged("notice-decided", &format!("notice:{} outcome:", n.id)),
                    1
                );
                // The decision opens who proposed every alternative.
                let decision = decisions
                    .iter()
                    .find(|d| {
                        d.event.kind() == EventKind::NoticeDecided
                            && self::detail(d)
                                .is_some_and(|t| t.starts_with(&format!("notice:{} ", n.id)))
                    })
                    .unwrap();
                let opened: Vec<String> = recorded(decision)
                    .entry
                    .openings
                    .iter()
                    .filter(|o| o.field == "proposer")
                    .map(|o| o.text.clone())
                    .collect();
                let expected: Vec<String> = n
                    .alternatives
                    .iter()
                    .map(|a| {
                        format!(
                            "notice:{} proposal:{} organisation:{}",
                            n.id, a.id, a.organisation_id
                        )
                    })
                    .collect();
                assert_eq!(opened, expected);
            }
        }
    }

    /// The root of a seeded world's log, as the bulk loader writes it (entries numbered from 0),
    /// and whether its seals hold (every call's decision opens what the call sealed).
    fn log_root(sizes: Sizes) -> String {
        let key = pseudonym_key(sizes.seed);
        let mut seals = shutaf_domain::disclosure::Seals::default();
        let leaves: Vec<_> = collect(sizes)
            .into_iter()
            .flat_map(|b| b.decisions)
            .enumerate()
            .map(|(index, d)| {
                let entry = d.recorded(index as u64, &key).entry;
                seals.see(&entry).unwrap();
                entry.leaf_hash()
            })
            .collect();
        hex::encode(shutaf_domain::merkle::root(&leaves))
    }

    /// The public record is hashed byte for byte: a refactoring of how decisions are worded
    /// (the journal) or generated must not change one. Calls, notices, donations, declarations
    /// and every stage are in this world, so every kind of entry is pinned.
    #[test]
    fn a_seeded_log_keeps_its_root() {
        let world = Sizes {
            organisations: 1_000,
            initiatives: 1_000,
            log_entries: 6_000,
            ..sizes(0)
        };
        assert_eq!(
            log_root(world),
            "9efad9211cc981ebb47df828bc8b2588c67b8bb9cd8bce6a9f379e08d1158f72"
        );
        // The world the scale test loads into a database (crates/cli/tests/scale.rs).
        let small = Sizes {
            organisations: 2_000,
            initiatives: 1_000,
            log_entries: 5_000,
            localities: 25,
            seed: 42,
        };
        assert_eq!(
            log_root(small),
            "2336066eb5bb83626746d9843e3862a752bffc1f0d4a82267cf6acf86cad39ee"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_world() {
        let names = |batches: &[Batch]| -> Vec<String> {
            batches
                .iter()
                .flat_map(|b| &b.organisations)
                .map(|o| format!("{:?}", o.profile.names))
                .collect()
        };
        assert_eq!(names(&collect(sizes(800))), names(&collect(sizes(800))));
        let other = Sizes {
            seed: 8,
            ..sizes(800)
        };
        assert_ne!(names(&collect(sizes(800))), names(&collect(other)));
    }
}
