//! Reading spaCy EntityRuler pattern files: one JSON object a line.

use super::attrs::{Attr, ValueKind};
use super::compile::{Cmp, Constraint, FxSet, Quant, Spec, Step, Test};
use super::Pattern;
use crate::label::Label;
use regex::RegexBuilder;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The largest count an operator `{n}`, `{n,m}`, `{n,}` or `{,m}` may give: each count is a
/// step of the compiled pattern, and matching costs grow with the steps.
pub const MAX_REPEAT: u64 = 100;

/// The most memory a compiled `REGEX` may take.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Parses one line (a JSON object) into a pattern; errors are the reason alone.
pub(crate) fn parse_line(line: &str, source: &Arc<str>, line_no: usize) -> Result<Pattern, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let Value::Object(obj) = v else {
        return Err("a pattern must be a JSON object with \"label\" and \"pattern\"".into());
    };
    let label = match obj.get("label") {
        Some(Value::String(s)) => Label::custom(s).map_err(|e| format!("bad \"label\": {e}"))?,
        Some(_) => return Err("\"label\" must be a string".into()),
        None => return Err("missing \"label\"".into()),
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(Arc::from(s.as_str())),
        Some(Value::Number(n)) => Some(Arc::from(n.to_string())),
        Some(_) => return Err("\"id\" must be a string".into()),
    };
    let priority = match obj.get("priority") {
        None => 0,
        Some(v) => v
            .as_i64()
            .and_then(|p| i32::try_from(p).ok())
            .ok_or_else(|| format!("\"priority\" must be a whole number (32 bits), not {v}"))?,
    };
    let (specs, steps) = match obj.get("pattern") {
        Some(Value::String(phrase)) => phrase_steps(phrase)?,
        Some(Value::Array(tokens)) => token_steps(tokens)?,
        Some(_) => return Err("\"pattern\" must be a string (a phrase) or a list of token dicts".into()),
        None => return Err("missing \"pattern\"".into()),
    };
    Ok(Pattern { label, id, priority, source: source.clone(), line: line_no, specs, steps })
}

/// A phrase: its tokens (by this crate's tokenizer), each matched by its exact text.
pub(crate) fn phrase_steps(phrase: &str) -> Result<(Vec<Spec>, Vec<Step>), String> {
    let tokens = crate::tokenize::tokenize(phrase);
    if tokens.is_empty() {
        return Err("the phrase has no tokens".into());
    }
    let specs: Vec<Spec> = tokens
        .iter()
        .map(|t| Spec {
            constraints: vec![Constraint { attr: Attr::Orth, test: Test::Str(t.text(phrase).into()) }],
            key: serde_json::json!({ "ORTH": t.text(phrase) }).to_string().into(),
        })
        .collect();
    let steps = (0..specs.len() as u32).map(|spec| Step { spec, quant: Quant::One }).collect();
    Ok((specs, steps))
}

fn token_steps(tokens: &[Value]) -> Result<(Vec<Spec>, Vec<Step>), String> {
    if tokens.is_empty() {
        return Err("the token pattern is empty".into());
    }
    let (mut specs, mut steps) = (Vec::new(), Vec::new());
    for (k, t) in tokens.iter().enumerate() {
        let Value::Object(dict) = t else {
            return Err(format!("token {}: a token must be a JSON object, not {t}", k + 1));
        };
        let (spec, quants) = token_dict(dict).map_err(|e| format!("token {}: {e}", k + 1))?;
        let idx = specs.len() as u32;
        specs.push(spec);
        steps.extend(quants.into_iter().map(|quant| Step { spec: idx, quant }));
    }
    Ok((specs, steps))
}

fn token_dict(dict: &Map<String, Value>) -> Result<(Spec, Vec<Quant>), String> {
    let mut spec = Spec::default();
    let mut quants = vec![Quant::One];
    let mut written = dict.clone();
    written.remove("OP");
    spec.key = Value::Object(written).to_string().into();
    for (key, value) in dict {
        if key == "OP" {
            let Value::String(op) = value else {
                return Err(format!("bad OP {value}: it must be a string"));
            };
            quants = parse_op(op)?;
            continue;
        }
        let attr = Attr::from_key(key)?;
        spec.constraints.extend(value_tests(attr, value).map_err(|e| format!("{key}: {e}"))?);
    }
    Ok((spec, quants))
}

/// An operator as a sequence of steps.
pub(crate) fn parse_op(op: &str) -> Result<Vec<Quant>, String> {
    let bad = || {
        format!(
            "bad OP {op:?}: use \"?\", \"*\", \"+\", \"!\", \"{{n}}\", \"{{n,m}}\", \"{{n,}}\" or \"{{,m}}\""
        )
    };
    Ok(match op {
        "?" => vec![Quant::Opt],
        "*" => vec![Quant::Star],
        "+" => vec![Quant::One, Quant::Star],
        "!" => vec![Quant::Not],
        "1" => vec![Quant::One],
        _ => {
            let inner = op.strip_prefix('{').and_then(|s| s.strip_suffix('}')).ok_or_else(bad)?;
            let count = |s: &str| -> Result<Option<u64>, String> {
                if s.is_empty() {
                    return Ok(None);
                }
                if !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                match s.parse::<u64>() {
                    Ok(n) if n <= MAX_REPEAT => Ok(Some(n)),
                    _ => Err(format!("bad OP {op:?}: counts above {MAX_REPEAT} are not supported")),
                }
            };
            let (min, max) = match inner.split_once(',') {
                None => {
                    let n = count(inner)?.ok_or_else(bad)?;
                    (n, Some(n))
                }
                Some((a, b)) => {
                    let (a, b) = (count(a)?, count(b)?);
                    if a.is_none() && b.is_none() {
                        return Err(bad());
                    }
                    (a.unwrap_or(0), b)
                }
            };
            if max.is_some_and(|m| m < min) {
                return Err(format!("bad OP {op:?}: the maximum is below the minimum"));
            }
            let mut q = vec![Quant::One; min as usize];
            match max {
                Some(m) => q.extend(std::iter::repeat(Quant::Opt).take((m - min) as usize)),
                None => q.push(Quant::Star),
            }
            q
        }
    })
}

/// The tests a value (plain or a dict of predicates) puts on an attribute.
fn value_tests(attr: Attr, value: &Value) -> Result<Vec<Constraint>, String> {
    let kind = attr.value_kind();
    let c = |test| Constraint { attr, test };
    if let Value::Object(preds) = value {
        if preds.is_empty() {
            return Err("an empty dict of predicates".into());
        }
        return preds.iter().map(|(k, v)| predicate(attr, k, v).map(c)).collect();
    }
    Ok(vec![c(match (kind, value) {
        (ValueKind::Str, Value::String(s)) => Test::Str(s.as_str().into()),
        (ValueKind::Int, Value::Number(_)) => Test::Int(Cmp::Eq, int(value)?),
        (ValueKind::Bool, Value::Bool(b)) => Test::Bool(*b),
        _ => return Err(format!("{value} is not {}", kind_name(kind))),
    })])
}

fn predicate(attr: Attr, key: &str, v: &Value) -> Result<Test, String> {
    let kind = attr.value_kind();
    match (key, kind) {
        ("IN" | "NOT_IN", ValueKind::Str) => {
            let set = list(key, v)?
                .iter()
                .map(|x| {
                    x.as_str().map(Box::<str>::from).ok_or_else(|| format!("{key}: {x} is not a string"))
                })
                .collect::<Result<FxSet<_>, _>>()?;
            Ok(if key == "IN" { Test::StrIn(set) } else { Test::StrNotIn(set) })
        }
        ("IN" | "NOT_IN", ValueKind::Int) => {
            let ns = list(key, v)?.iter().map(int).collect::<Result<Vec<_>, _>>()?;
            Ok(if key == "IN" { Test::IntIn(ns) } else { Test::IntNotIn(ns) })
        }
        ("REGEX", ValueKind::Str) => {
            let pat = v.as_str().ok_or_else(|| format!("REGEX: {v} is not a string"))?;
            let re = RegexBuilder::new(pat)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| format!("bad REGEX {pat:?}: {}", one_line(&e.to_string())))?;
            Ok(Test::Regex(re))
        }
        (_, ValueKind::Int) if Cmp::from_key(key).is_some() => {
            Ok(Test::Int(Cmp::from_key(key).unwrap_or(Cmp::Eq), int(v)?))
        }
        ("REGEX", _) => Err("REGEX applies to string attributes only".into()),
        ("IN" | "NOT_IN", _) => Err(format!("{key} does not apply to true/false attributes")),
        _ if Cmp::from_key(key).is_some() => {
            Err(format!("{key} compares numbers: it applies to LENGTH only"))
        }
        _ => {
            Err(format!("unsupported predicate {key:?} (supported: IN, NOT_IN, REGEX, ==, !=, >=, <=, >, <)"))
        }
    }
}

fn list<'v>(key: &str, v: &'v Value) -> Result<&'v Vec<Value>, String> {
    v.as_array().ok_or_else(|| format!("{key} takes a list, not {v}"))
}

fn int(v: &Value) -> Result<i64, String> {
    v.as_i64().ok_or_else(|| format!("{v} is not a whole number"))
}

fn kind_name(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Str => "a string",
        ValueKind::Int => "a whole number",
        ValueKind::Bool => "true or false",
    }
}

/// The regex crate's errors span several lines (the pattern, a caret, the reason): one
/// line keeps `FILE:LINE: reason` on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
