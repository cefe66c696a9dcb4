//! Compiled patterns: token tests, steps with their quantifiers, and the index that
//! decides at which tokens a pattern is started.

use super::attrs::{
    base_classes, Attr, ClassSet, TokenAttrs, ALL_CLASSES, C_DIGIT, C_LOWER, C_OTHER, C_PUNCT, C_UPPER,
    IN_ENT, OUT_ENT,
};
use super::EntityTokens;
use crate::fxhash::FxMap;
pub(crate) use crate::fxhash::FxSet;
use crate::tokenize::Token;
use regex::Regex;

/// A comparison of `LENGTH` with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cmp {
    Eq,
    Ne,
    Ge,
    Le,
    Gt,
    Lt,
}

impl Cmp {
    pub(crate) fn from_key(k: &str) -> Option<Cmp> {
        Some(match k {
            "==" => Cmp::Eq,
            "!=" => Cmp::Ne,
            ">=" => Cmp::Ge,
            "<=" => Cmp::Le,
            ">" => Cmp::Gt,
            "<" => Cmp::Lt,
            _ => return None,
        })
    }

    fn holds(self, a: i64, b: i64) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Ge => a >= b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Lt => a < b,
        }
    }
}

/// What a constraint asks of an attribute's value.
#[derive(Clone, Debug)]
pub(crate) enum Test {
    Str(Box<str>),
    StrIn(FxSet<Box<str>>),
    StrNotIn(FxSet<Box<str>>),
    /// Found anywhere in the value (Python's `re.search`, as spaCy does).
    Regex(Regex),
    Int(Cmp, i64),
    IntIn(Vec<i64>),
    IntNotIn(Vec<i64>),
    Bool(bool),
}

/// One attribute test of a token spec.
#[derive(Clone, Debug)]
pub(crate) struct Constraint {
    pub attr: Attr,
    pub test: Test,
}

/// A token dict without its `OP`: every constraint must hold (an empty spec matches any
/// token).
#[derive(Clone, Debug, Default)]
pub(crate) struct Spec {
    pub constraints: Vec<Constraint>,
    /// The dict as written (keys sorted, `OP` left out): specs with one key test alike,
    /// so patterns that start with one such spec test it once per token.
    pub key: Box<str>,
}

/// How a step consumes tokens; spaCy's operators are sequences of these (`+` is `One`
/// then `Star`, `{2,3}` is `One One Opt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quant {
    /// Exactly one matching token.
    One,
    /// Zero or one.
    Opt,
    /// Zero or more.
    Star,
    /// Exactly one token that does not match (spaCy's `!`).
    Not,
}

/// One step of a pattern: a spec (index into the pattern's specs) and its quantifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub spec: u32,
    pub quant: Quant,
}

/// A document as the token tests see it.
pub(crate) struct DocView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub ents: &'a [EntityTokens<'a>],
}

impl Spec {
    /// Whether token `i` of the document passes every constraint.
    pub(crate) fn matches(&self, doc: &DocView<'_>, attrs: &mut TokenAttrs, i: usize) -> bool {
        self.constraints.iter().all(|c| c.holds(doc, attrs, i))
    }

    /// The classes of the tokens this spec can match (a superset).
    pub(crate) fn classes(&self) -> ClassSet {
        self.constraints.iter().fold(ALL_CLASSES, |acc, c| acc & c.classes())
    }

    /// The literal texts the token must have, if the spec asks for them: `(by ORTH, keys)`.
    pub(crate) fn literal_keys(&self) -> Option<(bool, Vec<&str>)> {
        let mut lower = None;
        for c in &self.constraints {
            let keys: Vec<&str> = match &c.test {
                Test::Str(s) => vec![s],
                Test::StrIn(set) => set.iter().map(|s| &**s).collect(),
                _ => continue,
            };
            match c.attr {
                Attr::Orth => return Some((true, keys)),
                Attr::Lower => lower = lower.or(Some((false, keys))),
                _ => {}
            }
        }
        lower
    }
}

impl Constraint {
    fn holds(&self, doc: &DocView<'_>, attrs: &mut TokenAttrs, i: usize) -> bool {
        let t = &doc.tokens[i];
        let w = t.text(doc.text);
        match self.attr {
            Attr::Orth => self.test.str(w),
            Attr::Lower => self.test.str(attrs.lower(w, i)),
            Attr::Shape => self.test.str(attrs.shape(w, i)),
            Attr::EntType => {
                let e = attrs.ent[i];
                self.test.str(if e == u32::MAX { "" } else { doc.ents[e as usize].label })
            }
            Attr::Length => self.test.int(w.chars().count() as i64),
            Attr::IsSentStart => self.test.bool(attrs.sent_start(doc.text, doc.tokens, i)),
            a => self.test.bool(attrs.flag(w, i, a.flag())),
        }
    }

    fn classes(&self) -> ClassSet {
        let lit = |s: &str| literal_classes(self.attr, s);
        match (self.attr, &self.test) {
            (Attr::Orth | Attr::Lower | Attr::Shape | Attr::EntType, Test::Str(s)) => lit(s),
            (Attr::Orth | Attr::Lower | Attr::Shape | Attr::EntType, Test::StrIn(set)) => {
                set.iter().fold(0, |acc, s| acc | lit(s))
            }
            (_, Test::Bool(true)) => match self.attr {
                Attr::IsPunct => base_classes(&[C_PUNCT]),
                Attr::IsAlpha => base_classes(&[C_UPPER, C_LOWER, C_OTHER]),
                Attr::IsDigit => base_classes(&[C_DIGIT]),
                // A first char in lower case fails `isupper` and `istitle`; one in upper
                // case fails `islower`.
                Attr::IsUpper | Attr::IsTitle => ALL_CLASSES & !base_classes(&[C_LOWER]),
                Attr::IsLower => ALL_CLASSES & !base_classes(&[C_UPPER]),
                Attr::LikeNum => ALL_CLASSES & !base_classes(&[C_PUNCT]),
                _ => ALL_CLASSES,
            },
            _ => ALL_CLASSES,
        }
    }
}

/// The classes of tokens whose attribute `attr` can be `s`.
fn literal_classes(attr: Attr, s: &str) -> ClassSet {
    let first = s.chars().next();
    match attr {
        Attr::EntType if s.is_empty() => OUT_ENT,
        Attr::EntType => IN_ENT,
        Attr::Orth if !s.chars().any(char::is_alphanumeric) => base_classes(&[C_PUNCT]),
        Attr::Orth => base_classes(&[first_class(first)]),
        // The lower-case form of a token that starts with a cased char starts with a cased
        // char: the token's may be upper, lower or title case.
        Attr::Lower if first.is_some_and(|c| c.is_lowercase() || c.is_uppercase()) => {
            base_classes(&[C_UPPER, C_LOWER, C_OTHER])
        }
        Attr::Lower => literal_classes(Attr::Orth, s),
        Attr::Shape => match first {
            Some('X') => base_classes(&[C_UPPER]),
            Some('x') => base_classes(&[C_LOWER, C_OTHER]),
            Some('d') => base_classes(&[C_DIGIT]),
            _ => ALL_CLASSES,
        },
        _ => ALL_CLASSES,
    }
}

fn first_class(c: Option<char>) -> usize {
    match c {
        Some(c) if c.is_uppercase() => C_UPPER,
        Some(c) if c.is_lowercase() => C_LOWER,
        Some(c) if c.is_numeric() => C_DIGIT,
        _ => C_OTHER,
    }
}

impl Test {
    fn str(&self, v: &str) -> bool {
        match self {
            Test::Str(s) => **s == *v,
            Test::StrIn(set) => set.contains(v),
            Test::StrNotIn(set) => !set.contains(v),
            Test::Regex(re) => re.is_match(v),
            _ => false,
        }
    }

    fn int(&self, v: i64) -> bool {
        match self {
            Test::Int(cmp, n) => cmp.holds(v, *n),
            Test::IntIn(ns) => ns.contains(&v),
            Test::IntNotIn(ns) => !ns.contains(&v),
            _ => false,
        }
    }

    fn bool(&self, v: bool) -> bool {
        matches!(self, Test::Bool(b) if *b == v)
    }
}

/// The classes of the first token of any match of `steps`.
pub(crate) fn start_classes(specs: &[Spec], steps: &[Step]) -> ClassSet {
    let mut acc = 0;
    for st in steps {
        match st.quant {
            Quant::Not => return ALL_CLASSES,
            Quant::One => return acc | specs[st.spec as usize].classes(),
            Quant::Opt | Quant::Star => acc |= specs[st.spec as usize].classes(),
        }
    }
    acc
}

/// Where patterns start. By the text of a token, when a pattern's first token is a literal
/// (`ORTH` or `LOWER`, plain or `IN`): one hash look-up per token finds them. Else, when
/// the first token is required, in a group of the patterns that start with the same spec
/// (tested once per token), listed under the classes of the tokens it can match; a
/// pattern of a group whose *second* token is a literal is found by the text of the token
/// after its start, by the same look-up, and its group's spec is tested only then. Else
/// (the first token is optional) by the class of the token alone.
#[derive(Clone, Debug, Default)]
pub(crate) struct StartIndex {
    /// By a token's text (`ORTH`).
    pub orth: FxMap<Box<str>, Starts>,
    /// By its lower-case form (`LOWER`).
    pub lower: FxMap<Box<str>, Starts>,
    /// The ASCII keys of both maps, for [`LiteralFilter::may_hold`].
    pub filter: LiteralFilter,
    pub by_class: [Vec<u32>; super::attrs::CLASSES],
    /// Whether some pattern is started by the class of a token (`by_class` or
    /// `groups_by_class`).
    pub by_class_any: bool,
    pub groups: Vec<StartGroup>,
    /// The groups that have patterns started wherever their spec holds.
    pub groups_by_class: [Vec<u32>; super::attrs::CLASSES],
    group_of: FxMap<Box<str>, u32>,
}

/// A filter on the literal keys of a [`StartIndex`], asked before its maps: most tokens
/// are no key, and this tells most of them apart without hashing the token in full or
/// lower-casing it. A bitset of 2<sup>16</sup> bits (8 KiB), one bit per ASCII key, at a
/// hash of its length and its first, middle and last bytes in ASCII lower case; a key
/// by `ORTH` or by `LOWER` sets the same bit as its text in any case.
#[derive(Clone, Debug, Default)]
pub(crate) struct LiteralFilter {
    /// Whether there is any key.
    any: bool,
    bits: Vec<u64>,
}

impl LiteralFilter {
    const BITS: u32 = 16;

    fn slot(w: &[u8]) -> usize {
        let n = w.len();
        let f = |b: u8| u64::from(b.to_ascii_lowercase());
        let k = n as u64 | f(w[0]) << 16 | f(w[n / 2]) << 24 | f(w[n - 1]) << 32;
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    fn insert(&mut self, key: &str) {
        self.any = true;
        // No token is empty, and no ASCII token has a key that is not ASCII (in any case).
        if key.is_empty() || !key.is_ascii() {
            return;
        }
        if self.bits.is_empty() {
            self.bits = vec![0; 1 << (Self::BITS - 6)];
        }
        let i = Self::slot(key.as_bytes());
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Whether the token of bytes `b` may be a key, by its text or in lower case: always
    /// for a token that is not ASCII. `ascii`: the whole text is known to be ASCII.
    #[inline]
    pub(crate) fn may_hold(&self, b: &[u8], ascii: bool) -> bool {
        if !self.any {
            return false;
        }
        // Tokens are short: one pass that ORs the bytes beats `is_ascii` on them.
        if !ascii && b.iter().fold(0, |acc, &c| acc | c) >= 0x80 {
            return true;
        }
        if self.bits.is_empty() || b.is_empty() {
            return false;
        }
        let i = Self::slot(b);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The patterns a token's text starts (see [`StartIndex`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Starts {
    /// Patterns whose first token has this text: started at the token.
    pub first: Vec<u32>,
    /// `(group, pattern)`: patterns whose second token has this text, started at the
    /// token before when their group's spec holds there; sorted by group.
    pub second: Vec<(u32, u32)>,
}

/// Patterns whose first step is one token of the same spec.
#[derive(Clone, Debug)]
pub(crate) struct StartGroup {
    /// The spec: spec `.1` of pattern `.0`.
    pub spec: (u32, u32),
    /// The classes of the tokens the spec can match.
    pub classes: ClassSet,
    /// Patterns whose second step is no literal: started wherever the spec holds (the
    /// others are in [`StartIndex::orth`] and [`StartIndex::lower`], by their second
    /// token).
    pub patterns: Vec<u32>,
}

impl StartIndex {
    /// Adds pattern `p`.
    pub(crate) fn add(&mut self, p: u32, specs: &[Spec], steps: &[Step]) {
        let literal = |k: usize| {
            steps.get(k).filter(|s| s.quant == Quant::One).and_then(|s| specs[s.spec as usize].literal_keys())
        };
        if let Some((orth, keys)) = literal(0) {
            let map = if orth { &mut self.orth } else { &mut self.lower };
            for k in keys {
                self.filter.insert(k);
                map.entry(k.into()).or_default().first.push(p);
            }
            return;
        }
        let cs = start_classes(specs, steps);
        let Some(first) = steps.first().filter(|s| s.quant == Quant::One) else {
            self.by_class_any = true;
            for (c, list) in self.by_class.iter_mut().enumerate() {
                if cs & (1 << c) != 0 {
                    list.push(p);
                }
            }
            return;
        };
        let key = &specs[first.spec as usize].key;
        let g = match self.group_of.get(key) {
            Some(&g) => g,
            None => {
                let g = self.groups.len() as u32;
                self.groups.push(StartGroup { spec: (p, first.spec), classes: cs, patterns: Vec::new() });
                self.group_of.insert(key.clone(), g);
                g
            }
        };
        if let Some((orth, keys)) = literal(1) {
            let map = if orth { &mut self.orth } else { &mut self.lower };
            for k in keys {
                self.filter.insert(k);
                let second = &mut map.entry(k.into()).or_default().second;
                let at = second.partition_point(|x| x.0 <= g);
                second.insert(at, (g, p));
            }
            return;
        }
        self.by_class_any = true;
        let group = &mut self.groups[g as usize];
        if group.patterns.is_empty() {
            for (c, list) in self.groups_by_class.iter_mut().enumerate() {
                if cs & (1 << c) != 0 {
                    list.push(g);
                }
            }
        }
        group.patterns.push(p);
    }
}
