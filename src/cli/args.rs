//! The command line's arguments, as clap reads them: the subcommands, their
//! options and the values they take.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "proyeksi-bidan",
    version,
    about = "Proyeksi Bidan: berapa bidan yang dibutuhkan untuk pelayanan antenatal, sekarang dan tahun-tahun mendatang.\nHow many midwives antenatal care needs, now and in the years ahead."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario file to open in the window (.bidan or .ron), or a data file (.csv, .xlsx) to
    /// import into the bundled example; without one, the bundled example.
    pub file: Option<PathBuf>,
    /// Opens the window, saves a PNG screenshot of it once drawn, and exits.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The tab the window opens on: projection, table, working, workload, supply, ranking, map,
    /// analysis, programs or data.
    #[arg(long, value_enum, default_value = "projection")]
    pub tab: TabArg,
    /// The language the window opens in this time (otherwise the remembered one).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The renderer that draws the window: glow (OpenGL), wgpu, or software (no graphics
    /// driver needed); without it, each is tried in turn until one starts.
    #[arg(long, value_enum)]
    pub renderer: Option<RendererArg>,
    /// A help window to open at start, e.g. for a screenshot: guide (at the WKE entry),
    /// welcome or about.
    #[arg(long, value_enum)]
    pub show: Option<ShowArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowArg {
    Guide,
    Welcome,
    About,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RendererArg {
    /// OpenGL 2 or newer.
    Glow,
    /// Direct3D 12, Vulkan, Metal or OpenGL, as the system has.
    Wgpu,
    /// Drawn by the processor alone (WARP, llvmpipe, lavapipe): slow, but needs no driver.
    Software,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum TabArg {
    #[default]
    Projection,
    Table,
    Working,
    Workload,
    Supply,
    Ranking,
    Analysis,
    Map,
    Data,
    Programs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prints the projection year by year.
    Compute(ComputeArgs),
    /// Prints the working, step by step, like the paper.
    Explain(ExplainArgs),
    /// Writes a bundled example scenario file: the paper's Indonesia (default) or the 34
    /// provinces 2017–2020.
    Example {
        /// Which example: indonesia or provinces.
        #[arg(value_enum, default_value = "indonesia")]
        which: ExampleArg,
        /// Where to write it, e.g. contoh.bidan.
        #[arg(long)]
        out: PathBuf,
    },
    /// Exports the chart (PNG/SVG) and/or the table (CSV/XLSX).
    Export(ExportArgs),
    /// Staff needed for every activity (WHO WISN or Kemenkes ABK-Kes) from an activity table.
    Workload(WorkloadArgs),
    /// Midwives available each year (stock and flow) beside the need, when the gap closes, and
    /// the intake that closes it by a year.
    Supply(SupplyArgs),
    /// The regions ranked for a year: shortest of midwives first (largest need first when the
    /// data give no midwives), with how many are short and by how much in all.
    Rank(RankArgs),
    /// The province map of a year: gap, ratio or midwives needed per province, as PNG or SVG
    /// (the bundled 38-province boundaries; BPS codes matched through the crosswalk).
    Map(MapArgs),
    /// Up to four scenarios side by side (files, or variants with --vary): pregnant women,
    /// antenatal visits and hours, and midwives needed per year, each against the first.
    Compare(CompareArgs),
    /// Which assumption matters: every numeric parameter moved down and up (by --step, or
    /// across its plausible range), ranked by its swing on the midwives needed (a tornado).
    Sensitivity(SensitivityArgs),
    /// How sure the answer is: draws from the parameters' ranges (minimum, most likely,
    /// maximum) give P10, P50 and P90 of the midwives needed and pregnant women per year.
    Bands(BandsArgs),
    /// Writes the report as PDF (A4): summary, parameters, chart, year table and the working.
    Report(ReportArgs),
    /// The internship (magang) of newly posted village midwives at partner clinics: who goes
    /// where on which days (at most 2, within each clinic's room, after the health office's
    /// permission), the deliveries each can expect and the chance of a mother from her village.
    Internship(InternshipArgs),
    /// Clinical mentoring (pendampingan klinis) of the referral network: the facilities, their
    /// visits (overdue ones marked) and the latest checklist scores.
    Mentoring(MentoringArgs),
    /// Writes an empty data template (.csv or .xlsx) with one example row.
    Template {
        /// Where to write it: templat.csv or templat.xlsx.
        #[arg(long)]
        out: PathBuf,
        /// Header language: id (kode_wilayah, tahun…) or en (region_code, year…).
        #[arg(long, value_enum, default_value = "id")]
        lang: LangArg,
    },
}

/// The layout of an exported table.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LayoutArg {
    Wide,
    Long,
}

/// The bundled examples.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ExampleArg {
    /// Indonesia 2017–2020 from the paper.
    #[default]
    Indonesia,
    /// The 34 provinces 2017–2020 (BPS populations; the paper's national CBR, illustrative).
    Provinces,
}

impl From<ExampleArg> for crate::io::examples::Example {
    fn from(e: ExampleArg) -> Self {
        match e {
            ExampleArg::Indonesia => Self::Indonesia,
            ExampleArg::Provinces => Self::Provinces,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoundingArg {
    Exact,
    Published,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum LangArg {
    #[default]
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct ScenarioArgs {
    /// Scenario file (.bidan or .ron); without it, the bundled example.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The bundled example used without --scenario: indonesia (default) or provinces.
    #[arg(long, value_enum, conflicts_with = "scenario")]
    pub example: Option<ExampleArg>,
    /// exact (default: no intermediate rounding) or published (as the paper prints).
    #[arg(long, value_enum)]
    pub rounding: Option<RoundingArg>,
    /// Language of labels, messages and numbers: id (5.329.480) or en (5,329,480).
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,
    /// Overrides a parameter for this run, e.g. --set allowance_percent=25 (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Replaces the scenario's data with a CSV or .xlsx data file.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The worksheet of an .xlsx data file (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct ComputeArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// One region of the tree (by code or name): its figures summed over the regions under
    /// it, then each region directly under it.
    #[arg(long, value_name = "CODE", conflicts_with = "level")]
    pub region: Option<String>,
    /// Every region of one level, each summed over the regions under it: provinsi,
    /// kabupaten (kota), kecamatan, puskesmas or desa (kelurahan).
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum CsvStyleArg {
    /// For Excel set to Indonesian: Indonesian headings, `;`, decimal comma, numbers as the
    /// window shows them (UTF-8 with BOM).
    #[default]
    Id,
    /// As id, every number at full precision.
    IdFull,
    /// `,` and decimal point, for other programs.
    Intl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// Writes the projection chart: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
    /// Writes the table: OUT.csv or OUT.xlsx.
    #[arg(long, value_name = "OUT.csv|OUT.xlsx")]
    pub table: Option<PathBuf>,
    /// Layout of --table: wide (one row per region, the years side by side: pregnant women,
    /// midwives needed, and the gap where given) or long (one row per region and year, every
    /// column). Default: wide for .xlsx, long for .csv.
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
    /// CSV style of --table OUT.csv.
    #[arg(long, value_enum, default_value = "id")]
    pub csv_style: CsvStyleArg,
    /// Chart one region (by code or name) instead of the total; with --table, that region of
    /// the tree (summed over the regions under it) and each region directly under it.
    #[arg(long, conflicts_with = "level")]
    pub region: Option<String>,
    /// With --table: every region of one level (provinsi, kabupaten, kecamatan, puskesmas or
    /// desa), each summed over the regions under it.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// With --chart: the workload chart (midwives needed per year by activity, stacked bars)
    /// instead of the projection chart, from the scenario's workload set-up (Beban kerja tab).
    #[arg(long, requires = "chart")]
    pub workload: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// Report on one region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// Where to write the report, e.g. laporan.pdf.
    #[arg(long, value_name = "REPORT.pdf")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// Explain one region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum MethodArg {
    /// WHO WISN (AWT, SW, CAF, IAF).
    #[default]
    Wisn,
    /// Kemenkes ABK-Kes, Permenkes 33/2015 (WKT, SBK, JKT, STP).
    Abk,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum StaffRoundingArg {
    /// No intermediate rounding.
    #[default]
    Exact,
    /// As the worksheets: SW/SBK whole, staff, JKT, CAF/STP, IAF and required to 2 decimals.
    Worksheet,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum FinalRoundingArg {
    /// Nearest whole person, halves up.
    #[default]
    Nearest,
    /// Up to the next whole person.
    Up,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum WorkloadFormatArg {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum WorkingDaysPresetArg {
    /// Kemenkes ABK-Kes, 6-day week: 312 − 48 days × 4,375 h = 69.300 min.
    #[default]
    Kemenkes6,
    /// Kemenkes ABK-Kes, 5-day week: 260 − 48 days × 5,25 h = 66.780 min.
    Kemenkes5,
}

#[derive(Debug, Args)]
pub struct WorkloadArgs {
    /// The activity table: CSV or .xlsx with columns kegiatan; jenis; norma_waktu; capaian; jumlah_tenaga
    /// (or activity, kind, minutes_per_unit, units_per_year, staff).
    #[arg(long, value_name = "FILE")]
    pub activities: PathBuf,
    /// The worksheet of an .xlsx activity table (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// wisn (WHO) or abk (Kemenkes ABK-Kes).
    #[arg(long, value_enum, default_value = "wisn")]
    pub method: MethodArg,
    /// Available working time of one staff member a year, in minutes (AWT / WKT).
    #[arg(long, value_name = "N", conflicts_with_all = ["scenario", "days_per_week", "weeks_per_year", "public_holidays", "annual_leave", "sick_leave", "training_days", "other_leave", "hours_per_day", "working_days"])]
    pub available_minutes: Option<f64>,
    /// Use the working time (WKE) of this scenario file, in its rounding.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["days_per_week", "weeks_per_year", "public_holidays", "annual_leave", "sick_leave", "training_days", "other_leave", "hours_per_day", "working_days"])]
    pub scenario: Option<PathBuf>,
    /// Working-time preset for [A − (B + C + D + E)] × hours per day; the options below change it.
    #[arg(long, value_enum, default_value = "kemenkes6")]
    pub working_days: WorkingDaysPresetArg,
    /// Working days per week.
    #[arg(long)]
    pub days_per_week: Option<f64>,
    /// Weeks per year.
    #[arg(long)]
    pub weeks_per_year: Option<f64>,
    /// Public holidays (libur nasional) a year.
    #[arg(long)]
    pub public_holidays: Option<f64>,
    /// Annual leave (cuti) days.
    #[arg(long)]
    pub annual_leave: Option<f64>,
    /// Sick leave and other absence (absen) days.
    #[arg(long)]
    pub sick_leave: Option<f64>,
    /// Training (pelatihan) days.
    #[arg(long)]
    pub training_days: Option<f64>,
    /// Other leave days.
    #[arg(long)]
    pub other_leave: Option<f64>,
    /// Working (effective) hours per day.
    #[arg(long)]
    pub hours_per_day: Option<f64>,
    /// exact or worksheet (intermediate rounding as the published worksheets).
    #[arg(long, value_enum, default_value = "exact")]
    pub rounding: StaffRoundingArg,
    /// Rounding of the required staff to whole people: nearest or up.
    #[arg(long, value_enum, default_value = "nearest")]
    pub final_rounding: FinalRoundingArg,
    /// Staff in post now, for the WISN difference and ratio.
    #[arg(long, value_name = "N")]
    pub existing: Option<f64>,
    /// table (for people, with the working) or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: WorkloadFormatArg,
    /// Language of labels and numbers: id (1.234,5) or en (1,234.5).
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct SupplyArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// One region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// Share of midwives leaving each year (retirement, leaving), in % (default: the
    /// scenario's, else 0).
    #[arg(long, value_name = "PERCENT")]
    pub attrition: Option<f64>,
    /// A region's own share leaving each year, e.g. --attrition-region 1906.01=8 (repeatable;
    /// the other regions keep --attrition; the total weighs the rates by the midwives in post
    /// in the base year).
    #[arg(long = "attrition-region", value_name = "CODE=PERCENT")]
    pub attrition_region: Vec<String>,
    /// New midwives placed each year.
    #[arg(long, value_name = "N", conflicts_with = "graduates")]
    pub intake: Option<f64>,
    /// Graduates a year, of whom --absorbed % are placed.
    #[arg(long, value_name = "N", requires = "absorbed")]
    pub graduates: Option<f64>,
    /// Share of graduates placed, in %.
    #[arg(long, value_name = "PERCENT", requires = "graduates")]
    pub absorbed: Option<f64>,
    /// Net transfers in a year, in minus out, e.g. --transfer 2026=3 or 2027=-2 (repeatable).
    #[arg(long = "transfer", value_name = "YEAR=N", allow_hyphen_values = true)]
    pub transfers: Vec<String>,
    /// Also find the yearly intake that closes the gap by this year (and keeps it closed), and
    /// the highest attrition that keeps it closed with the intake given.
    #[arg(long, value_name = "YEAR")]
    pub close_by: Option<i32>,
    /// Also saves the supply chart (available beside needed, the gap shaded): OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// The year ranked (default: the last data year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Rank the regions directly under this one (by code or name), each summed over the
    /// regions under it (default: the regions of the lowest level).
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
    /// What the regions are ranked by: gap (shortest first), ratio (lowest first) or need
    /// (largest first); without midwives in post, always by need.
    #[arg(long, value_enum, default_value = "gap")]
    pub by: RankByArg,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: RankFormatArg,
    /// Also writes the chart of the first 20 regions: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Also writes the whole ranking as a table: OUT.csv or OUT.xlsx.
    #[arg(long, value_name = "OUT.csv|OUT.xlsx")]
    pub table: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// The year shown (default: the last data year).
    #[arg(long)]
    pub year: Option<i32>,
    /// What the colours show: gap (available − needed), ratio (available ÷ needed) or need
    /// (midwives needed); without midwives in post, always the need.
    #[arg(long, value_enum, default_value = "gap")]
    pub by: RankByArg,
    /// Where to write the map: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub out: PathBuf,
    /// Width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RankFormatArg {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RankByArg {
    Gap,
    Ratio,
    Need,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Scenario files (.bidan or .ron), up to four; the first is the one the others are
    /// measured against. Without any, the bundled example.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Variants of the first scenario, one per value, e.g. --vary anc_visits=4,6,8 or
    /// --vary allowance_percent=25/30/35 (any --set name; values separated by `/`), or
    /// --vary need=antenatal,workload (midwives needed from the workload set-up: its own
    /// method, or wisn, or abk).
    #[arg(long = "vary", value_name = "NAME=V1/V2/…")]
    pub vary: Vec<String>,
    /// Only this year (default: every year the scenarios share).
    #[arg(long)]
    pub year: Option<i32>,
    /// One region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// exact (default: no intermediate rounding) or published (as the paper prints).
    #[arg(long, value_enum)]
    pub rounding: Option<RoundingArg>,
    /// Language of labels, messages and numbers: id (5.329.480) or en (5,329,480).
    #[arg(long, value_enum, default_value = "id")]
    pub lang: LangArg,
    /// Overrides a parameter in every scenario compared, e.g. --set allowance_percent=25.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Replaces every scenario's data with a CSV or .xlsx data file.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// The worksheet of an .xlsx data file (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Writes the scenarios on one chart (pregnant women and midwives needed): OUT.png or
    /// OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
}

#[derive(Debug, Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// The year (default: the horizon).
    #[arg(long)]
    pub year: Option<i32>,
    /// One region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// How far each parameter moves down and up: a share of its value (10%, the default), or
    /// `range` (rentang) for its plausible range.
    #[arg(long, default_value = "10%", allow_hyphen_values = true)]
    pub step: String,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Writes the tornado chart: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShapeArg {
    /// PERT: most draws near the most likely value.
    Pert,
    /// Triangular.
    Triangular,
}

#[derive(Debug, Args)]
pub struct BandsArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// One region (by code or name) instead of the total.
    #[arg(long)]
    pub region: Option<String>,
    /// Number of draws (default: the scenario's, else 1.000).
    #[arg(long, value_name = "N")]
    pub draws: Option<u32>,
    /// Seed of the draws (default: the scenario's, else 0); the same seed gives the same bands.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Shape of the draws between minimum and maximum (default: the scenario's, else pert).
    #[arg(long, value_enum)]
    pub shape: Option<ShapeArg>,
    /// The range of a parameter, e.g. --range allowance_percent=25/30/35 or
    /// --range minutes_K1=25/30,6/40 (minimum/most likely/maximum; repeatable). Without any
    /// range (here or in the scenario), every parameter varies across its plausible range.
    #[arg(
        long = "range",
        value_name = "NAME=MIN/LIKELY/MAX",
        allow_hyphen_values = true
    )]
    pub ranges: Vec<String>,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Writes the chart of the bands: OUT.png or OUT.svg.
    #[arg(long, value_name = "OUT.png|OUT.svg")]
    pub chart: Option<PathBuf>,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
    /// Also saves the scenario with these ranges, draws and seed as FILE (.bidan).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InternshipArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Also writes the schedule, expectations, case log, meetings and indicators: OUT.xlsx.
    #[arg(long, value_name = "OUT.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Takes the midwives to place from this CSV or .xlsx file (nama; desa;
    /// tanggal_penempatan; izin; tanggal_izin; kelahiran_desa).
    #[arg(long, value_name = "FILE")]
    pub interns: Option<PathBuf>,
    /// Takes the partner clinics from this CSV or .xlsx file (klinik; persalinan_setahun;
    /// magang_per_hari; hari_buka_per_minggu; bagian_desa).
    #[arg(long, value_name = "FILE")]
    pub clinics: Option<PathBuf>,
    /// Days each intern spends at a clinic (at most 2, the programme's rule).
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// The period to schedule, first and last day: --period 2026-03-02:2026-03-31.
    #[arg(long, value_name = "FROM:TO")]
    pub period: Option<String>,
}

#[derive(Debug, Args)]
pub struct MentoringArgs {
    #[command(flatten)]
    pub common: ScenarioArgs,
    /// table (for people), csv or json (for other programs).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Also writes the facilities, visits, scores by group and the checklist: OUT.xlsx.
    #[arg(long, value_name = "OUT.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Takes the checklist from this CSV or .xlsx file (kelompok; kode; butir; skala).
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// The day overdue visits are judged on (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}
