// A frontend-style program, typed from the spec by openapi-typescript and compiled with tsc --strict:
// lists and pages, reads an article and slices every claim out of its paragraph, revalidates with
// If-None-Match, reads the change feed to its end, and verifies a real webhook delivery with the
// standardwebhooks library. Usage: node dist/main.js <base URL> <admin key>
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { Webhook } from "standardwebhooks";
import type { components, paths } from "./api.js";

type Article = components["schemas"]["ArticleView"];
type Claim = components["schemas"]["Claim"];

const [base, adminKey] = process.argv.slice(2);
if (!base || !adminKey) {
  throw new Error("usage: node dist/main.js <base URL> <admin key>");
}
// One media type for the whole client: every answer is typed as its JSON.
const api = createClient<paths, "application/json">({ baseUrl: base });
const admin = createClient<paths, "application/json">({ baseUrl: base, headers: { Authorization: `Bearer ${adminKey}` } });

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
}

function paragraphOf(article: Article, claim: Claim): string {
  switch (claim.location) {
    case "summary":
      return article.summary;
    case "introduction":
      return article.introduction;
    case "conclusion":
      return article.conclusion;
    case "section": {
      const section = article.sections.find((s) => s.anchor === claim.sectionAnchor);
      const paragraph = section?.paragraphs[claim.paragraph];
      check(paragraph !== undefined, `claim ${claim.id} points at a paragraph that exists`);
      return paragraph;
    }
  }
}

// 1. List and page.
const slugs: string[] = [];
let cursor: string | undefined;
for (let page = 0; page < 3; page++) {
  const { data, error } = await api.GET("/v1/articles", { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
  check(data !== undefined, `list page ${page}: ${JSON.stringify(error)}`);
  slugs.push(...data.items.map((item) => item.slug));
  if (!data.next) {
    break;
  }
  cursor = data.next;
}
check(slugs.length > 0, "the list has articles");
check(new Set(slugs).size === slugs.length, "pages do not repeat an article");

// 2. An article, and every claim sliced out of its paragraph by its offsets.
const slug = slugs[0]!;
const read = await api.GET("/v1/articles/{slug}", { params: { path: { slug } } });
check(read.data !== undefined, `GET ${slug}`);
const article: Article = read.data;
let claims = 0;
for (const claim of article.claims) {
  check(paragraphOf(article, claim).slice(claim.start, claim.end) === claim.text, `claim ${claim.id} is where its offsets say`);
  claims++;
}

// 3. A conditional GET.
const etag = read.response.headers.get("ETag");
check(etag !== null, "an article has an ETag");
const again = await api.GET("/v1/articles/{slug}", { params: { path: { slug }, header: { "If-None-Match": etag } } });
check(again.response.status === 304, `a current ETag gives 304, not ${again.response.status}`);

// 4. The change feed to its end; an upsert carries its article, a delete none.
let feedCursor: string | undefined;
let changes = 0;
for (;;) {
  const { data, error } = await api.GET("/v1/changes", { params: { query: { limit: 100, ...(feedCursor ? { cursor: feedCursor } : {}) } } });
  check(data !== undefined, `feed: ${JSON.stringify(error)}`);
  for (const change of data.items) {
    if (change.op === "upsert") {
      check(change.article.id === change.id, "an upsert carries its article");
    } else {
      check(!("article" in change), "a delete carries no article");
    }
    changes++;
  }
  feedCursor = data.next;
  if (!data.hasMore) {
    break;
  }
}

// 5. A real webhook delivery, verified with the standardwebhooks library.
const deliveries: { body: string; headers: Record<string, string> }[] = [];
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") {
        headers[name] = value;
      }
    }
    deliveries.push({ body, headers });
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const port = (receiver.address() as AddressInfo).port;
const hook = await admin.POST("/v1/webhooks", { body: { url: `http://127.0.0.1:${port}/hook`, cursor: feedCursor } });
check(hook.data !== undefined && hook.data.secret !== undefined, `register a webhook: ${JSON.stringify(hook.error)}`);
const newSlug = `ts-client-${Date.now()}`;
const text = await (await fetch(`${base}/v1/articles/${slug}`, { headers: { Accept: "text/plain" } })).text();
const imported = await admin.POST("/v1/imports", {
  params: { query: { slug: newSlug, status: "published" } },
  body: text,
  bodySerializer: (body: string) => body,
  headers: { "Content-Type": "text/plain; charset=utf-8" },
});
check(imported.response.status === 201, `import: ${imported.response.status}`);
for (let waited = 0; deliveries.length === 0 && waited < 30_000; waited += 100) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
receiver.close();
const delivery = deliveries[0];
check(delivery !== undefined, "the webhook was delivered within 30 s");
const event = new Webhook(hook.data.secret).verify(delivery.body, delivery.headers) as components["schemas"]["WebhookEvent"];
check(event.type === "article.upsert" && event.data.slug === newSlug, `the delivery is the import: ${delivery.body.slice(0, 120)}`);
await admin.DELETE("/v1/webhooks/{id}", { params: { path: { id: hook.data.id } } });

console.log(`TypeScript client: ${slugs.length} articles listed, ${claims} claims sliced, 304 on revalidation, `
  + `${changes} feed changes read, 1 webhook delivery verified`);
