//! A deterministic fuzz run of every reader: CSV data, .xlsx data, .bidan
//! scenarios and activity tables. The valid files of `tests/` and `assets/`
//! (and the templates) are mutated under a fixed seed — bytes flipped, cut,
//! inserted, lines repeated, numbers made huge, cells replaced, and for
//! workbooks the XML inside and the zip bytes themselves — and each reader
//! must answer every input without a panic, within 2 s, and with at most
//! 10× the input's size (plus a small fixed allowance) allocated at once,
//! as counted by this binary's allocator.
//!
//! The short run is part of `cargo test`. The long run, at least 10⁵
//! inputs per reader:
//!
//! ```text
//! FUZZ_INPUTS=100000 cargo test --release --test fuzz_readers -- --ignored --nocapture
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use proyeksi_bidan::io::activities::{activities_from_csv, activities_from_xlsx};
use proyeksi_bidan::io::import::{
    ImportOptions, import_csv_bytes, import_xlsx_bytes, template_csv, template_xlsx,
};
use proyeksi_bidan::io::{scenario_from_str, scenario_to_string};
use proyeksi_bidan::model::{Lang, Scenario};

/// Counts the bytes allocated now and the most at once since the last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One run at a time, so the allocator counts one reader's work.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Memory beyond 10× the input that any input may use.
const ALLOWANCE: usize = 1 << 20;
const MAX_TIME: Duration = Duration::from_secs(2);

/// xorshift64*: the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that readers find hard: delimiters, quotes, line ends, marks of
/// encodings, huge and odd numbers, deep nesting, far-away cells.
const TOKENS: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"\"",
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xC3",
    b"99999999999999999999999999999999",
    b"1e308",
    b"-1e308",
    b"NaN",
    b"inf",
    b"0,000000000000000000000000001",
    b"261.890.900,5",
    b"18;50",
    b"-0",
    b"((((((((((((((((((((((((((((((((((((((((",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"format_version: 99,",
    b"/*",
    b"//",
    b"_x0041_",
    b"&amp;",
    b"&#0;",
    b"<c r=\"XFD1048576\"><v>1</v></c>",
    b"<row r=\"1048576\">",
    b"r=\"A\"",
    b"t=\"s\"",
    b"<v>999999</v>",
    b"<f>",
    b"PK\x03\x04",
];

/// A text changed by one to three mutations.
fn mutate_text(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(b.len() + 1);
        match rng.below(8) {
            // Bytes flipped.
            0 => {
                for _ in 0..1 + rng.below(8) {
                    if !b.is_empty() {
                        let i = rng.below(b.len());
                        b[i] = rng.next() as u8;
                    }
                }
            }
            // Cut.
            1 => b.truncate(at),
            // A hard piece inserted.
            2 | 3 => {
                let t = rng.pick(TOKENS);
                b.splice(at..at, t.iter().copied());
            }
            // A line repeated.
            4 => {
                let lines: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
                let k = rng.below(lines.len());
                let times = 1 + rng.below(50);
                let mut out = Vec::with_capacity(b.len() * 2);
                for (i, l) in lines.iter().enumerate() {
                    for _ in 0..if i == k { times } else { 1 } {
                        out.extend_from_slice(l);
                        out.push(b'\n');
                    }
                }
                b = out;
            }
            // A run of digits made huge.
            5 => {
                if let Some(start) = (at..b.len()).find(|&i| b[i].is_ascii_digit()) {
                    let end = (start..b.len())
                        .find(|&i| !b[i].is_ascii_digit())
                        .unwrap_or(b.len());
                    let huge = "9".repeat(1 + rng.below(400));
                    b.splice(start..end, huge.bytes());
                }
            }
            // A cell (between delimiters) replaced by random bytes.
            6 => {
                let is_sep = |c: u8| matches!(c, b';' | b',' | b'\n' | b'<' | b'>');
                if let Some(start) = (at..b.len()).find(|&i| is_sep(b[i])) {
                    let end = (start + 1..b.len())
                        .find(|&i| is_sep(b[i]))
                        .unwrap_or(b.len());
                    let cell: Vec<u8> = (0..rng.below(12)).map(|_| rng.next() as u8).collect();
                    b.splice(start + 1..end, cell);
                }
            }
            // Random bytes inserted.
            _ => {
                let noise: Vec<u8> = (0..1 + rng.below(64)).map(|_| rng.next() as u8).collect();
                b.splice(at..at, noise);
            }
        }
    }
    b
}

/// A workbook changed inside (one part's XML mutated, then packed again) or
/// as raw zip bytes.
fn mutate_workbook(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    if rng.below(3) == 0 {
        return mutate_text(rng, input);
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(input)) else {
        return mutate_text(rng, input);
    };
    let target = rng.below(zip.len());
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else {
            continue;
        };
        let Ok(name) = f.name().map(|n| n.to_string()) else {
            continue;
        };
        let mut data = Vec::new();
        if f.read_to_end(&mut data).is_err() {
            continue;
        }
        if i == target {
            data = mutate_text(rng, &data);
        }
        let options = zip::write::SimpleFileOptions::default();
        if out.start_file(name, options).is_err() || out.write_all(&data).is_err() {
            return mutate_text(rng, input);
        }
    }
    match out.finish() {
        Ok(c) => c.into_inner(),
        Err(_) => mutate_text(rng, input),
    }
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The valid (and some deliberately bad) files each reader starts from.
fn csv_seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![
        read("tests/paper_id.csv"),
        template_csv(Lang::Id),
        template_csv(Lang::En),
    ];
    for f in [
        "bad_delimiter.csv",
        "bad_values.csv",
        "broken_quotes.csv",
        "missing_columns.csv",
        "text_in_numbers.csv",
        "headers_only.csv",
    ] {
        seeds.push(read(&format!("tests/malformed/{f}")));
    }
    let mut regions = String::from("kode;nama wilayah;tahun;jumlah penduduk;CBR\n");
    for r in 0..20 {
        for y in 2017..2021 {
            regions.push_str(&format!("35{r:02};Desa {r};{y};1.{r:03}.000;18,{r}\n"));
        }
    }
    seeds.push(regions.into_bytes());
    seeds
}

fn activity_table_xlsx() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        [
            "kegiatan",
            "jenis",
            "norma_waktu",
            "capaian",
            "jumlah_tenaga",
        ],
        ["ANC", "pelayanan", "35", "1.980", ""],
        ["Rapat", "penunjang", "120", "12", ""],
        ["Supervisi", "individu", "480", "12", "2"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if r > 0 => ws.write_number(r as u32, c as u16, n),
                _ => ws.write_string(r as u32, c as u16, *v),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A workbook written today, with its dates (the only thing that changes
/// from run to run) set to zeros, so that every run mutates the same bytes.
fn fixed_dates(bytes: Vec<u8>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "docProps/core.xml" {
            for b in data.iter_mut().filter(|b| b.is_ascii_digit()) {
                *b = b'0';
            }
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn xlsx_seeds() -> Vec<Vec<u8>> {
    vec![
        read("tests/data_openpyxl.xlsx"),
        fixed_dates(template_xlsx(Lang::Id).unwrap()),
        fixed_dates(template_xlsx(Lang::En).unwrap()),
    ]
}

fn scenario_seeds() -> Vec<Vec<u8>> {
    vec![
        read("assets/contoh-indonesia-2017-2020.bidan"),
        scenario_to_string(&Scenario::example()).into_bytes(),
    ]
}

/// What one reader did with its inputs.
#[derive(Debug, Default)]
struct Tally {
    inputs: usize,
    refused: usize,
    slowest: Duration,
    most_memory: usize,
    /// The input that used the most memory, and its size.
    most_memory_input: (usize, usize),
    /// Panics that reached the caller.
    panics: Vec<String>,
    over_time: Vec<String>,
    over_memory: Vec<String>,
    took: Duration,
}

/// Runs `read` on `count` inputs made from `seeds` by `mutate`.
fn run(
    name: &str,
    seeds: &[Vec<u8>],
    count: usize,
    seed: u64,
    mutate: fn(&mut Rng, &[u8]) -> Vec<u8>,
    read: &dyn Fn(&[u8]) -> bool,
) -> Tally {
    let mut rng = Rng(seed);
    let mut t = Tally::default();
    // `FUZZ_ONLY=2` runs the second reader only.
    if std::env::var("FUZZ_ONLY").is_ok_and(|only| only != seed.to_string()) {
        return t;
    }
    let start = Instant::now();
    for k in 0..count {
        let base = &seeds[k % seeds.len()];
        // Now and then a mutant of a mutant.
        let mut input = mutate(&mut rng, base);
        if rng.below(4) == 0 {
            input = mutate(&mut rng, &input);
        }
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let began = Instant::now();
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&input)));
        let took = began.elapsed();
        let used = PEAK.load(Ordering::Relaxed).saturating_sub(before);
        let what = || format!("{name} input {k} (seed {seed}, {} bytes)", input.len());
        t.inputs += 1;
        match out {
            Ok(ok) => t.refused += usize::from(!ok),
            Err(payload) => {
                let why = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                t.panics.push(format!("{}: {why}", what()));
                if let Ok(dir) = std::env::var("FUZZ_DUMP") {
                    let _ =
                        std::fs::write(Path::new(&dir).join(format!("{seed}-panic-{k}")), &input);
                }
            }
        }
        t.slowest = t.slowest.max(took);
        if used > t.most_memory {
            t.most_memory = used;
            t.most_memory_input = (k, input.len());
            if let Ok(dir) = std::env::var("FUZZ_DUMP") {
                let _ = std::fs::write(Path::new(&dir).join(format!("{seed}-most-memory")), &input);
            }
        }
        if took > MAX_TIME {
            t.over_time.push(format!("{}: {took:?}", what()));
        }
        if used > 10 * input.len() + ALLOWANCE {
            t.over_memory.push(format!("{}: {used} bytes", what()));
        }
    }
    t.took = start.elapsed();
    println!(
        "{name}: {} inputs, {} refused, {} panics, slowest {:?}, most memory {} KB (input {} of {} bytes), {:?} in all",
        t.inputs,
        t.refused,
        t.panics.len(),
        t.slowest,
        t.most_memory / 1024,
        t.most_memory_input.0,
        t.most_memory_input.1,
        t.took
    );
    t
}

/// Every reader, `count` inputs each; asserts no panic, no input over time
/// or memory.
fn fuzz_all(count: usize) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Panics are counted, not printed.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let path = Path::new("fuzz.csv");
    let quick = ImportOptions::default();
    let careful = ImportOptions {
        careful: true,
        ..ImportOptions::default()
    };
    let csv_read = |b: &[u8]| {
        let q = import_csv_bytes(b, path, &quick, &mut |_| true);
        let c = import_csv_bytes(b, path, &careful, &mut |_| true);
        // Both routes take a file or refuse it alike.
        assert_eq!(q.is_ok(), c.is_ok(), "quick and careful disagree");
        q.is_ok()
    };
    let xpath = Path::new("fuzz.xlsx");
    let xlsx_read = |b: &[u8]| {
        let q = import_xlsx_bytes(b, xpath, &quick, &mut |_| true);
        let c = import_xlsx_bytes(b, xpath, &careful, &mut |_| true);
        if let Err(e) = &c {
            // Worded for both languages.
            assert!(!e.message(Lang::Id).is_empty());
        }
        q.is_ok() || c.is_ok()
    };
    let scenario_read = |b: &[u8]| match scenario_from_str(&String::from_utf8_lossy(b)) {
        Ok(_) => true,
        Err(e) => {
            assert!(!e.message(Lang::Id).is_empty());
            false
        }
    };
    let activities_read = |b: &[u8]| {
        if b.starts_with(b"PK") {
            activities_from_xlsx(b, "fuzz.xlsx", None).is_ok()
        } else {
            activities_from_csv(b, "fuzz.csv").is_ok()
        }
    };
    let activity_seeds = vec![
        read("tests/activities_puskesmas.csv"),
        fixed_dates(activity_table_xlsx()),
    ];
    fn activity_mutation(rng: &mut Rng, b: &[u8]) -> Vec<u8> {
        if b.starts_with(b"PK") {
            mutate_workbook(rng, b)
        } else {
            mutate_text(rng, b)
        }
    }
    let tallies = [
        run("CSV data", &csv_seeds(), count, 1, mutate_text, &csv_read),
        run(
            "xlsx data",
            &xlsx_seeds(),
            count,
            2,
            mutate_workbook,
            &xlsx_read,
        ),
        run(
            ".bidan scenario",
            &scenario_seeds(),
            count,
            3,
            mutate_text,
            &scenario_read,
        ),
        run(
            "activity table",
            &activity_seeds,
            count,
            4,
            activity_mutation,
            &activities_read,
        ),
    ];
    std::panic::set_hook(hook);
    for t in &tallies {
        assert!(
            t.panics.is_empty(),
            "panics: {:?}",
            &t.panics[..t.panics.len().min(5)]
        );
        assert!(
            t.over_time.is_empty(),
            "too slow: {:?}",
            &t.over_time[..t.over_time.len().min(5)]
        );
        assert!(
            t.over_memory.is_empty(),
            "too much memory: {:?}",
            &t.over_memory[..t.over_memory.len().min(5)]
        );
        // Mutants are refused and taken both: the run reaches past the
        // first check of each reader.
        assert!(
            t.inputs == 0 || (t.refused > 0 && t.refused < t.inputs),
            "{t:?}"
        );
    }
}

/// The short run, part of every `cargo test`.
#[test]
fn every_reader_survives_a_short_fuzz_run() {
    fuzz_all(2500);
}

/// The long run: `FUZZ_INPUTS` inputs per reader (default 10⁵).
#[test]
#[ignore = "long: run in release with --ignored"]
fn every_reader_survives_a_long_fuzz_run() {
    let count = std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    fuzz_all(count);
}

/// Runs the CSV and workbook readers on the file `FUZZ_REPLAY` names
/// (an input the run wrote with `FUZZ_DUMP`), showing any panic.
#[test]
#[ignore = "for an input a fuzz run wrote"]
fn replay_one_input() {
    let Ok(file) = std::env::var("FUZZ_REPLAY") else {
        return;
    };
    let bytes = std::fs::read(&file).unwrap();
    let path = Path::new("fuzz.csv");
    for careful in [false, true] {
        let options = ImportOptions {
            careful,
            ..ImportOptions::default()
        };
        let csv = import_csv_bytes(&bytes, path, &options, &mut |_| true);
        println!("csv careful={careful}: {:?}", csv.map(|i| i.rows.len()));
        let xlsx = import_xlsx_bytes(&bytes, Path::new("fuzz.xlsx"), &options, &mut |_| true);
        println!("xlsx careful={careful}: {:?}", xlsx.map(|i| i.rows.len()));
    }
}
