//! The demo: one fictional locality (Emek Hadar) with its convener, fifteen organisations from
//! the three sectors with names in Hebrew, Arabic and English, a few goals, and people to sign
//! in as. Passwords are generated at load time and printed once in the log.

use anyhow::Context;
use shutaf_domain::{
    ContributionType, Language, LocalityKind, MemberRole, OrganisationKind, Sector,
};
use shutaf_store::{Db, NewGoal, NewLocality, NewOrganisation, StoreError};
use shutaf_web::auth::hash_password;

struct DemoOrganisation {
    he: &'static str,
    ar: &'static str,
    en: &'static str,
    sector: Sector,
    kind: OrganisationKind,
    description: &'static str,
    extra: &'static [ContributionType],
}

const ORGANISATIONS: &[DemoOrganisation] = &[
    DemoOrganisation {
        he: "עיריית עמק הדר",
        ar: "بلدية عيمق هدار",
        en: "Emek Hadar Municipality",
        sector: Sector::Public,
        kind: OrganisationKind::Municipality,
        description: "The municipality's sustainability unit convenes partnerships for the city's climate and sustainability plan.",
        extra: &[],
    },
    DemoOrganisation {
        he: "המשרד להגנת הסביבה - מחוז צפון",
        ar: "وزارة حماية البيئة - لواء الشمال",
        en: "Ministry of Environmental Protection, Northern District",
        sector: Sector::Public,
        kind: OrganisationKind::Ministry,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "אשכול רשויות גליל מזרחי",
        ar: "عنقود سلطات الجليل الشرقي",
        en: "Eastern Galilee Cluster of Authorities",
        sector: Sector::Public,
        kind: OrganisationKind::Cluster,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "המכללה האקדמית עמק הדר",
        ar: "الكلية الأكاديمية عيمق هدار",
        en: "Emek Hadar Academic College",
        sector: Sector::Public,
        kind: OrganisationKind::Academic,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "עמותת ירוק בשכונה",
        ar: "جمعية حيّ أخضر",
        en: "Green Neighbourhood Association",
        sector: Sector::Third,
        kind: OrganisationKind::Ngo,
        description: "Community gardens, repair cafés and neighbourhood energy circles.",
        extra: &[],
    },
    DemoOrganisation {
        he: "קרן עמק לקהילה",
        ar: "صندوق عيمق للمجتمع",
        en: "Emek Community Foundation",
        sector: Sector::Third,
        kind: OrganisationKind::Foundation,
        description: "",
        extra: &[ContributionType::Budget],
    },
    DemoOrganisation {
        he: "גינה קהילתית נווה זית",
        ar: "حديقة نفيه زيت المجتمعية",
        en: "Neve Zayit Community Garden",
        sector: Sector::Third,
        kind: OrganisationKind::CommunityGroup,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "جمعية نساء من أجل البيئة",
        ar: "جمعية نساء من أجل البيئة",
        en: "Women for the Environment",
        sector: Sector::Third,
        kind: OrganisationKind::Ngo,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "מרכז הצעירים עמק הדר",
        ar: "مركز الشباب عيمق هدار",
        en: "Emek Hadar Youth Centre",
        sector: Sector::Third,
        kind: OrganisationKind::CommunityGroup,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "עמותת מחזור לכל",
        ar: "جمعية التدوير للجميع",
        en: "Recycling for All",
        sector: Sector::Third,
        kind: OrganisationKind::Ngo,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "סולאר הגליל בע\"מ",
        ar: "سولار الجليل م.ض",
        en: "Galilee Solar Ltd",
        sector: Sector::Business,
        kind: OrganisationKind::Company,
        description: "Rooftop solar for public buildings and homes.",
        extra: &[ContributionType::Knowledge],
    },
    DemoOrganisation {
        he: "מחלבות העמק",
        ar: "ألبان العيمق",
        en: "Emek Dairies",
        sector: Sector::Business,
        kind: OrganisationKind::Company,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "בנק הצפון - סניף עמק הדר",
        ar: "بنك الشمال - فرع عيمق هدار",
        en: "Northern Bank, Emek Hadar Branch",
        sector: Sector::Business,
        kind: OrganisationKind::Company,
        description: "",
        extra: &[],
    },
    DemoOrganisation {
        he: "אופניים לעבודה - מיזם חברתי",
        ar: "دراجات للعمل - مشروع اجتماعي",
        en: "Bikes to Work Social Enterprise",
        sector: Sector::Business,
        kind: OrganisationKind::SocialEnterprise,
        description: "",
        extra: &[ContributionType::CommunityTrust],
    },
    DemoOrganisation {
        he: "תעשיות פלסטיק הדר",
        ar: "صناعات البلاستيك هدار",
        en: "Hadar Plastics Industries",
        sector: Sector::Business,
        kind: OrganisationKind::Company,
        description: "",
        extra: &[],
    },
];

struct DemoPerson {
    email: &'static str,
    name: &'static str,
    language: Language,
    organisation: Option<usize>,
}

const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        email: "admin@demo.shutaf.org.il",
        name: "מנהלת המערכת",
        language: Language::He,
        organisation: None,
    },
    DemoPerson {
        email: "coordinator@demo.shutaf.org.il",
        name: "נועה כהן",
        language: Language::He,
        organisation: Some(0),
    },
    DemoPerson {
        email: "ngo@demo.shutaf.org.il",
        name: "سلمى خوري",
        language: Language::Ar,
        organisation: Some(4),
    },
    DemoPerson {
        email: "csr@demo.shutaf.org.il",
        name: "Daniel Levi",
        language: Language::En,
        organisation: Some(10),
    },
];

fn new_organisation(org: &DemoOrganisation, locality: Option<i64>) -> NewOrganisation {
    let mut contributions = ContributionType::sector_defaults(org.sector).to_vec();
    contributions.extend_from_slice(org.extra);
    NewOrganisation {
        names: [
            Some(org.he.into()),
            Some(org.ar.into()),
            Some(org.en.into()),
        ],
        sector: Some(org.sector),
        kind: Some(org.kind),
        description: (!org.description.is_empty()).then(|| org.description.into()),
        website: None,
        contributions,
        contributions_text: None,
        locality_ids: locality.into_iter().collect(),
    }
}

/// Loads the demo. Meant for an empty database.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let convener = db
        .create_organisation_unowned(&new_organisation(&ORGANISATIONS[0], None))
        .await?;
    let locality = db
        .create_locality(&NewLocality {
            names: [
                Some("עמק הדר".into()),
                Some("عيمق هدار".into()),
                Some("Emek Hadar".into()),
            ],
            kind: LocalityKind::Municipality,
            convener_organisation_id: convener,
            description: Some("A fictional mid-sized city, for trying the hub out.".into()),
        })
        .await?;
    let mut ids = vec![convener];
    for org in &ORGANISATIONS[1..] {
        // The ministry and the cluster work regionally; everyone else in the city.
        let works_here = !matches!(
            org.kind,
            OrganisationKind::Ministry | OrganisationKind::Cluster
        );
        ids.push(
            db.create_organisation_unowned(&new_organisation(
                org,
                works_here.then_some(locality.id),
            ))
            .await?,
        );
    }
    // Goals of the city's (fictional) sustainability plan, each serving SDG goals and targets.
    let goals: [([&str; 3], &str, &str, &[&str]); 4] = [
        (
            [
                "הפחתת פליטות גזי חממה ב-30% עד 2030",
                "خفض انبعاثات غازات الدفيئة بنسبة 30% حتى 2030",
                "Cut greenhouse gas emissions by 30% by 2030",
            ],
            "Sustainability unit",
            "1-7300-750",
            &["13", "13.2", "11.6"],
        ),
        (
            [
                "גג סולארי על כל מבנה ציבור",
                "سقف شمسي على كل مبنى عام",
                "A solar roof on every public building",
            ],
            "Engineering",
            "1-7400-930",
            &["7", "7.2", "7.2.1"],
        ),
        (
            [
                "הכפלת שיעור המחזור הביתי",
                "مضاعفة نسبة تدوير النفايات المنزلية",
                "Double household recycling",
            ],
            "Sanitation",
            "",
            &["12", "12.5"],
        ),
        (
            [
                "גינה קהילתית בכל שכונה",
                "حديقة مجتمعية في كل حيّ",
                "A community garden in every neighbourhood",
            ],
            "Community",
            "",
            &["11", "11.7"],
        ),
    ];
    let local_target = [
        Some("מגה-וואט של אנרגיה סולארית על גגות העירייה עד 2028".to_owned()),
        Some("ميغاواط من الطاقة الشمسية على أسطح البلدية حتى 2028".to_owned()),
        Some("One megawatt of solar on municipal roofs by 2028".to_owned()),
    ];
    db.set_local_target(locality.id, "7.2.1", &local_target)
        .await?;
    let mut goal_ids = Vec::new();
    for (titles, department, budget_line, codes) in goals {
        let goal = NewGoal {
            titles: titles.map(|t| Some(t.to_owned())),
            department: Some(department.to_owned()),
            horizon: Some(2030),
            work_plan_year: Some(2027),
            budget_line: (!budget_line.is_empty()).then(|| budget_line.to_owned()),
            status: "active".into(),
            sdg_codes: codes.iter().map(|c| c.to_string()).collect(),
            ..NewGoal::default()
        };
        goal_ids.push(db.create_goal(locality.id, &goal).await?);
    }
    let mut lines = Vec::new();
    let mut people = Vec::new();
    for person in PEOPLE {
        let password = format!("demo-{}", &shutaf_store::random_token()[..12]);
        let hash = hash_password(password.clone())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let admin = person.organisation.is_none();
        let user = db
            .create_user(
                person.email,
                person.name,
                &hash,
                Some(person.language),
                admin,
                true,
            )
            .await?;
        if let Some(index) = person.organisation {
            db.add_member(ids[index], user.id, MemberRole::Owner)
                .await?;
        }
        lines.push(format!("  {:<34} {}", person.email, password));
        people.push(user.id);
    }
    let initiative = demo_initiative(db, locality.id, &ids, &people, &goal_ids).await?;
    demo_integrity(db, locality.id, initiative, &ids, &people, &goal_ids).await?;
    tracing::info!(
        "demo loaded: locality Emek Hadar, {} organisations",
        ids.len()
    );
    // Printed plainly, once: these are throwaway demo accounts, not secrets of the instance.
    eprintln!(
        "\nDemo accounts (email, password), shown once:\n{}\n",
        lines.join("\n")
    );
    Ok(())
}

/// Creates a platform administrator, or makes an existing account one.
pub async fn create_admin(db: &Db, email: &str, name: &str) -> anyhow::Result<()> {
    let email = shutaf_domain::validate::Email::parse(email)
        .map_err(|_| anyhow::anyhow!("{email:?} is not a valid email address"))?;
    if let Some(user) = db.user_by_email(email.as_str()).await? {
        db.set_platform_admin(user.id, true).await?;
        eprintln!("{} is now a platform administrator.", email.as_str());
        return Ok(());
    }
    let (password, generated) = match std::env::var("SHUTAF_ADMIN_PASSWORD") {
        Ok(password) => (password, false),
        Err(_) => (
            format!("admin-{}", &shutaf_store::random_token()[..16]),
            true,
        ),
    };
    shutaf_domain::validate::check_new_password(&password)
        .map_err(|_| anyhow::anyhow!("the password must be at least 10 characters long"))?;
    let hash = hash_password(password.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    match db
        .create_user(email.as_str(), name, &hash, None, true, true)
        .await
    {
        Ok(_) => {}
        Err(StoreError::Conflict) => anyhow::bail!("{} already has an account", email.as_str()),
        Err(e) => return Err(e).context("creating the administrator"),
    }
    if generated {
        eprintln!(
            "Created platform administrator {} with password: {password}",
            email.as_str()
        );
    } else {
        eprintln!("Created platform administrator {}.", email.as_str());
    }
    Ok(())
}

/// Creates an API token for an existing account and prints it on standard output.
pub async fn create_token(db: &Db, email: &str, scope: &str, name: &str) -> anyhow::Result<()> {
    let scope = shutaf_store::ApiTokenScope::parse(scope)
        .ok_or_else(|| anyhow::anyhow!("the scope is read or write, not {scope:?}"))?;
    let address = shutaf_domain::validate::Email::parse(email)
        .map_err(|_| anyhow::anyhow!("{email:?} is not a valid email address"))?;
    let user = db
        .user_by_email(address.as_str())
        .await?
        .ok_or_else(|| anyhow::anyhow!("there is no account for {email:?}"))?;
    let (_, secret) = db
        .create_api_token(user.id, name, scope)
        .await
        .context("creating the API token")?;
    println!("{secret}");
    Ok(())
}

/// One initiative in mid-course, so the demo shows the lifecycle and the checkup at work: the
/// solar company's idea, convened by the city, with the NGO and the city on board, a first
/// charter endorsed by one partner, and diverging expectations.
async fn demo_initiative(
    db: &Db,
    locality: i64,
    orgs: &[i64],
    people: &[i64],
    goals: &[i64],
) -> anyhow::Result<i64> {
    use shutaf_domain::{Management, PartnershipModel, Stage};
    use shutaf_store::{Acting, NewContribution, NewInitiative, PartnerStatus};
    let (city, ngo, company) = (orgs[0], orgs[4], orgs[10]);
    let (coordinator, ngo_person, csr) = (people[1], people[2], people[3]);
    let by_company = Acting {
        user_id: csr,
        organisation_id: Some(company),
    };
    let by_city = Acting {
        user_id: coordinator,
        organisation_id: Some(city),
    };
    let by_ngo = Acting {
        user_id: ngo_person,
        organisation_id: Some(ngo),
    };
    let new = NewInitiative {
        locality_id: locality,
        initiator_organisation_id: company,
        titles: [
            Some("גגות סולאריים לבתי הספר".into()),
            Some("أسطح شمسية للمدارس".into()),
            Some("Solar roofs for the schools".into()),
        ],
        problems: [
            Some("בתי הספר בעיר צורכים חשמל רב ואין להם תקציב להתקנת מערכות סולאריות.".into()),
            Some("تستهلك مدارس المدينة الكثير من الكهرباء ولا ميزانية لديها لتركيب أنظمة شمسية.".into()),
            Some("The city's schools use a lot of electricity and have no budget for solar systems.".into()),
        ],
        approaches: [
            Some("החברה מממנת ומתקינה, העמותה מובילה תוכנית חינוכית עם התלמידים, והעירייה מקצה את הגגות.".into()),
            Some("تموّل الشركة وتركّب، وتقود الجمعية برنامجًا تربويًا مع الطلاب، وتخصّص البلدية الأسطح.".into()),
            Some("The company funds and installs, the NGO runs a programme with the pupils, the city provides the roofs.".into()),
        ],
        model: PartnershipModel::JointAgenda,
        management: Management::Joint,
        goal_ids: vec![goals[1]],
        needs: vec![
            ContributionType::Budget,
            ContributionType::Authority,
            ContributionType::CommunityTrust,
            ContributionType::LocalNetworks,
        ],
        lead_organisation_id: None,
    };
    let (id, _) = db.create_initiative(&new, by_company).await?;
    let revision = |db: &Db| {
        let db = db.clone();
        async move {
            db.initiative(id)
                .await
                .map(|i| i.map(|i| i.revision).unwrap_or(0))
        }
    };
    db.engage(id, revision(db).await?, coordinator, true, by_city)
        .await?;
    for stage in [Stage::Scoping, Stage::Building] {
        db.set_stage(id, revision(db).await?, stage, None, by_city)
            .await?;
    }
    db.propose_partner(id, ngo, PartnerStatus::Requested, by_ngo)
        .await?;
    db.propose_partner(id, ngo, PartnerStatus::Invited, by_company)
        .await?;
    db.propose_partner(id, city, PartnerStatus::Invited, by_company)
        .await?;
    db.propose_partner(id, city, PartnerStatus::Requested, by_city)
        .await?;
    db.describe_partner(
        id,
        company,
        Some("מימון, התקנה ותחזוקה"),
        Some("ייצור חשמל נקי ונראות בקהילה"),
        None,
        by_company,
    )
    .await?;
    db.describe_partner(
        id,
        ngo,
        Some("תוכנית חינוכית בבתי הספר"),
        None,
        None,
        by_ngo,
    )
    .await?;
    let budget = NewContribution {
        contribution: ContributionType::Budget,
        description: Some("Installation of 12 rooftop systems".into()),
        cash_agorot: Some(25_000_000),
        in_kind_agorot: None,
        period: Some("2027".into()),
    };
    db.add_contribution(id, company, &budget, by_company)
        .await?;
    let trust = NewContribution {
        contribution: ContributionType::CommunityTrust,
        description: Some("Energy clubs in four schools".into()),
        cash_agorot: None,
        in_kind_agorot: Some(8_000_000),
        period: Some("2027-2028".into()),
    };
    db.add_contribution(id, ngo, &trust, by_ngo).await?;
    let charter = r#"{"vision":"Every school in Emek Hadar makes its own clean energy, and its pupils know how.","objectives":"12 schools with solar roofs by June 2028; an energy club in each."}"#;
    let version = db.propose_charter(id, charter, company, by_company).await?;
    db.endorse(id, version, company, by_company).await?;
    db.set_expectations(
        id,
        company,
        &[("time-to-first-result", "quarter"), ("publicity", "high")],
        by_company,
    )
    .await?;
    db.set_expectations(
        id,
        city,
        &[("time-to-first-result", "year"), ("publicity", "moderate")],
        by_city,
    )
    .await?;
    Ok(id)
}

/// The equal-opportunity record of the demo: declarations on the solar initiative and a notice
/// inviting competing proposals for it; an awarded call for community gardens (with an
/// evaluator who stepped aside) that became an initiative; an open call; and a donation that
/// went through the committee.
async fn demo_integrity(
    db: &Db,
    locality: i64,
    solar: i64,
    orgs: &[i64],
    people: &[i64],
    goals: &[i64],
) -> anyhow::Result<()> {
    use shutaf_domain::donation::{DonationKind, HeadDecision, Recommendation};
    use shutaf_domain::integrity::Relation;
    use shutaf_domain::{Management, PartnershipModel};
    use shutaf_store::calls::NewCall;
    use shutaf_store::donations::{DonationAction, NewDonation};
    use shutaf_store::integrity::NewDeclaration;
    use shutaf_store::{Acting, NewInitiative};
    let (city, ngo, company) = (orgs[0], orgs[4], orgs[10]);
    let (admin, coordinator, ngo_person, csr) = (people[0], people[1], people[2], people[3]);
    let by_city = Acting {
        user_id: coordinator,
        organisation_id: Some(city),
    };
    let none = |organisation_id| NewDeclaration {
        organisation_id,
        ..NewDeclaration::default()
    };
    db.declare_interests(solar, &none(city), by_city).await?;
    db.declare_interests(
        solar,
        &none(company),
        Acting {
            user_id: csr,
            organisation_id: Some(company),
        },
    )
    .await?;
    let now = db.now();
    let day = 24 * 60 * 60;
    db.publish_notice(
        solar,
        "Galilee Solar proposes to fund and install rooftop solar systems on 12 schools, with the Green Neighbourhood Association running energy clubs. Other companies and organisations may propose alternatives.",
        now + 10 * day,
        by_city,
    )
    .await?;

    // A call for community gardens, decided now: its applications close within seconds, and
    // the demo waits for the deadline rather than move it unlogged (`shutaf verify` checks the
    // calls' deadlines against the log).
    let closes_at = db.now() + 3;
    let call = NewCall {
        locality_id: locality,
        lang: "he".into(),
        title: "קול קורא: גינה קהילתית בכל שכונה".into(),
        purpose: "העירייה מזמינה ארגונים להקים ולהפעיל גינות קהילתיות בשכונות שאין בהן גינה, כחלק מתוכנית הקיימות העירונית.".into(),
        sought: "ארגון שיקים גינה, יגייס מתנדבים מהשכונה ויפעיל אותה לפחות שלוש שנים.".into(),
        eligibility: "עמותות, קבוצות קהילתיות ומיזמים חברתיים הפועלים בעיר.".into(),
        deadline_at: closes_at,
        criteria: vec![
            ("השפעה על השכונה".into(), Some("כמה תושבים ייהנו, ואיך".into()), 50),
            ("מעורבות תושבים".into(), None, 30),
            ("עלות ויציבות".into(), None, 20),
        ],
        goal_ids: vec![goals[3]],
        evaluator_ids: vec![coordinator, ngo_person],
        invite: Vec::new(),
    };
    let call_id = db.create_call(&call, by_city).await?;
    db.publish_call(call_id, by_city).await?;
    let (garden, women) = (orgs[6], orgs[7]);
    let entered = |organisation_id| Acting {
        user_id: admin,
        organisation_id: Some(organisation_id),
    };
    let first = db
        .apply_to_call(
            call_id,
            garden,
            "גינה קהילתית בשכונת הזיתים, עם 40 משפחות שכבר נרשמו.",
            "נקים 30 ערוגות, מערכת השקיה בטפטוף וקומפוסטר שכונתי, ונפעיל חוגים לילדים פעמיים בשבוע.",
            entered(garden),
        )
        .await?;
    let second = db
        .apply_to_call(
            call_id,
            women,
            "גינת מרפא לנשים מבוגרות בשכונת הדר.",
            "גינה קטנה של צמחי תבלין ומרפא, עם מפגשים שבועיים ומפגשי בישול.",
            entered(women),
        )
        .await?;
    let stored = db.call(call_id).await?.context("the demo call")?;
    let applicants = [garden, women];
    db.declare_on_call(&stored, &none(city), &applicants, by_city)
        .await?;
    let by_ngo_evaluator = Acting {
        user_id: ngo_person,
        organisation_id: Some(city),
    };
    db.declare_on_call(
        &stored,
        &NewDeclaration {
            organisation_id: city,
            details: Some("אני חברה בתנועת נשים למען הסביבה.".into()),
            ties: vec![(women, Relation::Member)],
        },
        &applicants,
        by_ngo_evaluator,
    )
    .await?;
    let _ = ngo;
    let wait = closes_at + 1 - db.now();
    if wait > 0 {
        tokio::time::sleep(std::time::Duration::from_secs(wait as u64)).await;
    }
    let stored = db.call(call_id).await?.context("the demo call")?;
    let criteria: Vec<i64> = stored.criteria.iter().map(|c| c.id).collect();
    let scores = |values: [i64; 3], reasons: [&str; 3]| -> Vec<(i64, i64, String)> {
        criteria
            .iter()
            .zip(values)
            .zip(reasons)
            .map(|((c, v), r)| (*c, v, r.to_owned()))
            .collect()
    };
    db.score_application(
        &stored,
        first,
        &scores(
            [9, 8, 7],
            [
                "שכונה בלי גינה, ביקוש מוכח",
                "40 משפחות רשומות",
                "תקציב סביר, תחזוקה בידי התושבים",
            ],
        ),
        by_city,
    )
    .await?;
    db.score_application(
        &stored,
        second,
        &scores([6, 7, 8], ["קהל יעד מצומצם", "קבוצה פעילה", "עלות נמוכה"]),
        by_city,
    )
    .await?;
    db.score_application(
        &stored,
        first,
        &scores(
            [8, 9, 6],
            ["השפעה רחבה", "מעורבות גבוהה מאוד", "דרוש מימון להשקיה"],
        ),
        by_ngo_evaluator,
    )
    .await?;
    let applications = db.applications(call_id).await?;
    let winner = applications
        .iter()
        .find(|a| a.id == first)
        .context("the winning application")?;
    let results = db.call_results(&stored, &applications).await?;
    db.award_call(
        &stored,
        winner,
        "ההצעה זכתה לציון המשוקלל הגבוה ביותר, ויש לה ביקוש מוכח בשכונה שאין בה גינה.",
        &results,
        by_city,
    )
    .await?;
    let awarded = db.call(call_id).await?.context("the demo call")?;
    db.initiative_from_call(
        &awarded,
        &NewInitiative {
            locality_id: locality,
            initiator_organisation_id: city,
            titles: [
                Some(awarded.title.clone()),
                None,
                Some("A community garden in every neighbourhood".into()),
            ],
            problems: [Some(awarded.purpose.clone()), None, None],
            approaches: [Some(winner.summary.clone()), None, None],
            model: PartnershipModel::JointAgenda,
            management: Management::Joint,
            goal_ids: vec![goals[3]],
            needs: Vec::new(),
            lead_organisation_id: None,
        },
        garden,
        by_city,
    )
    .await?;

    // A call open now.
    let open = NewCall {
        locality_id: locality,
        lang: "he".into(),
        title: "קול קורא: עמדות מחזור שכונתיות".into(),
        purpose: "הכפלת שיעור המחזור הביתי בעזרת עמדות מחזור חכמות בשכונות.".into(),
        sought: "שותף שיתכנן, יתקין ויתחזק עמדות מחזור, ויוביל הסברה לתושבים.".into(),
        eligibility: "כל ארגון, עסק או מיזם חברתי.".into(),
        deadline_at: now + 21 * day,
        criteria: vec![
            ("תוכנית ההפעלה".into(), None, 60),
            ("ניסיון".into(), None, 40),
        ],
        goal_ids: vec![goals[2]],
        evaluator_ids: vec![coordinator],
        invite: Vec::new(),
    };
    let open_id = db.create_call(&open, by_city).await?;
    db.publish_call(open_id, by_city).await?;
    let recycling = orgs[9];
    db.apply_to_call(
        open_id,
        recycling,
        "עשר עמדות מחזור עם הסברה בבתי הספר.",
        "נתקין עשר עמדות ונפעיל צוות שגרירי מחזור מקרב בני הנוער.",
        entered(recycling),
    )
    .await?;

    // A gift to the city, through the donations committee.
    let dairies = orgs[11];
    let donation = db
        .register_donation(
            &NewDonation {
                locality_id: locality,
                donor_organisation_id: Some(dairies),
                donor_name: "מחלבות העמק".into(),
                kind: DonationKind::Goods,
                value_agorot: Some(1_800_000),
                purpose: "60 קומפוסטרים לגינות הקהילתיות".into(),
                initiative_id: None,
            },
            by_city,
        )
        .await?;
    let step = |action: DonationAction| async move {
        let current = db.donation(donation).await?.context("the demo donation")?;
        db.donation_step(&current, &action, by_city).await?;
        anyhow::Ok(())
    };
    step(DonationAction::Check {
        check: "אין לתורם מכרז פתוח מול העירייה ואין לו עניין בהחלטות הגינות. התנאי: בלי שילוט מסחרי בגינות.".into(),
        recommendation: Recommendation::AcceptWithConditions,
    })
    .await?;
    step(DonationAction::Decide {
        decision: HeadDecision::Accept,
        reasons: None,
    })
    .await?;
    Ok(())
}
