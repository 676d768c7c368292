//! Sectors, kinds of organisation, the contribution catalogue, localities and membership roles.
//!
//! Each enum has a stable kebab-case code: it is what the database stores, the API speaks and the
//! i18n layer uses to find the label (`sector-public`, `contribution-budget`, ...).

use crate::coded::coded_enum;

coded_enum!(
    /// The three sectors of a cross-sector partnership.
    Sector, "sector" {
        Public => "public",
        Third => "third",
        Business => "business",
    }
);

coded_enum!(
    /// What kind of body an organisation is, within its sector.
    OrganisationKind, "kind" {
        Municipality => "municipality",
        LocalCouncil => "local-council",
        RegionalCouncil => "regional-council",
        Cluster => "cluster",
        Ministry => "ministry",
        PublicAgency => "public-agency",
        Ngo => "ngo",
        Foundation => "foundation",
        CommunityGroup => "community-group",
        Academic => "academic",
        Company => "company",
        SocialEnterprise => "social-enterprise",
    }
);

impl OrganisationKind {
    /// The sectors this kind of body can belong to. Academic institutions are public bodies or
    /// non-profits; social enterprises are businesses or third-sector bodies.
    pub fn sectors(self) -> &'static [Sector] {
        use OrganisationKind::*;
        match self {
            Municipality | LocalCouncil | RegionalCouncil | Cluster | Ministry | PublicAgency => {
                &[Sector::Public]
            }
            Ngo | Foundation | CommunityGroup => &[Sector::Third],
            Academic => &[Sector::Public, Sector::Third],
            Company => &[Sector::Business],
            SocialEnterprise => &[Sector::Business, Sector::Third],
        }
    }

    pub fn fits(self, sector: Sector) -> bool {
        self.sectors().contains(&sector)
    }
}

coded_enum!(
    /// The typed catalogue of what a partner can bring, from the source report's table of what
    /// each sector contributes. An organisation offers any of them, whatever its sector.
    ContributionType, "contribution" {
        Authority => "authority",
        PopulationAccess => "population-access",
        Knowledge => "knowledge",
        Budget => "budget",
        Continuity => "continuity",
        PublicInterestView => "public-interest-view",
        CommunityTrust => "community-trust",
        LocalNetworks => "local-networks",
        ProjectExperience => "project-experience",
        Flexibility => "flexibility",
        ResourceRaising => "resource-raising",
        ValueCommitment => "value-commitment",
        RapidExecution => "rapid-execution",
        ManagerialKnowledge => "managerial-knowledge",
        Prestige => "prestige",
        Connections => "connections",
    }
);

impl ContributionType {
    /// What a sector typically brings (the report's table); pre-selected when an organisation of
    /// that sector is created, and editable.
    pub fn sector_defaults(sector: Sector) -> &'static [ContributionType] {
        use ContributionType::*;
        match sector {
            Sector::Public => &[
                Authority,
                PopulationAccess,
                Knowledge,
                Budget,
                Continuity,
                PublicInterestView,
            ],
            Sector::Third => &[
                CommunityTrust,
                LocalNetworks,
                ProjectExperience,
                Flexibility,
                ResourceRaising,
                ValueCommitment,
            ],
            Sector::Business => &[
                Budget,
                RapidExecution,
                ManagerialKnowledge,
                Prestige,
                Connections,
            ],
        }
    }
}

coded_enum!(
    /// The kinds of local authority that can be a locality (tenant) of the hub.
    LocalityKind, "locality-kind" {
        Municipality => "municipality",
        LocalCouncil => "local-council",
        RegionalCouncil => "regional-council",
        Cluster => "cluster",
    }
);

coded_enum!(
    /// A person's role in an organisation.
    MemberRole, "role" {
        Owner => "owner",
        Admin => "admin",
        Member => "member",
    }
);

impl MemberRole {
    /// Owners and admins manage the organisation: its profile, members and invitations.
    pub fn manages(self) -> bool {
        matches!(self, MemberRole::Owner | MemberRole::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.code()), Some(*kind));
        }
        for c in ContributionType::ALL {
            assert_eq!(ContributionType::parse(c.code()), Some(*c));
            assert!(c.label_key().starts_with("contribution-"));
        }
        assert_eq!(Sector::parse("nonsense"), None);
    }

    #[test]
    fn every_kind_fits_some_sector_and_defaults_are_in_the_catalogue() {
        for kind in OrganisationKind::ALL {
            assert!(!kind.sectors().is_empty());
        }
        assert!(OrganisationKind::Company.fits(Sector::Business));
        assert!(!OrganisationKind::Company.fits(Sector::Public));
        for sector in Sector::ALL {
            assert!(!ContributionType::sector_defaults(*sector).is_empty());
        }
        assert!(
            ContributionType::sector_defaults(Sector::Business).contains(&ContributionType::Budget)
        );
    }

    #[test]
    fn only_owners_and_admins_manage() {
        assert!(MemberRole::Owner.manages());
        assert!(MemberRole::Admin.manages());
        assert!(!MemberRole::Member.manages());
    }
}
