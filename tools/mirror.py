#!/usr/bin/env python3
"""Reference mirror client: keeps a folder of JSON files equal to the API's published articles.

    python3 tools/mirror.py http://localhost:8080 ./mirror            # follow the feed, polling every 5 s
    python3 tools/mirror.py http://localhost:8080 ./mirror --once     # catch up, then exit

FOLDER/articles/<id>.json is each published article as GET /v1/articles/{slug} returns it;
FOLDER/cursor is the feed position, saved only after a page is applied. A crash between the two
re-applies that page on restart, which is harmless: upserts keep the newest version, deletes are
idempotent. A 410 (unknown cursor) means start over from a full snapshot. Standard library only.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def write_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
    os.replace(tmp, path)


def first_page(base, cursor):
    query = {"limit": "100"}
    if cursor:
        query["cursor"] = cursor
    return base.rstrip("/") + "/v1/changes?" + urllib.parse.urlencode(query)


def fetch(url):
    """The page's bytes and the URL of the next page (its Link header), or None."""
    with urllib.request.urlopen(url, timeout=30) as response:
        link = re.match(r'\s*<([^>]*)>\s*;\s*rel="next"', response.headers.get("Link") or "")
        return response.read(), link.group(1) if link else None


def apply(articles_dir, item):
    path = os.path.join(articles_dir, "%d.json" % item["id"])
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if json.load(f)["version"] >= item["version"]:
                return  # a change already applied, re-read after a crash
    if item["op"] == "delete":
        if os.path.exists(path):
            os.remove(path)
    else:
        write_atomically(path, json.dumps(item["article"], ensure_ascii=False, sort_keys=True))


def sync(base, folder):
    """Applies every waiting page; returns the number of changes applied."""
    articles_dir = os.path.join(folder, "articles")
    cursor_file = os.path.join(folder, "cursor")
    os.makedirs(articles_dir, exist_ok=True)
    cursor = open(cursor_file, encoding="utf-8").read().strip() if os.path.exists(cursor_file) else None
    applied = 0
    # The next page is fetched while this one is applied: its Link header names it before the body is parsed.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as prefetch:
        pending = prefetch.submit(fetch, first_page(base, cursor))
        while True:
            try:
                body, next_url = pending.result()
            except urllib.error.HTTPError as e:
                if e.code != 410:
                    raise
                print("cursor no longer known: starting over from a full snapshot", file=sys.stderr)
                shutil.rmtree(articles_dir)
                os.makedirs(articles_dir)
                if os.path.exists(cursor_file):
                    os.remove(cursor_file)
                pending = prefetch.submit(fetch, first_page(base, None))
                continue
            page = json.loads(body)
            pending = prefetch.submit(fetch, next_url) if next_url and page["hasMore"] else None
            for item in page["items"]:
                apply(articles_dir, item)
            applied += len(page["items"])
            write_atomically(cursor_file, page["next"])
            if not page["hasMore"]:
                return applied


def main():
    parser = argparse.ArgumentParser(description="Mirror the published articles into a folder of JSON files.")
    parser.add_argument("base_url")
    parser.add_argument("folder")
    parser.add_argument("--once", action="store_true", help="catch up and exit")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    args = parser.parse_args()
    while True:
        applied = sync(args.base_url, args.folder)
        print("applied %d change(s)" % applied, file=sys.stderr)
        if args.once:
            return
        time.sleep(args.interval)


if __name__ == "__main__":
    main()
