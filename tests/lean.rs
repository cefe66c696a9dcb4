//! The library stays lean: a program that links it gets only what tagging needs. The
//! command line's crates (clap, indicatif) belong to the `cli/` package.

#[test]
fn the_library_depends_only_on_what_tagging_needs() {
    let manifest = include_str!("../Cargo.toml");
    let deps = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .expect("Cargo.toml has a [dependencies] table")
        .split("\n[")
        .next()
        .unwrap_or("");
    let names: Vec<&str> = deps
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split([' ', '=']).next())
        .collect();
    let allowed =
        ["aho-corasick", "unicode-segmentation", "unicode-normalization", "serde", "serde_json", "once_cell"];
    assert!(!names.is_empty(), "no dependencies parsed from {deps:?}");
    for n in &names {
        assert!(allowed.contains(n), "the library depends on {n}, which tagging does not need");
    }
}

#[test]
fn the_command_is_its_own_package() {
    let cli = include_str!("../cli/Cargo.toml");
    assert!(cli.contains("name = \"gazetteer\""), "cli/Cargo.toml builds the binary `gazetteer`");
    assert!(cli.contains("clap"), "the command keeps clap to itself");
}
