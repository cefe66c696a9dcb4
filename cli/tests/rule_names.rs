//! `Rules::NAMES` is the command's list of rules, and an unknown rule name is an error
//! that lists them.

use gazetteer::Rules;
use std::process::Command;

fn gazetteer(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gazetteer")).args(args).output().expect("the command runs")
}

#[test]
fn names_are_the_commands_list() {
    let out = gazetteer(&["tag", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    let at = help.find("--disable-rule").expect("tag --help documents --disable-rule");
    let para = &help[at..];
    let (open, close) = (para.find('(').expect("a list in brackets"), para.find(')').expect("closed"));
    let listed: Vec<&str> = para[open + 1..close].split(',').map(str::trim).collect();
    assert_eq!(
        listed,
        Rules::NAMES,
        "help: the --disable-rule help and Rules::NAMES must list the same rules"
    );
}

#[test]
fn every_name_switches_one_rule() {
    let mut all_off = Rules::all();
    for name in Rules::NAMES {
        let mut r = Rules::all();
        r.set(name, false).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(r, Rules::all(), "{name} switched nothing off");
        let mut back = r;
        back.set(name, true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, Rules::all(), "{name} on again");
        all_off.set(name, false).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(all_off, Rules::none(), "help: a rule of Rules has no name in Rules::NAMES");
}

#[test]
fn an_unknown_name_is_an_error_that_lists_the_names() {
    let mut r = Rules::all();
    let e = r.set("cofer", false).unwrap_err();
    assert_eq!(e.name(), "cofer");
    let msg = e.to_string();
    assert!(msg.contains("\"cofer\""), "{msg}");
    for name in Rules::NAMES {
        assert!(msg.contains(name), "{msg} lacks {name}");
    }
    assert_eq!(r, Rules::all(), "a failed set changes nothing");
}

#[test]
fn the_command_rejects_an_unknown_rule() {
    let dir = std::env::temp_dir().join(format!("gazetteer-rule-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.txt");
    std::fs::write(&file, "Talks in Basra.").expect("write");
    let out = gazetteer(&["tag", "--disable-rule", "cofer", file.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cofer"), "{err}");
    for name in Rules::NAMES {
        assert!(err.contains(name), "the error lacks {name}: {err}");
    }
}
