// Verifies recorded webhook calls with the official Standard Webhooks library in its default mode.
// Input (a JSON file named as the only argument): [{"secret": "whsec_...", "body": "<exact body>",
// "headers": {"webhook-id": ..., "webhook-timestamp": ..., "webhook-signature": ...}}, ...]
// Output (stdout, one JSON array in the same order): [{"verified": true} | {"verified": false, "error": "..."}]
"use strict";
const fs = require("node:fs");
const { Webhook } = require("standardwebhooks");

const calls = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = calls.map(({ secret, body, headers }) => {
  try {
    new Webhook(secret).verify(body, headers);
    return { verified: true };
  } catch (e) {
    return { verified: false, error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results) + "\n");
