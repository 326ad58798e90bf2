//! Turns the text catalogues `assets/lang/id.txt` and `assets/lang/en.txt`
//! into Rust: one `T` variant per key and one table of texts per language.
//! A key missing from one language, a key given twice or a malformed line
//! stops the build with the file and line, so a text can never be missing at
//! run time.
//!
//! For a Windows target it also compiles the program's icon and version
//! information (`packaging/windows/proyeksi-bidan.ico`) with mingw's `windres`
//! into the `.exe`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LANGS: [(&str, &str); 2] = [("ID", "assets/lang/id.txt"), ("EN", "assets/lang/en.txt")];

fn main() {
    windows_resource();
    let mut catalogues = Vec::new();
    for (name, path) in LANGS {
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(path, 0, &e.to_string()));
        catalogues.push((name, path, parse(path, &text)));
    }
    let (_, first_path, first) = &catalogues[0];
    for (_, path, cat) in &catalogues[1..] {
        for key in first.keys() {
            if !cat.contains_key(key) {
                fail(
                    path,
                    0,
                    &format!("key `{key}` is in {first_path} but not here"),
                );
            }
        }
        for key in cat.keys() {
            if !first.contains_key(key) {
                fail(
                    path,
                    0,
                    &format!("key `{key}` is here but not in {first_path}"),
                );
            }
        }
    }

    let mut out = String::new();
    out.push_str(
        "/// Every text the program shows, by its key in `assets/lang/*.txt`.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n\
         #[allow(non_camel_case_types)]\n\
         pub enum T {\n",
    );
    for key in first.keys() {
        let _ = writeln!(out, "    {key},");
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// How many texts each catalogue holds.\npub const COUNT: usize = {};\n",
        first.len()
    );
    out.push_str(
        "impl T {\n    /// Every key, in catalogue order.\n    pub const ALL: [T; COUNT] = [\n",
    );
    for key in first.keys() {
        let _ = writeln!(out, "        T::{key},");
    }
    out.push_str("    ];\n\n    /// The key as written in the catalogues.\n    pub fn key(self) -> &'static str {\n        KEYS[self as usize]\n    }\n}\n\n");
    out.push_str("static KEYS: [&str; COUNT] = [\n");
    for key in first.keys() {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    for (name, _, cat) in &catalogues {
        let _ = writeln!(out, "static {name}: [&str; COUNT] = [");
        for text in cat.values() {
            let _ = writeln!(out, "    {text:?},");
        }
        out.push_str("];\n\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    std::fs::write(dest, out).expect("the build folder is writable");
}

/// `key = text` lines; `#` starts a comment line; `\n` in a text is a line
/// break; a text in double quotes keeps its leading and trailing spaces.
fn parse(path: &str, text: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            fail(path, n, "expected `key = text`");
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            || key.as_bytes()[0].is_ascii_digit()
        {
            fail(path, n, &format!("`{key}` is not a key (a-z, 0-9 and _)"));
        }
        let mut value = value.trim();
        if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
            value = &value[1..value.len() - 1];
        }
        let value = unescape(value).unwrap_or_else(|e| fail(path, n, &e));
        if value.trim().is_empty() {
            fail(path, n, &format!("`{key}` has no text"));
        }
        if map.insert(key.to_string(), value).is_some() {
            fail(path, n, &format!("`{key}` is given twice"));
        }
    }
    map
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('t') => out.push('\t'),
            other => {
                return Err(format!(
                    "unknown escape `\\{}`",
                    other.map(String::from).unwrap_or_default()
                ));
            }
        }
    }
    Ok(out)
}

fn fail(path: &str, line: usize, msg: &str) -> ! {
    if line > 0 {
        panic!("{path}:{line}: {msg}");
    }
    panic!("{path}: {msg}");
}

/// Embeds the icon and version information into the Windows `.exe`: a
/// resource script written here, compiled by `windres` (mingw's, or the one
/// named by `WINDRES`) and linked into the program.
fn windows_resource() {
    const ICON: &str = "packaging/windows/proyeksi-bidan.ico";
    println!("cargo::rerun-if-changed={ICON}");
    println!("cargo::rerun-if-env-changed=WINDRES");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let out_dir = std::path::PathBuf::from(env("OUT_DIR"));
    let icon = Path::new(&env("CARGO_MANIFEST_DIR")).join(ICON);
    let version = env("CARGO_PKG_VERSION");
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let file_version = format!("{},{},{},0", n(0), n(1), n(2));
    let rc_text = |s: &str| s.replace('\\', "\\\\").replace('"', "\"\"");
    let rc = format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {file_version}
PRODUCTVERSION {file_version}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042104B0"
    BEGIN
      VALUE "CompanyName", "Proyeksi Bidan"
      VALUE "FileDescription", "Proyeksi Bidan"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "proyeksi-bidan"
      VALUE "LegalCopyright", "{license}"
      VALUE "OriginalFilename", "proyeksi-bidan.exe"
      VALUE "ProductName", "Proyeksi Bidan"
      VALUE "ProductVersion", "{version}"
      VALUE "Comments", "{description}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0421, 1200
  END
END
"#,
        icon = rc_text(&icon.to_string_lossy().replace('\\', "/")),
        license = rc_text(&env("CARGO_PKG_LICENSE")),
        description = rc_text(&env("CARGO_PKG_DESCRIPTION")),
    );
    let rc_path = out_dir.join("proyeksi-bidan.rc");
    let obj = out_dir.join("proyeksi-bidan-res.o");
    std::fs::write(&rc_path, rc).expect("the build folder is writable");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        if env("CARGO_CFG_TARGET_ENV") == "gnu" && !cfg!(windows) {
            format!("{}-w64-mingw32-windres", env("CARGO_CFG_TARGET_ARCH"))
        } else {
            "windres".to_string()
        }
    });
    let status = std::process::Command::new(&windres)
        .arg("--input-format=rc")
        .arg("--output-format=coff")
        .arg("-i")
        .arg(&rc_path)
        .arg("-o")
        .arg(&obj)
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("cargo::rustc-link-arg-bins={}", obj.display());
        }
        Ok(s) => fail(
            &rc_path.to_string_lossy(),
            0,
            &format!("{windres} failed ({s})"),
        ),
        Err(e) => fail(
            &rc_path.to_string_lossy(),
            0,
            &format!(
                "cannot run {windres} ({e}); install mingw-w64 (packaging/build-windows.sh does)"
            ),
        ),
    }
}
