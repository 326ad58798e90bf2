//! The planner's parameters: the service standard (visits and their minutes),
//! the working time of a midwife, the population assumptions and the rounding
//! mode. Plain data with their defaults from the paper and the presets.

use serde::{Deserialize, Serialize};

use super::Lang;
use crate::i18n::T;

/// How intermediate values are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Rounding {
    /// No intermediate rounding (the default).
    #[default]
    Exact,
    /// Rounds intermediates the way the paper prints them, so that its
    /// figures come out digit for digit.
    Published,
}

impl Rounding {
    pub fn key(self) -> &'static str {
        match self {
            Rounding::Exact => "exact",
            Rounding::Published => "published",
        }
    }
}

/// How the yearly growth of pregnant women is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum GrowthMethod {
    /// Arithmetic mean of the year-on-year growth rates of the data years (the paper).
    #[default]
    MeanAnnual,
    /// Compound rate between the first and the last data year.
    Compound,
    /// A rate set by the planner (`fixed_growth_percent`).
    Fixed,
    /// Log-linear least-squares trend over the growth years: ln P = a + b·year, g = e^b − 1.
    Trend,
    /// Median of the year-on-year growth rates of the growth years.
    Median,
    /// The population route: the population grows by the mean of its own
    /// annual rates, the CBR follows `cbr_trend`, and births and pregnant
    /// women are computed from them every year.
    Population,
}

impl GrowthMethod {
    pub const ALL: [GrowthMethod; 6] = [
        GrowthMethod::MeanAnnual,
        GrowthMethod::Compound,
        GrowthMethod::Fixed,
        GrowthMethod::Trend,
        GrowthMethod::Median,
        GrowthMethod::Population,
    ];

    pub fn key(self) -> &'static str {
        match self {
            GrowthMethod::MeanAnnual => "mean",
            GrowthMethod::Compound => "compound",
            GrowthMethod::Fixed => "fixed",
            GrowthMethod::Trend => "trend",
            GrowthMethod::Median => "median",
            GrowthMethod::Population => "population",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The name of a method added beside the paper's three, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GrowthMethod::MeanAnnual => lang.t(T::params_annual_mean),
            GrowthMethod::Compound => lang.t(T::params_compound),
            GrowthMethod::Fixed => lang.t(T::params_set_by_planner),
            GrowthMethod::Trend => lang.t(T::growth_method_trend),
            GrowthMethod::Median => lang.t(T::growth_method_median),
            GrowthMethod::Population => lang.t(T::growth_method_population),
        }
    }
}

/// How the population route carries the crude birth rate forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum CbrTrend {
    /// Held at the mean CBR of the growth years.
    #[default]
    HoldMean,
    /// Held at the CBR of the last growth year.
    HoldLatest,
    /// Log-linear least-squares trend of the CBR over the growth years.
    Trend,
}

impl CbrTrend {
    pub const ALL: [CbrTrend; 3] = [CbrTrend::HoldMean, CbrTrend::HoldLatest, CbrTrend::Trend];

    pub fn key(self) -> &'static str {
        match self {
            CbrTrend::HoldMean => "hold_mean",
            CbrTrend::HoldLatest => "hold_latest",
            CbrTrend::Trend => "trend",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            CbrTrend::HoldMean => T::cbr_trend_hold_mean,
            CbrTrend::HoldLatest => T::cbr_trend_hold_latest,
            CbrTrend::Trend => T::cbr_trend_trend,
        })
    }

    fn is_default(&self) -> bool {
        *self == CbrTrend::default()
    }
}

/// How the population route grows the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PopulationGrowth {
    /// Mean of the population's annual rates over the growth years.
    #[default]
    Mean,
    /// Compound rate between the first and the last growth year.
    Compound,
    /// Log-linear least-squares trend over the growth years.
    Trend,
}

impl PopulationGrowth {
    pub const ALL: [PopulationGrowth; 3] = [
        PopulationGrowth::Mean,
        PopulationGrowth::Compound,
        PopulationGrowth::Trend,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PopulationGrowth::Mean => "mean",
            PopulationGrowth::Compound => "compound",
            PopulationGrowth::Trend => "trend",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            PopulationGrowth::Mean => T::population_growth_mean,
            PopulationGrowth::Compound => T::population_growth_compound,
            PopulationGrowth::Trend => T::population_growth_trend,
        })
    }

    fn is_default(&self) -> bool {
        *self == PopulationGrowth::default()
    }
}

/// A span of data years, first to last inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSpan {
    pub first: i32,
    pub last: i32,
}

/// One antenatal visit (kunjungan) of a service standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// Label such as `K1`.
    pub label: String,
    /// Trimester of pregnancy, 1 to 3.
    pub trimester: u8,
    /// Midwife minutes for this visit.
    pub minutes: f64,
    /// True when the minutes are an assumption, not a measured value.
    #[serde(default)]
    pub assumed: bool,
}

impl Visit {
    pub fn new(label: &str, trimester: u8, minutes: f64, assumed: bool) -> Self {
        Visit {
            label: label.to_string(),
            trimester,
            minutes,
            assumed,
        }
    }
}

/// The service standards shipped with the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StandardPreset {
    /// The paper's work sampling, SPM 2016: 4 visits (1, 1, 2).
    Paper2018FourVisits,
    /// Permenkes 21/2021: 6 visits (1, 2, 3).
    Permenkes2021SixVisits,
    /// WHO 2016 recommendations: 8 contacts (1, 2, 5).
    Who2016EightContacts,
}

impl StandardPreset {
    pub const ALL: [StandardPreset; 3] = [
        StandardPreset::Paper2018FourVisits,
        StandardPreset::Permenkes2021SixVisits,
        StandardPreset::Who2016EightContacts,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StandardPreset::Paper2018FourVisits => "paper4",
            StandardPreset::Permenkes2021SixVisits => "permenkes6",
            StandardPreset::Who2016EightContacts => "who8",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The preset as the window shows it, in `lang`. The scenario stores
    /// [`name`](Self::name), whatever the language.
    pub fn label(self, lang: super::Lang) -> &'static str {
        lang.t(match self {
            StandardPreset::Paper2018FourVisits => T::params_preset_paper_4_visits,
            StandardPreset::Permenkes2021SixVisits => T::params_preset_permenkes_6_visits,
            StandardPreset::Who2016EightContacts => T::params_preset_who_8_contacts,
        })
    }

    /// The name stored with the standard (Indonesian).
    pub fn name(self) -> &'static str {
        match self {
            StandardPreset::Paper2018FourVisits => "Paper 2018 / SPM 2016: 4 kunjungan",
            StandardPreset::Permenkes2021SixVisits => "Permenkes 21/2021: 6 kunjungan",
            StandardPreset::Who2016EightContacts => "WHO 2016: 8 kontak",
        }
    }

    /// The visit table of this standard.
    ///
    /// Measured minutes come from the paper's work sampling (K1 30,6; K2 and
    /// K3 20,0; last visit 34,1). Visits the paper did not time are marked
    /// `assumed`: a first visit takes as long as the paper's K1, the last
    /// visit of trimester III as long as the paper's K4, and every other
    /// visit as long as the paper's routine K2/K3 visits (20 minutes).
    pub fn visits(self) -> Vec<Visit> {
        match self {
            StandardPreset::Paper2018FourVisits => vec![
                Visit::new("K1", 1, 30.6, false),
                Visit::new("K2", 2, 20.0, false),
                Visit::new("K3", 3, 20.0, false),
                Visit::new("K4", 3, 34.1, false),
            ],
            StandardPreset::Permenkes2021SixVisits => vec![
                Visit::new("K1", 1, 30.6, false),
                Visit::new("K2", 2, 20.0, false),
                Visit::new("K3", 2, 20.0, true),
                Visit::new("K4", 3, 20.0, true),
                Visit::new("K5", 3, 20.0, true),
                Visit::new("K6", 3, 34.1, true),
            ],
            StandardPreset::Who2016EightContacts => vec![
                Visit::new("K1", 1, 30.6, false),
                Visit::new("K2", 2, 20.0, false),
                Visit::new("K3", 2, 20.0, true),
                Visit::new("K4", 3, 20.0, true),
                Visit::new("K5", 3, 20.0, true),
                Visit::new("K6", 3, 20.0, true),
                Visit::new("K7", 3, 20.0, true),
                Visit::new("K8", 3, 34.1, true),
            ],
        }
    }

    pub fn standard(self) -> ServiceStandard {
        ServiceStandard {
            name: self.name().to_string(),
            visits: self.visits(),
            prep_percent: 20.0,
            recording_percent: 20.0,
        }
    }
}

/// A service standard: the visits a client receives plus the preparation and
/// recording time that go with them. Antenatal care is the first service;
/// the same structure serves any service counted in visits per client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceStandard {
    pub name: String,
    pub visits: Vec<Visit>,
    /// Preparation time, percent of the visit minutes (paper: 20).
    pub prep_percent: f64,
    /// Recording and reporting time, percent of the visit minutes (paper: 20).
    pub recording_percent: f64,
}

impl Default for ServiceStandard {
    fn default() -> Self {
        StandardPreset::Paper2018FourVisits.standard()
    }
}

/// A midwife's working time (WHO WISN days, Permenkes 43/2017 hours).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingTime {
    /// Working days per week (paper: 6).
    pub days_per_week: f64,
    /// Weeks per year (paper: 52).
    pub weeks_per_year: f64,
    /// B: annual leave days (paper: 12).
    pub annual_leave: f64,
    /// C: training days (paper: 6).
    pub training_days: f64,
    /// D: public holidays (paper: 16).
    pub public_holidays: f64,
    /// E: other absence days (paper: 12).
    pub other_absence: f64,
    /// JKF: formal working hours per week (Permenkes 43/2017: 37,5).
    pub formal_hours_per_week: f64,
    /// Allowance for time not spent working, percent (Permenkes 43/2017: 30).
    pub allowance_percent: f64,
}

impl Default for WorkingTime {
    fn default() -> Self {
        WorkingTime {
            days_per_week: 6.0,
            weeks_per_year: 52.0,
            annual_leave: 12.0,
            training_days: 6.0,
            public_holidays: 16.0,
            other_absence: 12.0,
            formal_hours_per_week: 37.5,
            allowance_percent: 30.0,
        }
    }
}

/// How pregnant women are estimated and projected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopulationParams {
    /// Pregnant women per live birth (WHO coefficient used by Kemenkes: 1,10).
    pub coefficient: f64,
    /// Year 0 of the projection.
    pub base_year: i32,
    /// Last projected year.
    pub horizon_year: i32,
    pub growth_method: GrowthMethod,
    /// Growth per year in percent, used when `growth_method` is `Fixed`.
    #[serde(default)]
    pub fixed_growth_percent: f64,
    /// The years the growth is estimated from; `None` is every data year.
    /// Leaves the data as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_years: Option<YearSpan>,
    /// How the population route carries the CBR forward.
    #[serde(default, skip_serializing_if = "CbrTrend::is_default")]
    pub cbr_trend: CbrTrend,
    /// How the population route grows the population.
    #[serde(default, skip_serializing_if = "PopulationGrowth::is_default")]
    pub population_growth: PopulationGrowth,
}

impl Default for PopulationParams {
    fn default() -> Self {
        PopulationParams {
            coefficient: 1.10,
            base_year: 2017,
            horizon_year: 2035,
            growth_method: GrowthMethod::MeanAnnual,
            fixed_growth_percent: 0.0,
            growth_years: None,
            cbr_trend: CbrTrend::HoldMean,
            population_growth: PopulationGrowth::Mean,
        }
    }
}

/// How the midwives needed of regions are summed up the region tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum NeedSum {
    /// The FTE of the regions summed as they are (the default).
    #[default]
    Fte,
    /// Each region with data rounded up to whole midwives, then summed:
    /// posts are filled per puskesmas.
    EachRoundedUp,
}

impl NeedSum {
    pub fn is_default(&self) -> bool {
        *self == NeedSum::Fte
    }

    /// The name on the command line and in `--set need_sum=…`.
    pub fn key(self) -> &'static str {
        match self {
            NeedSum::Fte => "fte",
            NeedSum::EachRoundedUp => "each-rounded-up",
        }
    }

    /// A region's need as it enters the sum.
    pub fn leaf(self, need: f64) -> f64 {
        match self {
            NeedSum::Fte => need,
            // A hair below a whole number is that whole number.
            NeedSum::EachRoundedUp => ceil_non_negative((need - 1e-9).max(0.0)),
        }
    }
}

/// `x.ceil()` for x ≥ 0, without the library call `ceil` is on processors
/// without SSE4.1 (the x86-64 baseline): summing 85.000 villages each
/// rounded up spent a quarter of its time there.
fn ceil_non_negative(x: f64) -> f64 {
    // From 2^52 on every f64 is whole.
    if x < 4_503_599_627_370_496.0 {
        let t = x as u64 as f64;
        if t < x { t + 1.0 } else { t }
    } else {
        x.ceil()
    }
}

/// Everything the planner can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Parameters {
    /// The antenatal care standard.
    pub anc: ServiceStandard,
    pub working_time: WorkingTime,
    pub population: PopulationParams,
    pub rounding: Rounding,
    /// How the midwives needed are summed up the region tree.
    #[serde(default, skip_serializing_if = "NeedSum::is_default")]
    pub need_sum: NeedSum,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presets_indonesian_label_is_the_name_stored_in_the_scenario() {
        // Switching the window's language must not mark the standard as edited.
        for p in StandardPreset::ALL {
            assert_eq!(p.label(crate::model::Lang::Id), p.name());
            assert_ne!(p.label(crate::model::Lang::En), p.name());
        }
    }

    #[test]
    fn a_need_rounded_up_is_the_whole_number_at_or_above_it() {
        let old = |need: f64| (need - 1e-9).ceil().max(0.0);
        let cases = [
            0.0,
            -0.0,
            -3.2,
            1e-12,
            0.4,
            1.0,
            1.0 + 1e-10,
            1.0 + 1e-8,
            2.5,
            12_192.4,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        for need in cases {
            let new = NeedSum::EachRoundedUp.leaf(need);
            assert_eq!(new, old(need), "{need}");
        }
        assert_eq!(NeedSum::EachRoundedUp.leaf(0.4), 1.0);
        assert_eq!(NeedSum::EachRoundedUp.leaf(1.0 + 1e-10), 1.0);
        assert_eq!(NeedSum::EachRoundedUp.leaf(1.0 + 1e-8), 2.0);
        assert_eq!(NeedSum::EachRoundedUp.leaf(-3.2), 0.0);
        for i in 0..100_000 {
            let need = i as f64 * 0.013_7;
            assert_eq!(NeedSum::EachRoundedUp.leaf(need), old(need), "{need}");
        }
    }

    #[test]
    fn old_population_settings_load_and_save_unchanged() {
        let old = "(coefficient:1.1,base_year:2017,horizon_year:2035,growth_method:MeanAnnual,fixed_growth_percent:0.0)";
        let p: PopulationParams = ron::from_str(old).unwrap();
        assert_eq!(p, PopulationParams::default());
        assert_eq!(ron::to_string(&p).unwrap(), old);
        let new = PopulationParams {
            growth_method: GrowthMethod::Population,
            growth_years: Some(YearSpan {
                first: 2019,
                last: 2020,
            }),
            cbr_trend: CbrTrend::Trend,
            population_growth: PopulationGrowth::Trend,
            ..PopulationParams::default()
        };
        let text = ron::to_string(&new).unwrap();
        assert_eq!(ron::from_str::<PopulationParams>(&text).unwrap(), new);
    }
}
