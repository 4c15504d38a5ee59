#!/usr/bin/env python3
"""A catalogue of generated articles shaped like the seeds, loaded through the API.

Each article is made from its number alone (random.Random(number)), so the same catalogue comes out
every time: 3 to 8 sections, 6 to 15 KB of text, about 25 claim sentences citing journals (with and
without a year) and agencies, related resources, an author out of 200, one to three topics out of 20,
and one in ten a draft.

    bench/catalogue.py load http://127.0.0.1:8080 KEY 50000 [--first 0] [--threads 4] [--batch 50] [--slugs DIR]
    bench/catalogue.py text 7          # print article 7 in the seed format
    bench/catalogue.py fetch http://127.0.0.1:8080 SLUGS_FILE DIR   # GET each article into DIR/<slug> (for nginx)

load sends the articles through POST /v1/imports/batch (NDJSON, each article all-or-nothing) and
prints progress; with --slugs it writes DIR/published.txt and DIR/drafts.txt, one slug a line.
"""
import concurrent.futures
import json
import os
import random
import sys
import time
import urllib.request

SUPPLEMENTS = [
    ("kratom", "Kratom"), ("melatonin", "Melatonin"), ("ashwagandha", "Ashwagandha"), ("cbd", "CBD"),
    ("turmeric", "Turmeric"), ("valerian", "Valerian"), ("kava", "Kava"), ("magnesium", "Magnesium"),
    ("ginseng", "Ginseng"), ("fish oil", "Fish oil"), ("vitamin D", "Vitamin D"), ("curcumin", "Curcumin"),
]
OUTCOMES = [
    "hair loss", "dependence", "withdrawal symptoms", "tolerance", "chronic pain", "muscle soreness",
    "inflammation", "mood", "anxiety", "stress", "sleep quality", "jet lag", "drowsiness", "headaches",
    "nausea", "liver damage", "thyroid function", "testosterone levels", "muscle strength", "immune function",
]
JOURNALS = [
    "Pharmacognosy Research", "Journal of Ethnopharmacology", "Journal of Clinical Medicine", "Nutrients",
    "Frontiers in Pharmacology", "Phytotherapy Research", "Journal of Psychopharmacology", "Drug and Alcohol Dependence",
    "The Lancet", "BMJ", "JAMA Internal Medicine", "Sleep Medicine Reviews", "Journal of Medicinal Food",
    "Complementary Therapies in Medicine", "Journal of Dietary Supplements", "Nutrition Research",
    "British Journal of Clinical Pharmacology", "Clinical Nutrition", "Journal of Pain Research", "Molecules",
]
AGENCIES = ["FDA", "NIH", "CDC", "World Health Organization", "EFSA", "NCCIH", "National Institutes of Health"]
TOPICS = [
    "pain", "sleep", "anxiety", "hair-loss", "mood", "dependence", "withdrawal", "inflammation", "liver",
    "immunity", "stress", "focus", "energy", "recovery", "safety", "dosage", "interactions", "pregnancy",
    "quality", "regulation",
]
FIRST = ["Emily", "James", "Sofia", "Daniel", "Amara", "Lucas", "Priya", "Noah", "Hana", "Mateo",
         "Grace", "Omar", "Elena", "Kenji", "Leah", "Victor", "Nadia", "Samuel", "Ines", "Tomas"]
LAST = ["Parker", "Nguyen", "Rossi", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silva", "Novak"]
AUTHORS = [f"Dr. {FIRST[i % 20]} {LAST[i // 20]}" for i in range(200)]
RESOURCES = [  # one wording per resource: a shared source reads the same in every article
    ("National Institutes of Health (NIH)", "Government Portal", "Research summaries on dietary supplements.", "https://www.nih.gov"),
    ("PubMed", "Academic Database", "Peer-reviewed studies on supplements and their effects.", "https://pubmed.ncbi.nlm.nih.gov/"),
    ("WebMD", "Health Information Website", "Consumer overviews of natural remedies and their risks.", "https://www.webmd.com"),
    ("Mayo Clinic", "Medical Center", "Guidance on supplement safety from clinicians.", "https://www.mayoclinic.org"),
    ("Examine", "Research Digest", "Evidence summaries for individual supplements.", "https://examine.com"),
    ("MedlinePlus", "Government Portal", "Plain-language information on herbs and supplements.", "https://medlineplus.gov"),
    ("Cochrane Library", "Academic Database", "Systematic reviews of clinical evidence.", "https://www.cochranelibrary.com"),
    ("Supplement Review", "Internal Guide", "Our own guide to choosing supplements.", "/supplement-review"),
]
FILLER = [
    "Many readers ask how {s} fits into a daily routine.",
    "Quality varies widely between brands, so choosing a tested product matters.",
    "Dosage, timing and individual differences all shape the experience.",
    "It is worth keeping a simple diary of how you feel over the first weeks.",
    "Talk to a healthcare professional before combining supplements with prescription medicines.",
    "Traditional use of {s} goes back generations in several regions of the world.",
    "Labels can be confusing, and serving sizes are not always comparable.",
    "People with existing conditions should be especially careful.",
    "Consistency tends to matter more than large single doses.",
    "The rest of this section looks at the practical side of {s}.",
]
CLAIMS = [
    "A study published in {j} ({y}) found that {s} may reduce {o}.",
    "Research in {j} suggests that {s} could improve {o} in some adults.",
    "According to the {a}, {s} can cause {o} at high doses.",
    "The {a} has issued warnings about {s} and {o}.",
    "A clinical trial reported in {j} ({y}) showed that {s} did not affect {o}.",
    "Some users report that {s} helps with {o}.",
    "Studies suggest that {s} may influence {o}.",
    "A review in {j} concluded that {s} is linked to {o}.",
]


def sentence(r, s, claims):
    if claims[0] > 0 and r.random() < claims[1]:
        claims[0] -= 1
        return r.choice(CLAIMS).format(j=r.choice(JOURNALS), y=r.randint(1995, 2025), a=r.choice(AGENCIES),
                                       s=s, o=r.choice(OUTCOMES))
    return r.choice(FILLER).format(s=s)


def article(n):
    """Article n: its slug, title, topics, status and text in the seed format."""
    r = random.Random(n)
    key, name = r.choice(SUPPLEMENTS)
    target = r.randint(6000, 15000)
    wanted = r.randint(22, 28)
    claims = [wanted, wanted / (target / 75)]  # claims left, and the share of sentences that make one
    heads = [f"{name} and {o.title()}" if i == 0 else f"Part {i + 1}: {r.choice(OUTCOMES).title()} ({n}.{i})"
             for i, o in enumerate([r.choice(OUTCOMES)] * r.randint(3, 8))]
    lines = [" ".join(sentence(r, key, claims) for _ in range(3)), " ".join(sentence(r, key, claims) for _ in range(4))]
    lines += ["- " + h for h in heads]
    size = sum(len(l) for l in lines)
    per_section = max(1, (target - size - 900) // len(heads))  # 900: conclusion, resources, author
    for h in heads:
        lines.append(h)
        if r.random() < 0.5:
            lines.append("")
        written = 0
        while written < per_section:
            p = " ".join(sentence(r, key, claims) for _ in range(r.randint(3, 6)))
            lines.append(p)
            written += len(p) + 1
    lines.append(" ".join(sentence(r, key, claims) for _ in range(4)))
    lines.append("Related Resources")
    lines.append(f"Here are some resources for an article about {key}:")
    for res in r.sample(RESOURCES, r.randint(3, 6)):
        lines.append(f"- {res[0]} ({res[1]}): [{res[2]}] \u2013 {res[3]}")
    author = AUTHORS[r.randrange(200)]
    lines.append("About the Author")
    lines.append(f"{author} is a researcher who has written about supplements for {r.randint(5, 25)} years.")
    return {
        "slug": f"cat-{n}",
        "title": f"{name}: {heads[0]} ({n})",
        "topics": sorted(r.sample(TOPICS, r.randint(1, 3))),
        "status": "draft" if r.random() < 0.1 else "published",
        "text": "\n".join(lines),
    }


def post_batch(api, key, numbers):
    body = "".join(json.dumps(article(n)) + "\n" for n in numbers).encode()
    req = urllib.request.Request(f"{api}/v1/imports/batch", data=body, method="POST", headers={
        "Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(req, timeout=600) as res:
        result = json.load(res)
    return len(numbers), [item for item in result["items"] if item["status"] != 201]


def load(api, key, count, first=0, threads=4, batch=50, slugs=None):
    numbers = list(range(first, first + count))
    chunks = [numbers[i:i + batch] for i in range(0, len(numbers), batch)]
    start = time.time()
    done = 0
    failures = []
    step = max(1000, batch)
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for n, failed in pool.map(lambda c: post_batch(api, key, c), chunks):
            before = done
            done += n
            failures += failed
            if done // step != before // step or done == count:
                took = time.time() - start
                print(f"  imported {done}/{count} in {took:.0f} s ({done / took:.0f} articles/s), {len(failures)} failed", flush=True)
    took = time.time() - start
    print(f"imported {count} articles in {took:.1f} s: {count / took:.0f} articles/s; {len(failures)} failed")
    for f in failures[:5]:
        print("  failed:", json.dumps(f)[:300])
    if slugs:
        os.makedirs(slugs, exist_ok=True)
        with open(os.path.join(slugs, "published.txt"), "w") as p, open(os.path.join(slugs, "drafts.txt"), "w") as d:
            for n in numbers:
                a = article(n)
                (p if a["status"] == "published" else d).write(a["slug"] + "\n")
    return 0 if not failures else 1


def fetch(api, slugs_file, out):
    os.makedirs(out, exist_ok=True)
    slugs = open(slugs_file).read().split()

    def get(slug):
        with urllib.request.urlopen(f"{api}/v1/articles/{slug}") as res:
            body = res.read()
        with open(os.path.join(out, slug), "wb") as f:
            f.write(body)
        return len(body)

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        sizes = list(pool.map(get, slugs))
    print(f"fetched {len(sizes)} articles, {sum(sizes) / len(sizes) / 1024:.1f} KB of JSON each")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "text":
        print(article(int(sys.argv[2]))["text"])
    elif cmd == "load":
        opts = dict(zip(sys.argv[5::2], sys.argv[6::2]))
        sys.exit(load(sys.argv[2], sys.argv[3], int(sys.argv[4]), first=int(opts.get("--first", 0)),
                      threads=int(opts.get("--threads", 4)), batch=int(opts.get("--batch", 50)), slugs=opts.get("--slugs")))
    elif cmd == "fetch":
        fetch(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        print(__doc__)
        sys.exit(2)
