//! The Program tab's tables, worked out again only when the programmes, the
//! data's projection, the language or the day change.

use super::program_charts::{Series, indicator_series, trend_series};
use crate::io::programs::Sheet;
use crate::io::programs::sheets::{
    calendar_sheet, cases_sheet, expectations_sheet, indicators_sheet, meetings_sheet,
    schedule_sheet, scores_sheet, visit_list_sheet, visits_sheet,
};
use crate::model::programs::{Date, Programs, region_gap, work_out};
use crate::model::{DataRow, Lang, PreparedData, Projection};

/// The internship's tables: schedule, expectations, meetings, case log.
pub struct InternshipSheets {
    pub schedule: Sheet,
    /// The rotation and the meetings month by month.
    pub months: Vec<crate::model::programs::month_grid::MonthGrid>,
    pub calendar: Sheet,
    pub expectations: Sheet,
    pub meetings: Sheet,
    pub cases: Sheet,
}

/// The programmes' tables as the tab shows them.
#[derive(Default)]
pub struct ProgramResults {
    key: Option<(Option<Programs>, Lang, Date, Option<u64>)>,
    /// The day overdue visits are judged on (today).
    pub today: Option<Date>,
    /// The internship's tables, or why the plan cannot be worked out;
    /// `None` when there is no intern nor clinic.
    pub internship: Option<Result<InternshipSheets, String>>,
    pub indicators: Option<Sheet>,
    /// Facilities with their standing and latest scores; every visit; the
    /// scores by group.
    pub facilities: Option<Sheet>,
    pub visits: Option<Sheet>,
    pub scores: Option<Sheet>,
    /// The indicators' shares and targets by year, in %.
    pub indicator_series: Vec<Series>,
    /// Each facility's total score at its visits, in %.
    pub trends: Vec<Series>,
}

impl ProgramResults {
    /// Brings the tables up to date with the scenario's programmes, its data
    /// table (version `data_rev`) and what was computed from it; true if
    /// they changed.
    pub fn refresh(
        &mut self,
        (programs, data, data_rev): (&Option<Programs>, &[DataRow], u64),
        computed: Option<(&PreparedData, &Projection)>,
        lang: Lang,
    ) -> bool {
        let day = crate::io::programs::today();
        let rev = computed.map(|_| data_rev);
        let key = (programs.clone(), lang, day, rev);
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        self.today = Some(day);
        let p = programs.clone().unwrap_or_default();
        let plan = &p.internship;
        self.internship = (!plan.interns.is_empty() || !plan.clinics.is_empty()).then(|| {
            work_out(plan, data)
                .map(|r| InternshipSheets {
                    schedule: schedule_sheet(plan, &r, lang),
                    months: crate::model::programs::month_grid::month_grids(
                        &r.schedule,
                        &r.meetings,
                    ),
                    calendar: calendar_sheet(plan, &r),
                    expectations: expectations_sheet(plan, &r, lang),
                    meetings: meetings_sheet(&r),
                    cases: cases_sheet(plan, lang),
                })
                .map_err(|e| e.message(lang))
        });
        self.indicators = (!p.indicators.years.is_empty()).then(|| indicators_sheet(&p));
        let m = &p.mentoring;
        let gap = |region: &str| computed.and_then(|(d, pr)| region_gap(d, pr, region, day.year()));
        self.facilities = (!m.facilities.is_empty()).then(|| visits_sheet(m, day, &gap, lang));
        self.visits = (!m.visits.is_empty()).then(|| visit_list_sheet(m, day, lang));
        self.scores = Some(scores_sheet(m)).filter(|s| !s.rows.is_empty());
        self.indicator_series = indicator_series(&p.indicators, lang);
        self.trends = trend_series(m);
        self.key = Some(key);
        true
    }
}
