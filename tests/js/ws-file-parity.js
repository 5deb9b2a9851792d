/* Reads a corpus of worksheet-file texts (JSON: [{text, id, version, spec}]) from the file named on
 * the command line and prints the browser check's verdict ({code, detail}) for each, as a JSON
 * list. tests/test_worksheet_files.py compares them with the Python check's verdicts. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const F = require(path.join(__dirname, "..", "..", "docs", "javascripts", "ws-file.js"));

const corpus = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(corpus.map((c) => F.checkText(c.text, c.id, c.version, c.spec))));
