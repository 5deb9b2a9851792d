/* Reads a corpus of answer-file texts (JSON: [{text, scale, version, spec}]) from the file named
 * on the command line and prints the browser check's verdict code for each, as a JSON list.
 * tests/test_answer_files.py compares them with the Python model's verdicts. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const A = require(path.join(__dirname, "..", "..", "docs", "javascripts", "tp-answers.js"));

const corpus = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(corpus.map((c) => A.checkText(c.text, c.scale, c.version, c.spec).code)));
