"""Snowball stemmers for the browser, translated from the pinned `snowballstemmer` package.

The search index is stemmed at build time by `snowballstemmer` (Snowball 3.1.1); the reader's
query is stemmed in the browser. To stem both with the same algorithm, the generated Python
code of the Polish and Indonesian stemmers is translated line by line into JavaScript here.
Snowball's generated Python uses a small, regular subset of the language; anything outside it
stops the build (tests compare the two implementations word by word).
"""

from __future__ import annotations

import inspect
import re

import snowballstemmer
from snowballstemmer import indonesian_stemmer, polish_stemmer

MODULES = {"pl": polish_stemmer, "id": indonesian_stemmer}
VERSION = re.search(r"Snowball ([\d.]+)", inspect.getsource(polish_stemmer))[1]

# Base stemmer operations used by the generated code (ported from snowballstemmer.basestemmer).
BASE = r"""
function SnowballBase(word) {
  this.current = word; this.cursor = 0; this.limit = word.length;
  this.limit_backward = 0; this.bra = 0; this.ket = word.length;
}
SnowballBase.prototype = {
  in_grouping: function (g) {
    if (this.cursor >= this.limit || !g.has(this.current[this.cursor])) return false;
    this.cursor++; return true;
  },
  go_in_grouping: function (g) {
    while (this.cursor < this.limit) {
      if (!g.has(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  },
  in_grouping_b: function (g) {
    if (this.cursor <= this.limit_backward || !g.has(this.current[this.cursor - 1])) return false;
    this.cursor--; return true;
  },
  go_in_grouping_b: function (g) {
    while (this.cursor > this.limit_backward) {
      if (!g.has(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  },
  out_grouping: function (g) {
    if (this.cursor >= this.limit || g.has(this.current[this.cursor])) return false;
    this.cursor++; return true;
  },
  go_out_grouping: function (g) {
    while (this.cursor < this.limit) {
      if (g.has(this.current[this.cursor])) return true;
      this.cursor++;
    }
    return false;
  },
  out_grouping_b: function (g) {
    if (this.cursor <= this.limit_backward || g.has(this.current[this.cursor - 1])) return false;
    this.cursor--; return true;
  },
  go_out_grouping_b: function (g) {
    while (this.cursor > this.limit_backward) {
      if (g.has(this.current[this.cursor - 1])) return true;
      this.cursor--;
    }
    return false;
  },
  eq_s: function (s) {
    if (this.limit - this.cursor < s.length || this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length; return true;
  },
  eq_s_b: function (s) {
    if (this.cursor - this.limit_backward < s.length || this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length; return true;
  },
  find_among: function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit, common_i = 0, common_j = 0, first = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = common; i2 < w[0].length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2[0].length) {
        this.cursor = c + w2[0].length;
        if (!w2[3]) return w2[2];
        if (w2[3].call(this)) { this.cursor = c + w2[0].length; return w2[2]; }
      }
      i = w2[1];
      if (i < 0) return 0;
    }
  },
  find_among_b: function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward, common_i = 0, common_j = 0, first = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2[0].length) {
        this.cursor = c - w2[0].length;
        if (!w2[3]) return w2[2];
        if (w2[3].call(this)) { this.cursor = c - w2[0].length; return w2[2]; }
      }
      i = w2[1];
      if (i < 0) return 0;
    }
  },
  replace_s: function (c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  },
  slice_from: function (s) { this.replace_s(this.bra, this.ket, s); this.ket = this.bra + s.length; },
  slice_del: function () { this.slice_from(""); }
};
"""


class UnsupportedCode(Exception):
    """The generated Python uses a construct this translator does not know."""


def _expression(text: str, class_name: str) -> str:
    text = text.replace(f"{class_name}.", "")
    text = re.sub(r"self\.__r_(\w+)\(\)", r"r_\1.call(this)", text)
    text = text.replace("self.", "this.")
    text = re.sub(r"\bnot\b", "!", text)
    text = re.sub(r"\band\b", "&&", text)
    text = re.sub(r"\bor\b", "||", text)
    text = text.replace("True", "true").replace("False", "false").replace("None", "null")
    if re.search(r"\b(len|range|in|is|lambda|import|def|class)\b", text):
        raise UnsupportedCode(text)
    return text


def _among(line: str) -> str:
    match = re.fullmatch(
        r'Among\((u?"(?:[^"\\]|\\.)*"), (-?\d+), (-?\d+)(?:, __r_(\w+))?\),?', line
    )
    if not match:
        raise UnsupportedCode(line)
    text, index, result, method = match.groups()
    method = f", r_{method}" if method else ""
    return f"[{text.lstrip('u')}, {index}, {result}{method}],"


def translate(module) -> str:
    """One stemmer module as a JavaScript function `stem(word) -> stem`."""
    source = inspect.getsource(module)
    class_name = re.search(r"^class (\w+)\(BaseStemmer\)", source, re.M)[1]
    lines = source.split("\n")
    out, stack, labels, fields = [], [], [], []
    in_docstring = False
    for number, raw in enumerate(lines):
        stripped = raw.strip()
        if stripped.startswith("'''"):
            in_docstring = not in_docstring if stripped.count("'''") == 1 else in_docstring
            continue
        if in_docstring or not stripped or stripped.startswith(("#", "from ", "import ", "class ")):
            continue
        indent = len(raw) - len(raw.lstrip())
        continues = re.match(r"(elif|else|except)\b", stripped)
        while stack and stack[-1] >= indent:
            closing = stack.pop()
            if not (continues and closing == indent and not stripped.startswith("except")):
                out.append("}")
        if stripped.startswith("except lab"):
            labels.pop()  # its `try` block was closed above, by indentation
            continue
        out.append(_statement(stripped, class_name, lines, number, indent, stack, labels, fields))
    while stack:
        stack.pop()
        out.append("}")
    body = "\n".join(line for line in out if line)
    init = "".join(f"this.{name} = 0; " for name in fields)
    return (
        f"(function () {{\n{body}\nreturn function (word) {{\n"
        f"var s = new SnowballBase(word); {init.replace('this.', 's.')}stem_.call(s);\n"
        f"return s.current; }}; }})()"
    )


def _statement(stripped, class_name, lines, number, indent, stack, labels, fields) -> str:
    if match := re.fullmatch(r"def __r_(\w+)\(self\):", stripped):
        stack.append(indent)
        return f"function r_{match[1]}() {{"
    if stripped == "def _stem(self):":
        stack.append(indent)
        return "function stem_() {"
    if match := re.fullmatch(r"(g_\w+) = \{(.*)\}", stripped):
        return f"var {match[1]} = new Set([{match[2]}]);"
    if match := re.fullmatch(r"(I_\w+|B_\w+) = (\d+|False|True)", stripped) and indent == 4:
        fields.append(stripped.split(" = ")[0])
        return ""
    if match := re.fullmatch(r"(as_\d+) = \((.*)\)", stripped):
        return f"var {match[1]} = [{match[2]}];"
    if match := re.fullmatch(r"(a_\d+) = \[", stripped):
        return f"var {match[1]} = ["
    if stripped.startswith("Among("):
        return _among(stripped)
    if stripped == "]":
        return "];"
    if stripped == "try:":
        label = _label_of(lines, number, indent)
        labels.append(label)
        stack.append(indent + 1)  # closed by its `except` line, not by indentation
        return f"{label}: {{"
    if match := re.fullmatch(r"raise (lab\d+)\(\)", stripped):
        return f"break {match[1]};"
    if stripped == "while True:":
        stack.append(indent)
        return "while (true) {"
    if match := re.fullmatch(r"if (.*):", stripped):
        stack.append(indent)
        return f"if ({_expression(match[1], class_name)}) {{"
    if match := re.fullmatch(r"elif (.*):", stripped):
        stack.append(indent)
        return f"}} else if ({_expression(match[1], class_name)}) {{"
    if stripped == "else:":
        stack.append(indent)
        return "} else {"
    if stripped in ("break", "continue"):
        return stripped + ";"
    if match := re.fullmatch(r"return (.*)", stripped):
        return f"return {_expression(match[1], class_name)};"
    if match := re.fullmatch(r"(v_\d+|among_var) = (.*)", stripped):
        return f"var {match[1]} = {_expression(match[2], class_name)};"
    if re.fullmatch(r"self\.\w+ [-+]?= .*|self\.\w+\(.*\)", stripped):
        return _expression(stripped, class_name) + ";"
    raise UnsupportedCode(stripped)


def _label_of(lines: list[str], number: int, indent: int) -> str:
    for line in lines[number + 1 :]:
        current = len(line) - len(line.lstrip())
        if line.strip() and current == indent and line.strip().startswith("except lab"):
            return re.match(r"except (lab\d+)", line.strip())[1]
        if line.strip() and current < indent:
            break
    raise UnsupportedCode(f"try without its except near line {number + 1}")


def javascript() -> str:
    """The browser file: the base, one stemmer per language, and `kbStemmers[lang](word)`."""
    stemmers = ",\n".join(f'"{lang}": {translate(module)}' for lang, module in MODULES.items())
    return (
        f"/* Snowball {VERSION} stemmers, translated from snowballstemmer "
        f"by scripts/plugin/search/stemmers.py */\n{BASE}\nvar kbStemmers = {{\n{stemmers}\n}};\n"
    )


def stem(lang: str, word: str) -> str:
    return _PYTHON[lang].stemWord(word)


_PYTHON = {"pl": snowballstemmer.stemmer("polish"), "id": snowballstemmer.stemmer("indonesian")}
