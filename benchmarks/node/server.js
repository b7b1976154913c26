// The race partner for benchmarks/load.sh: Tableau's JavaScript connected-app sample (tableau/connected-apps-jwt-samples,
// javascript/index.js: jsonwebtoken, header { alg, typ, kid, iss }, claims jti, aud, sub, scp, exp) behind an Express
// route, with the same API-key check Vizgate's token route makes (SHA-256 of the bearer key, compared in constant time).
// Usage: PORT=… API_KEY_SHA256=… SECRET=… node server.js
"use strict";
const crypto = require("crypto");
const express = require("express");
const jwt = require("jsonwebtoken");

const port = Number(process.env.PORT || 18190);
const keySha = Buffer.from(process.env.API_KEY_SHA256 || "", "hex");
// The sample passes the secret as a string; jsonwebtoken 9 then spends about half a millisecond per token turning it
// into a key (measured here: 500 µs against 22 µs). Made once, as a KeyObject, the race is against the library at its best.
const secret = crypto.createSecretKey(Buffer.from(process.env.SECRET || "", "utf8"));
const clientId = "load-client";
const secretId = "s1";
const scopes = ["tableau:views:embed"];

const app = express();
app.disable("x-powered-by");
app.use(express.json({ limit: "16kb" }));

app.post("/v1/tableau/token", (req, res) => {
  const auth = req.get("authorization") || "";
  const presented = crypto.createHash("sha256").update(auth.startsWith("Bearer ") ? auth.slice(7) : "").digest();
  if (keySha.length !== presented.length || !crypto.timingSafeEqual(keySha, presented)) {
    return res.status(401).type("application/problem+json").send({ title: "unauthenticated" });
  }
  const user = req.body && req.body.user;
  if (typeof user !== "string" || user.length === 0) {
    return res.status(400).type("application/problem+json").send({ title: "invalid-request" });
  }
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "HS256", typ: "JWT", kid: secretId, iss: clientId };
  const data = { jti: crypto.randomUUID(), iss: clientId, aud: "tableau", sub: user, scp: scopes, iat: now - 5, exp: now + 5 * 60 };
  const token = jwt.sign(data, secret, { header });
  res.set("Cache-Control", "no-store").send({ token, expiresAt: new Date((now + 5 * 60) * 1000).toISOString() });
});

app.listen(port, "127.0.0.1", () => console.log(`express listening on ${port}`));
