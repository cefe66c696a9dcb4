//! Pattern files through the command: `--patterns`, their labels, `--disable-rule
//! patterns`, and bad lines.

use std::path::PathBuf;
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/patterns.jsonl");

/// A fresh folder of this test run, and the file `in.txt` in it holding `text`.
fn scratch(name: &str, text: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("gazetteer-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let input = dir.join("in.txt");
    std::fs::write(&input, text).unwrap_or_else(|e| panic!("{e}"));
    (dir, input)
}

#[test]
fn command_takes_pattern_files_and_fails_with_file_and_line() {
    let bin = env!("CARGO_BIN_EXE_gazetteer");
    let (dir, input) = scratch("patterns", "Velcor Mining (NYSE: VLCM) rose.");
    let out = Command::new(bin)
        .args(["tag", "--no-default", "--patterns", EXAMPLE])
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(r#""label":"TICKER""#) && stdout.contains(r#""source":"patterns.jsonl#velcor""#),
        "{stdout}"
    );

    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"label\": \"ORG\", \"pattern\": \"ok\"}\n{\"label\": \"ORG\", \"pattern\": [{\"LEMMA\": \"be\"}]}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(bin)
        .args(["tag", "--no-default", "--patterns"])
        .arg(&bad)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2: token 1: attribute \"LEMMA\" is not supported", bad.display())),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pattern_labels_count_as_declared_and_the_stage_switches_off_like_a_rule() {
    let bin = env!("CARGO_BIN_EXE_gazetteer");
    let (dir, input) = scratch("pattern-stage", "Harlow Dynamics (LSE: HDY) fell.");
    // A gazetteer with a label that only the pattern file declares.
    let names = dir.join("names.tsv");
    std::fs::write(&names, "Harlow Dynamics\tTICKER\n").unwrap_or_else(|e| panic!("{e}"));
    let run = |extra: &[&str]| {
        Command::new(bin)
            .args(["tag", "--no-default", "-g"])
            .arg(&names)
            .args(extra)
            .arg(&input)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let undeclared = run(&[]);
    assert_eq!(undeclared.status.code(), Some(2), "TICKER is not declared without the pattern file");

    let on = run(&["--patterns", EXAMPLE]);
    assert!(on.status.success(), "{}", String::from_utf8_lossy(&on.stderr));
    let stdout = String::from_utf8_lossy(&on.stdout);
    assert!(stdout.contains(r#""source":"patterns.jsonl#exchange-ticker""#), "{stdout}");

    for rules in [&["--rules"][..], &[]] {
        let mut args = vec!["--patterns", EXAMPLE, "--disable-rule", "patterns"];
        args.extend(rules);
        let off = run(&args);
        assert!(off.status.success(), "{}", String::from_utf8_lossy(&off.stderr));
        let stdout = String::from_utf8_lossy(&off.stdout);
        assert!(!stdout.contains("patterns.jsonl"), "{rules:?}: {stdout}");
        assert!(stdout.contains(r#""text":"Harlow Dynamics","label":"TICKER""#), "{rules:?}: {stdout}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
