#!/usr/bin/env python3
"""Prepares the claims of the throughput benchmark (used by bench/run.sh).

usage: claims_setup.py BASE TOKEN ROSTER.csv DATA_OUT SEED_CLAIMS

BASE is the portal (http://127.0.0.1:PORT), TOKEN an operator's bearer token (the demo 'operator',
a UNION_OPERATOR of 梁溪区实验幼儿园工会), ROSTER.csv a gig workers' roster from gen_roster.py.

1. Enrols the roster in the current WX-XINBAO plan (gig workers, free, so ACTIVE right after the
   confirm; cover from 1 January of the demo's year): upload + preview, then confirm.
2. Collects the new enrolments' ids (GET /api/mutual-aid/enrolments?batchId=..., pages of 500).
3. The event dates that give a payable claim: from the first day after the illness waiting period
   (coverStart + waitingDays) to the earlier of the cover's end and yesterday in Shanghai.
4. Writes DATA_OUT for bench/write_claim.lua: first line "FIRST_EPOCH_DAY DAYS", then one enrolment
   id a line.
5. Files SEED_CLAIMS claims through POST /api/mutual-aid/claims (so that the claims list has full
   pages of SUBMITTED claims for the list benchmark) and checks every answer is 201 and the first
   one's assessment payable, without rejections: the body wrk sends is then a valid claim.

Claim number g (0, 1, 2, ...) is a one-day HOSPITAL_STAY on enrolment ids[g % N] on day
FIRST + (g // N) % DAYS: distinct (enrolment, day) pairs for g < N * DAYS, so neither the "same
event" nor the "overlapping stay" check of the module refuses it (409). write_claim.lua uses the
same numbering, continuing after the seeded ones.

Prints one JSON line: enrolments, days, first day, capacity (N * DAYS), seeded, nextIndex, and a
sample of the first claim's assessment.
"""
import datetime
import http.client
import json
import sys
import urllib.parse
import zoneinfo

BODY = ('{{"enrolmentId":{e},"eventType":"HOSPITAL_STAY","eventDate":"{d}","admissionDate":"{d}",'
        '"dischargeDate":"{d}","hospital":"无锡市第二人民医院","diagnosis":"bench",'
        '"totalCostFen":300000,"basicInsuranceFen":180000,"commercialInsuranceFen":0}}')


class Api:
    def __init__(self, base, token):
        u = urllib.parse.urlsplit(base)
        if u.hostname != "127.0.0.1":
            sys.exit("claims_setup.py talks to 127.0.0.1 only")
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
        self.headers = {"Authorization": "Bearer " + token}

    def call(self, method, path, body=None, content_type=None):
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, (json.loads(data) if data else None)

    def ok(self, method, path, body=None, content_type=None, want=(200, 201)):
        status, doc = self.call(method, path, body, content_type)
        if status not in want:
            sys.exit(f"{method} {path} answered {status}: {json.dumps(doc, ensure_ascii=False)[:500]}")
        return doc


def main():
    base, token, roster, data_out, seed_claims = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    api = Api(base, token)

    plan = next((p for p in api.ok("GET", "/api/mutual-aid/plans") if p["code"] == "WX-XINBAO" and p["current"]), None)
    if plan is None:
        sys.exit("no current WX-XINBAO plan (demo mode?)")
    with open(roster, "rb") as f:
        csv = f.read()
    preview = api.ok("POST", f"/api/mutual-aid/enrolments/uploads?planId={plan['id']}&fileName=bench-gig-workers.csv",
                     csv, "text/csv")
    if not preview.get("canConfirm"):
        sys.exit(f"gig workers' roster refused: {json.dumps(preview, ensure_ascii=False)[:500]}")
    batch = api.ok("POST", f"/api/mutual-aid/enrolments/uploads/{preview['uploadId']}/confirm")
    if batch.get("status") != "ACTIVE":
        sys.exit(f"the gig workers' enrolment is {batch.get('status')}, not ACTIVE: {batch}")

    ids, page = [], 1
    while True:
        doc = api.ok("GET", f"/api/mutual-aid/enrolments?batchId={batch['batchId']}&size=500&page={page}")
        ids += [e["id"] for e in doc["items"]]
        if not doc["items"] or len(ids) >= doc["total"]:
            break
        page += 1
    if len(ids) != batch["persons"]:
        sys.exit(f"found {len(ids)} enrolments of batch {batch['batchId']}, expected {batch['persons']}")

    cover_start = datetime.date.fromisoformat(batch["coverStart"])
    cover_end = datetime.date.fromisoformat(batch["coverEnd"])
    first = cover_start + datetime.timedelta(days=plan["waitingDays"])
    last = min(cover_end, datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date() - datetime.timedelta(days=1))
    days = (last - first).days + 1
    if days < 1:
        sys.exit(f"no day between {first} and {last} for a payable claim")
    epoch = datetime.date(1970, 1, 1)
    with open(data_out, "w") as f:
        f.write(f"{(first - epoch).days} {days}\n")
        f.writelines(f"{i}\n" for i in ids)

    sample = None
    for g in range(seed_claims):
        day = first + datetime.timedelta(days=(g // len(ids)) % days)
        claim = api.ok("POST", "/api/mutual-aid/claims", BODY.format(e=ids[g % len(ids)], d=day).encode(),
                       "application/json", want=(201,))
        if sample is None:
            sample = {"status": claim["status"], "computedFen": claim["computedFen"],
                      "rejections": claim["assessment"]["rejections"]}
            if claim["computedFen"] <= 0 or claim["assessment"]["rejections"]:
                sys.exit(f"the benchmark's claim is not payable: {json.dumps(sample, ensure_ascii=False)}")
    print(json.dumps({"enrolments": len(ids), "days": days, "first": first.isoformat(), "capacity": len(ids) * days,
                      "seeded": seed_claims, "nextIndex": seed_claims, "sample": sample}, ensure_ascii=False))


if __name__ == "__main__":
    main()
