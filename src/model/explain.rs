//! "Show the working": every derived figure with its formula and the numbers
//! put in, in Indonesian or English, so that the window and the command line
//! print the same explanation.

use super::Lang;
use super::data::PreparedData;
use super::number::{fmt_auto, fmt_fixed, fmt_percent, fmt_trim};
use super::params::{GrowthMethod, Parameters, Rounding};
use super::projection::{Projection, YearKind, YearRow};

/// One step of the calculation.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable identifier, e.g. `wke`.
    pub id: &'static str,
    pub title: String,
    /// The formula in words and symbols.
    pub formula: String,
    /// The formula with the numbers put in, ending with the result.
    pub working: String,
    /// A remark (rounding, the paper's figure), may be empty.
    pub note: String,
}

/// How figures are shown: by language and rounding mode.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    pub lang: Lang,
    pub rounding: Rounding,
}

impl Fmt {
    pub fn new(lang: Lang, rounding: Rounding) -> Self {
        Fmt { lang, rounding }
    }
    fn exact(self) -> bool {
        self.rounding == Rounding::Exact
    }
    /// People: whole numbers as published, up to 2 decimals when exact.
    pub fn people(self, x: f64) -> String {
        if self.exact() {
            fmt_trim(x, 2, self.lang)
        } else {
            fmt_fixed(x, 0, self.lang)
        }
    }
    /// Midwives (FTE), one decimal as published, two when exact.
    pub fn fte(self, x: f64) -> String {
        fmt_fixed(x, if self.exact() { 2 } else { 1 }, self.lang)
    }
    /// Growth rate: 3 decimals as published (−0,007), 7 when exact.
    pub fn growth(self, g: f64) -> String {
        if self.exact() {
            fmt_auto(g, self.lang)
        } else {
            fmt_fixed(g, 3, self.lang)
        }
    }
    /// Share of a year: 4 decimals as published (0,0021).
    pub fn share(self, s: f64) -> String {
        if self.exact() {
            fmt_auto(s, self.lang)
        } else {
            fmt_fixed(s, 4, self.lang)
        }
    }
    pub fn num(self, x: f64) -> String {
        fmt_auto(x, self.lang)
    }
    pub fn cbr(self, x: f64) -> String {
        fmt_fixed(x, 2, self.lang)
    }
}

fn t(lang: Lang, id: &str, en: &str) -> String {
    lang.pick(id, en).to_string()
}

/// A step of the working.
pub fn step(
    id: &'static str,
    title: String,
    formula: String,
    working: String,
    note: String,
) -> Step {
    Step {
        id,
        title,
        formula,
        working,
        note,
    }
}

/// Which series the population steps explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The total over all regions (the only region, when there is one).
    Total,
    /// One region, by index.
    Region(usize),
}
/// The whole calculation, step by step, like the paper.
pub fn explain(
    params: &Parameters,
    data: &PreparedData,
    proj: &Projection,
    subject: Subject,
    lang: Lang,
) -> Vec<Step> {
    let f = Fmt::new(lang, proj.rounding);
    let mut steps = package_steps(params, proj, f);
    steps.extend(working_time_steps(params, proj, f));
    steps.extend(capacity_steps(proj, f));
    let series = Series::new(data, proj, subject, lang);
    steps.extend(births_steps(params, &series, f));
    steps.extend(growth_steps(proj, &series, f));
    steps.extend(projection_steps(proj, &series, f));
    steps.extend(need_steps(proj, &series, f));
    steps.extend(model_steps(proj, &series, f));
    steps
}

/// The minutes of the ANC package: the visits, then preparation and
/// recording.
fn package_steps(params: &Parameters, proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let pk = &proj.capacity.package;
    let mut steps = Vec::new();

    // 1. Package minutes.
    let visit_terms: Vec<String> = params
        .anc
        .visits
        .iter()
        .map(|v| format!("{} {}", v.label, f.num(v.minutes)))
        .collect();
    let mut working = format!(
        "{} = {} {}",
        visit_terms.join(" + "),
        f.num(pk.visit_minutes),
        t(lang, "menit", "min")
    );
    if published && pk.visit_minutes_used != pk.visit_minutes {
        working.push_str(&format!(" ≈ {}", f.num(pk.visit_minutes_used)));
    }
    steps.push(step(
        "visit_minutes",
        t(
            lang,
            "Waktu pelayanan antenatal (jumlah kunjungan)",
            "Antenatal visit time (sum of visits)",
        ),
        t(
            lang,
            "Σ menit per kunjungan K1..Kk",
            "Σ minutes per visit K1..Kk",
        ),
        working,
        if published {
            t(
                lang,
                "Dibulatkan ke menit utuh, seperti di makalah (104,7 ≈ 105).",
                "Rounded to whole minutes, as in the paper (104.7 ≈ 105).",
            )
        } else {
            String::new()
        },
    ));

    // 2. Preparation and recording.
    steps.push(step(
        "package_minutes",
        t(
            lang,
            "Paket pelayanan antenatal per ibu hamil",
            "Antenatal care package per pregnant woman",
        ),
        t(
            lang,
            "paket = kunjungan × (1 + persiapan% + pencatatan%)",
            "package = visits × (1 + preparation% + recording%)",
        ),
        format!(
            "{v} + {p}% × {v} + {r}% × {v} = {v} + {pm} + {rm} = {total} {unit}",
            v = f.num(pk.visit_minutes_used),
            p = f.num(params.anc.prep_percent),
            r = f.num(params.anc.recording_percent),
            pm = f.num(pk.prep_minutes),
            rm = f.num(pk.recording_minutes),
            total = f.num(pk.package_minutes),
            unit = t(lang, "menit", "min"),
        ),
        String::new(),
    ));
    steps
}

/// The effective working time: working days A, HKE and WKE.
fn working_time_steps(params: &Parameters, proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let wt = &proj.capacity.working;
    let w = &params.working_time;
    let mut steps = Vec::new();

    // 3. Working days A.
    steps.push(step(
        "working_days",
        t(lang, "Hari kerja setahun (A)", "Working days a year (A)"),
        t(
            lang,
            "A = hari kerja per minggu × minggu per tahun",
            "A = working days per week × weeks per year",
        ),
        format!(
            "{} × {} = {} {}",
            f.num(w.days_per_week),
            f.num(w.weeks_per_year),
            f.num(wt.working_days),
            t(lang, "hari", "days")
        ),
        String::new(),
    ));

    // 4. HKE.
    steps.push(step(
        "hke",
        t(
            lang,
            "Hari kerja efektif (HKE, WHO WISN)",
            "Effective working days (HKE, WHO WISN)",
        ),
        t(
            lang,
            "HKE = A − (B cuti + C pelatihan + D libur nasional + E ketidakhadiran)",
            "HKE = A − (B leave + C training + D public holidays + E other absence)",
        ),
        format!(
            "{} − ({} + {} + {} + {}) = {} {} = {} {}",
            f.num(wt.working_days),
            f.num(w.annual_leave),
            f.num(w.training_days),
            f.num(w.public_holidays),
            f.num(w.other_absence),
            f.num(wt.effective_days),
            t(lang, "hari", "days"),
            if published {
                fmt_fixed(wt.effective_weeks, 1, lang)
            } else {
                f.num(wt.effective_weeks)
            },
            t(lang, "minggu", "weeks"),
        ),
        if published {
            t(
                lang,
                "Minggu dibulatkan ke 1 desimal, seperti di makalah (44,3).",
                "Weeks rounded to 1 decimal, as in the paper (44.3).",
            )
        } else {
            String::new()
        },
    ));

    // 5. WKE.
    let allowance = w.allowance_percent / 100.0;
    let hours_working = if published {
        format!(
            "{} × [{} × (1 − {})] = {} × {} = {} {}",
            fmt_fixed(wt.effective_weeks, 1, lang),
            f.num(w.formal_hours_per_week),
            fmt_trim(allowance, 4, lang),
            fmt_fixed(wt.effective_weeks, 1, lang),
            f.num(wt.effective_hours_per_week),
            fmt_fixed(wt.effective_hours, 1, lang),
            t(lang, "jam", "hours"),
        )
    } else {
        format!(
            "({} / {}) × {} × (1 − {}) = {} {}",
            f.num(wt.effective_days),
            f.num(w.days_per_week),
            f.num(w.formal_hours_per_week),
            fmt_fixed(allowance, 2, lang),
            f.num(wt.effective_hours),
            t(lang, "jam", "hours"),
        )
    };
    steps.push(step(
        "wke",
        t(
            lang,
            "Waktu kerja efektif (WKE, Permenkes 43/2017)",
            "Effective working time (WKE, Permenkes 43/2017)",
        ),
        t(
            lang,
            "WKE = (HKE / hari kerja per minggu) × JKF × (1 − allowance)",
            "WKE = (HKE / working days per week) × JKF × (1 − allowance)",
        ),
        format!(
            "{hours_working} × 60 = {} {}",
            f.num(wt.effective_minutes),
            t(lang, "menit setahun", "minutes a year")
        ),
        if published {
            t(
                lang,
                "Jam dibulatkan ke 1 desimal sebelum dikali 60, seperti di makalah (1.162,9 jam = 69.774 menit). Tanpa pembulatan: 1.163,75 jam = 69.825 menit.",
                "Hours rounded to 1 decimal before × 60, as in the paper (1,162.9 h = 69,774 min). Unrounded: 1,163.75 h = 69,825 min.",
            )
        } else {
            t(
                lang,
                "Makalah membulatkan 44,33 minggu ke 44,3 dan mendapat 69.774 menit (mode \"sesuai publikasi\").",
                "The paper rounds 44.33 weeks to 44.3 and gets 69,774 min (\"as published\" mode).",
            )
        },
    ));
    steps
}

/// What one midwife's year holds: the share per pregnant woman, the women
/// served in a year and the services per working day.
fn capacity_steps(proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let cap = &proj.capacity;
    let pk = &cap.package;
    let wt = &cap.working;
    let mut steps = Vec::new();

    // 6. Share.
    steps.push(step(
        "share",
        t(
            lang,
            "Persentase WKE bidan per ibu hamil",
            "Share of a midwife's year per pregnant woman",
        ),
        t(lang, "%WKE = paket / WKE", "share = package / WKE"),
        format!(
            "{} / {} = {} = {}",
            f.num(pk.package_minutes),
            f.num(wt.effective_minutes),
            f.share(cap.share),
            fmt_percent(cap.share, if published { 2 } else { 4 }, lang),
        ),
        if published {
            format!(
                "{} {}",
                t(
                    lang,
                    "Dibulatkan ke 4 desimal, seperti di makalah; sebelum pembulatan",
                    "Rounded to 4 decimals, as in the paper; before rounding",
                ),
                fmt_auto(cap.share_unrounded, lang)
            )
        } else {
            String::new()
        },
    ));

    // 7. Women per midwife and per day.
    steps.push(step(
        "women_per_midwife",
        t(
            lang,
            "Ibu hamil yang dapat dilayani satu bidan setahun",
            "Pregnant women one midwife can serve in a year",
        ),
        t(lang, "WKE / paket", "WKE / package"),
        format!(
            "{} / {} = {}",
            f.num(wt.effective_minutes),
            f.num(pk.package_minutes),
            if published {
                fmt_fixed(cap.women_per_midwife, 0, lang)
            } else {
                f.num(cap.women_per_midwife)
            }
        ),
        if published {
            t(
                lang,
                "Dibulatkan ke bawah: hanya ibu yang terlayani penuh yang dihitung (474).",
                "Rounded down: only women served in full count (474).",
            )
        } else {
            String::new()
        },
    ));
    steps.push(step(
        "per_day",
        t(lang, "Pelayanan per hari kerja", "Services per working day"),
        t(
            lang,
            "(WKE / HKE) / waktu kunjungan; × jumlah kunjungan",
            "(WKE / HKE) / visit time; × number of visits",
        ),
        format!(
            "({} / {}) / {} = {} / {} = {} {}; × {} = {} {}",
            f.num(wt.effective_minutes),
            f.num(wt.effective_days),
            f.num(pk.visit_minutes_used),
            f.num(cap.minutes_per_day),
            f.num(pk.visit_minutes_used),
            f.num(cap.packages_per_day),
            t(lang, "paket", "packages"),
            pk.visits,
            f.num(cap.visits_per_day),
            t(lang, "kunjungan", "visits"),
        ),
        t(
            lang,
            "Seperti di makalah, tanpa waktu persiapan dan pencatatan.",
            "As in the paper, without preparation and recording time.",
        ),
    ));
    steps
}

/// The series the population steps explain: the total or one region.
struct Series {
    rows: Vec<YearRow>,
    growth_used: f64,
    mean_growth: f64,
    label: String,
    /// The total of several regions: its projection is the sum of theirs.
    several: bool,
}

impl Series {
    fn new(data: &PreparedData, proj: &Projection, subject: Subject, lang: Lang) -> Self {
        let (rows, growth_used, mean_growth, label): (Vec<YearRow>, f64, f64, String) =
            match subject {
                Subject::Region(r) if r < data.regions() => (
                    proj.region_rows(data, r),
                    proj.growth_used[r],
                    proj.mean_growth[r],
                    data.label(r).to_string(),
                ),
                _ => (
                    proj.total.clone(),
                    proj.total_growth_used,
                    proj.total_mean_growth,
                    if data.regions() == 1 {
                        data.label(0).to_string()
                    } else {
                        t(lang, "semua wilayah", "all regions")
                    },
                ),
            };
        let several = data.regions() > 1 && matches!(subject, Subject::Total);
        Series {
            rows,
            growth_used,
            mean_growth,
            label,
            several,
        }
    }

    fn data_rows(&self) -> Vec<&YearRow> {
        self.rows
            .iter()
            .filter(|r| r.kind == YearKind::Data)
            .collect()
    }

    /// P_0: pregnant women in the base year.
    fn base_pregnant(&self, base: i32) -> f64 {
        self.rows
            .iter()
            .find(|r| r.year == base)
            .map(|r| r.pregnant_women)
            .unwrap_or(0.0)
    }
}

/// Live births of each data year, and the pregnant women from them.
fn births_steps(params: &Parameters, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let (rows, label, several) = (&series.rows, &series.label, series.several);
    let mut steps = Vec::new();
    let coef = params.population.coefficient;
    for row in rows.iter().filter(|r| r.kind == YearKind::Data) {
        if let (Some(pop), Some(cbr), Some(b)) = (row.population, row.cbr, row.births) {
            steps.push(step(
                "births",
                format!(
                    "{} {} ({label})",
                    t(lang, "Perkiraan kelahiran hidup", "Estimated live births"),
                    row.year
                ),
                t(
                    lang,
                    "kelahiran = CBR × penduduk / 1.000",
                    "births = CBR × population / 1,000",
                ),
                format!(
                    "{} × {} / 1.000 = {}",
                    f.cbr(cbr),
                    fmt_fixed(pop, 0, lang),
                    f.people(b)
                )
                .replace("1.000", if lang == Lang::Id { "1.000" } else { "1,000" }),
                String::new(),
            ));
            if !several {
                steps.push(step(
                    "pregnant_women",
                    format!(
                        "{} {} ({label})",
                        t(lang, "Perkiraan ibu hamil", "Estimated pregnant women"),
                        row.year
                    ),
                    t(
                        lang,
                        "ibu hamil = koefisien × kelahiran",
                        "pregnant women = coefficient × births",
                    ),
                    format!(
                        "{} × {} = {}",
                        f.num(coef),
                        f.people(b),
                        f.people(row.pregnant_women)
                    ),
                    String::new(),
                ));
            }
        }
    }
    steps
}

/// The growth of pregnant women from year to year, and its mean.
fn growth_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let (growth_used, mean_growth, label) = (series.growth_used, series.mean_growth, &series.label);
    let data_rows = series.data_rows();
    let mut steps = Vec::new();
    let mut growth_terms = Vec::new();
    for pair in data_rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let Some(g) = b.growth {
            growth_terms.push(g);
            steps.push(step(
                "growth",
                format!(
                    "{} {} ({label})",
                    t(lang, "Pertumbuhan ibu hamil", "Growth of pregnant women"),
                    b.year
                ),
                t(
                    lang,
                    "g = (P_n − P_n−1) / P_n−1",
                    "g = (P_n − P_n−1) / P_n−1",
                ),
                format!(
                    "({} − {}) / {} = {}",
                    f.people(b.pregnant_women),
                    f.people(a.pregnant_women),
                    f.people(a.pregnant_women),
                    f.growth(g)
                ),
                String::new(),
            ));
        }
    }
    let method = proj.growth_method;
    let mean_working = if growth_terms.is_empty() {
        t(
            lang,
            "hanya satu tahun data: pertumbuhan dianggap 0",
            "one data year only: growth taken as 0",
        )
    } else {
        format!(
            "({}) / {} = {}",
            growth_terms
                .iter()
                .map(|g| f.growth(*g))
                .collect::<Vec<_>>()
                .join(" + "),
            growth_terms.len(),
            f.growth(mean_growth)
        )
    };
    steps.push(step(
        "mean_growth",
        format!(
            "{} ({label})",
            t(lang, "Rata-rata pertumbuhan ibu hamil", "Mean growth of pregnant women")
        ),
        t(lang, "rata-rata g = Σ g / jumlah tahun", "mean g = Σ g / number of years"),
        mean_working,
        match method {
            GrowthMethod::MeanAnnual if published => format!(
                "{} {}",
                t(
                    lang,
                    "Proyeksi memakai rata-rata tanpa pembulatan, seperti angka makalah 5.218.084:",
                    "The projection uses the unrounded mean, as the paper's 5,218,084 does:",
                ),
                fmt_auto(growth_used, lang)
            ),
            GrowthMethod::MeanAnnual => String::new(),
            GrowthMethod::Compound => format!(
                "{} {}",
                t(
                    lang,
                    "Metode majemuk: proyeksi memakai g = (P_akhir / P_awal)^(1/(tahun−1)) − 1 =",
                    "Compound method: the projection uses g = (P_last / P_first)^(1/(years−1)) − 1 =",
                ),
                fmt_auto(growth_used, lang)
            ),
            GrowthMethod::Fixed => format!(
                "{} {}",
                t(
                    lang,
                    "Pertumbuhan ditetapkan perencana: g =",
                    "Growth set by the planner: g =",
                ),
                fmt_auto(growth_used, lang)
            ),
        },
    ));
    steps
}

/// The projection of pregnant women: the last data year (fit check) and the
/// horizon.
fn projection_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let (rows, growth_used, label, several) = (
        &series.rows,
        series.growth_used,
        &series.label,
        series.several,
    );
    let data_rows = series.data_rows();
    let base = proj.base_year;
    let p0 = series.base_pregnant(base);
    let mut steps = Vec::new();
    let mut shown = Vec::new();
    if let Some(last) = data_rows.last().filter(|l| l.year != base) {
        shown.push(*last);
    }
    if let Some(h) = rows.iter().find(|r| r.year == proj.horizon_year)
        && !shown.iter().any(|s| s.year == h.year)
        && h.year != base
    {
        shown.push(h);
    }
    for row in shown {
        let n = row.year - base;
        let working = if several {
            format!(
                "Σ {} = {}",
                t(lang, "proyeksi per wilayah", "projections of the regions"),
                f.people(row.projected_pregnant_women)
            )
        } else {
            format!(
                "{} × (1 + ({}))^{} = {} × {} = {}",
                f.people(p0),
                fmt_auto(growth_used, lang),
                n,
                f.people(p0),
                fmt_trim((1.0 + growth_used).powi(n), 6, lang),
                f.people(row.projected_pregnant_women)
            )
        };
        let note = match row.fit_difference_percent {
            Some(d) => format!(
                "{} {}% ({}: {})",
                t(lang, "Selisih terhadap data:", "Difference from the data:"),
                fmt_trim(d, 4, lang),
                t(lang, "data", "data"),
                f.people(row.pregnant_women)
            ),
            None => String::new(),
        };
        steps.push(step(
            "projection",
            format!(
                "{} {} ({label})",
                t(lang, "Proyeksi ibu hamil", "Projected pregnant women"),
                row.year
            ),
            format!("P_n = P_{base} × (1 + g)^n, n = {} − {base}", row.year),
            working,
            note,
        ));
    }
    steps
}

/// Midwives needed in the horizon year, and the gap with those in post.
fn need_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let cap = &proj.capacity;
    let (rows, label) = (&series.rows, &series.label);
    let mut steps = Vec::new();
    if let Some(h) = rows.iter().find(|r| r.year == proj.horizon_year) {
        let mut working = format!(
            "{} × {} = {} {}",
            f.share(cap.share),
            f.people(h.pregnant_women),
            f.fte(h.midwives_needed),
            t(lang, "bidan (FTE)", "midwives (FTE)")
        );
        if let (Some(a), Some(gap)) = (h.midwives_available, h.gap) {
            working.push_str(&format!(
                "; {}: {} − {} = {}",
                t(lang, "selisih", "gap"),
                f.fte(a),
                f.fte(h.midwives_needed),
                f.fte(gap)
            ));
        }
        steps.push(step(
            "midwives_needed",
            format!(
                "{} {} ({label})",
                t(
                    lang,
                    "Kebutuhan bidan untuk pelayanan antenatal",
                    "Midwives needed for antenatal care"
                ),
                h.year
            ),
            t(
                lang,
                "kebutuhan bidan = %WKE × ibu hamil",
                "midwives needed = share × pregnant women",
            ),
            working,
            String::new(),
        ));
    }
    steps
}

/// The model in one line (not for the total of several regions).
fn model_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let cap = &proj.capacity;
    let base = proj.base_year;
    let p0 = series.base_pregnant(base);
    let mut steps = Vec::new();
    if !series.several {
        steps.push(step(
            "model",
            t(lang, "Model proyeksi", "Projection model"),
            t(
                lang,
                "kebutuhan bidan_n = %WKE × [P_0 × (1 + g)^n]",
                "midwives needed_n = share × [P_0 × (1 + g)^n]",
            ),
            format!(
                "{} × [{} × (1 + ({}))^n], n = {} − {base}",
                f.share(cap.share),
                f.people(p0),
                f.growth(series.growth_used),
                t(lang, "tahun", "year"),
            ),
            t(
                lang,
                "Abstrak makalah mencetak (1 + (−0,007)^n); rumus yang benar, seperti di isi makalah, adalah (1 + g)^n.",
                "The paper's abstract prints (1 + (−0.007)^n); the correct formula, as in the paper's body, is (1 + g)^n.",
            ),
        ));
    }
    steps
}

/// The steps as plain text, one block per step.
pub fn render_text(steps: &[Step]) -> String {
    let mut out = String::new();
    for (i, s) in steps.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, s.title));
        out.push_str(&format!("   {}\n", s.formula));
        out.push_str(&format!("   = {}\n", s.working));
        if !s.note.is_empty() {
            out.push_str(&format!("   ({})\n", s.note));
        }
    }
    out
}
