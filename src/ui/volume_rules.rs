//! The rules the workload tab offers for an activity's units a year:
//! recorded, or derived from the year's births, and how each is named.

use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_trim;
use crate::model::staffing::{PerPerson, TargetGroup, VolumeRule};

/// Where a row's units a year come from: recorded, or one of the rules
/// that derive them from the year's births.
pub const RULES: [VolumeRule; 8] = [
    VolumeRule::Recorded,
    VolumeRule::Derived {
        group: TargetGroup::PregnantWomen,
        per_person: PerPerson::AncVisitsByMidwife,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::PregnantWomen,
        per_person: PerPerson::Once,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::Deliveries,
        per_person: PerPerson::Once,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::PostpartumWomen,
        per_person: PerPerson::PostpartumVisits,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::Newborns,
        per_person: PerPerson::NeonatalVisits,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::ObstetricComplications,
        per_person: PerPerson::Once,
        coverage_percent: 100.0,
    },
    VolumeRule::Derived {
        group: TargetGroup::NeonatalComplications,
        per_person: PerPerson::Once,
        coverage_percent: 100.0,
    },
];

/// Whether two rules derive from the same group the same way (coverage aside).
pub fn same_rule(a: &VolumeRule, b: &VolumeRule) -> bool {
    match (a, b) {
        (VolumeRule::Recorded, VolumeRule::Recorded) => true,
        (
            VolumeRule::Derived {
                group: g1,
                per_person: p1,
                ..
            },
            VolumeRule::Derived {
                group: g2,
                per_person: p2,
                ..
            },
        ) => g1 == g2 && p1 == p2,
        _ => false,
    }
}

pub fn rule_label(rule: &VolumeRule, lang: Lang) -> String {
    match rule {
        VolumeRule::Recorded => lang.t(T::volume_rules_recorded).to_string(),
        VolumeRule::Derived {
            group, per_person, ..
        } => {
            let per = match per_person {
                PerPerson::Once => String::new(),
                PerPerson::AncVisitsByMidwife => lang.t(T::volume_rules_midwife_anc).to_string(),
                PerPerson::PostpartumVisits => " × KF".to_string(),
                PerPerson::NeonatalVisits => " × KN".to_string(),
                PerPerson::Times(x) => format!(" × {}", fmt_trim(*x, 2, lang)),
            };
            format!("{}{per}", group.label(lang))
        }
    }
}
