using System.Net.Http.Headers;

namespace TruthGraph.EndToEndTests;

/// <summary>One bad request to a public endpoint, and what the answer must say: its status and the field it names.</summary>
public sealed record BadInput(
    string Resource, HttpMethod Method, string Path, Func<HttpContent?> Body, HttpStatusCode Status, string Field, bool ExpectContinue = false);

/// <summary>
/// Every bad input the public API (the api service, and the inference service's OpenAI-style endpoints) should refuse,
/// by name. Bodies are built on demand: some are large.
/// </summary>
public static class BadInputCases
{
    /// <summary>Just over 50 MB of well-formed JSON lines: refused for its size, not its content.</summary>
    private static readonly Lazy<byte[]> FiftyMegabytes = new(() =>
    {
        var line = Encoding.UTF8.GetBytes("{\"text\": \"A perfectly ordinary evidence sentence that is repeated to make a large upload.\"}\n");
        var bytes = new byte[50 * 1000 * 1000 + line.Length];
        for (var offset = 0; offset + line.Length <= bytes.Length; offset += line.Length)
        {
            line.CopyTo(bytes, offset);
        }
        return bytes;
    });

    private static readonly string Guid0 = Guid.NewGuid().ToString();

    public static readonly IReadOnlyDictionary<string, BadInput> All = new Dictionary<string, BadInput>
    {
        // POST /api/verify: empty, whitespace, over-long, control characters, invalid UTF-8, wrong types, missing fields,
        // absurd numbers, broken JSON, wrong media type, a body over the size limit.
        ["verify: empty claim"] = Verify("""{"claim": ""}""", "claim"),
        ["verify: whitespace claim"] = Verify("{\"claim\": \" \\t\\n \\u00a0 \"}", "claim"),
        ["verify: 2001-character claim"] = Verify($"{{\"claim\": \"{new string('a', 2001)}\"}}", "claim"),
        ["verify: NUL in claim"] = Verify("""{"claim": "Sea levels \u0000 rise."}""", "claim"),
        ["verify: escape character in claim"] = Verify("""{"claim": "Sea levels \u001b[31m rise."}""", "claim"),
        ["verify: invalid UTF-8 in claim"] = new("api", HttpMethod.Post, "/api/verify",
            () => Raw([.. "{\"claim\": \"Sea levels "u8, 0xC3, 0x28, .. " rise.\"}"u8], "application/json"), HttpStatusCode.BadRequest, "$.claim"),
        ["verify: claim is a number"] = Verify("""{"claim": 42}""", "$.claim"),
        ["verify: claim is an object"] = Verify("""{"claim": {"text": "Sea levels rise."}}""", "$.claim"),
        ["verify: claim is an array"] = Verify("""{"claim": ["Sea levels rise."]}""", "$.claim"),
        ["verify: missing claim"] = Verify("""{"topK": 3}""", "claim"),
        ["verify: empty object"] = Verify("{}", "claim"),
        ["verify: JSON null body"] = Verify("null", "body"),
        ["verify: no body"] = new("api", HttpMethod.Post, "/api/verify", () => Raw([], "application/json"), HttpStatusCode.BadRequest, "body"),
        ["verify: array body"] = Verify("""["Sea levels rise."]""", "$"),
        ["verify: truncated JSON"] = Verify("""{"claim": "Sea levels rise.", """, "$"),
        ["verify: JSON nested 100 deep"] = Verify("{\"claim\": " + new string('[', 100) + new string(']', 100) + "}", "$.claim"),
        ["verify: topK is text"] = Verify("""{"claim": "Sea levels rise.", "topK": "ten"}""", "$.topK"),
        ["verify: topK is fractional"] = Verify("""{"claim": "Sea levels rise.", "topK": 2.5}""", "$.topK"),
        ["verify: topK negative"] = Verify("""{"claim": "Sea levels rise.", "topK": -1}""", "topK"),
        ["verify: topK zero"] = Verify("""{"claim": "Sea levels rise.", "topK": 0}""", "topK"),
        ["verify: topK over the maximum"] = Verify("""{"claim": "Sea levels rise.", "topK": 51}""", "topK"),
        ["verify: topK beyond int"] = Verify("""{"claim": "Sea levels rise.", "topK": 99999999999999999999}""", "$.topK"),
        ["verify: minSimilarity above 1"] = Verify("""{"claim": "Sea levels rise.", "minSimilarity": 5}""", "minSimilarity"),
        ["verify: minSimilarity below -1"] = Verify("""{"claim": "Sea levels rise.", "minSimilarity": -3}""", "minSimilarity"),
        ["verify: minSimilarity NaN"] = Verify("""{"claim": "Sea levels rise.", "minSimilarity": "NaN"}""", "minSimilarity"),
        ["verify: minSimilarity 1e400"] = Verify("""{"claim": "Sea levels rise.", "minSimilarity": 1e400}""", "minSimilarity"),
        ["verify: text/plain body"] = new("api", HttpMethod.Post, "/api/verify",
            () => new StringContent("Sea levels rise.", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "Content-Type"),
        // Kestrel refuses a body over the limit before reading it and closes the connection; a client that sends it
        // regardless may see the broken pipe before the 413, so this one waits for "100 Continue", as curl does.
        ["verify: 5 MB body"] = new("api", HttpMethod.Post, "/api/verify",
            () => new StringContent($"{{\"claim\": \"{new string('a', 5 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json"),
            HttpStatusCode.RequestEntityTooLarge, "body", ExpectContinue: true),

        // POST /api/verify/batch
        ["batch: empty list"] = Batch("""{"claims": []}""", "claims"),
        ["batch: missing claims"] = Batch("""{"topK": 5}""", "claims"),
        ["batch: claims is a string"] = Batch("""{"claims": "Sea levels rise."}""", "$.claims"),
        ["batch: claims are numbers"] = Batch("""{"claims": [1, 2]}""", "$.claims[0]"),
        ["batch: 257 claims"] = Batch("{\"claims\": [" + string.Join(',', Enumerable.Repeat("\"x\"", 257)) + "]}", "claims"),
        ["batch: 100000 claims"] = Batch("{\"claims\": [" + string.Join(',', Enumerable.Repeat("\"x\"", 100_000)) + "]}", "claims"),
        ["batch: one empty claim"] = Batch("""{"claims": ["Sea levels rise.", ""]}""", "claims[1]"),
        ["batch: one null claim"] = Batch("""{"claims": ["Sea levels rise.", null]}""", "claims[1]"),
        ["batch: one over-long claim"] = Batch($"{{\"claims\": [\"{new string('b', 2001)}\"]}}", "claims[0]"),
        ["batch: one claim with a control character"] = Batch("""{"claims": ["ok", "bad \u0007 bell"]}""", "claims[1]"),
        ["batch: topK negative"] = Batch("""{"claims": ["Sea levels rise."], "topK": -5}""", "topK"),

        // GET /api/verifications
        ["history: page 0"] = Get("/api/verifications?page=0", "page"),
        ["history: negative page"] = Get("/api/verifications?page=-5", "page"),
        ["history: page is text"] = Get("/api/verifications?page=abc", "page"),
        ["history: page beyond int"] = Get("/api/verifications?page=99999999999", "page"),
        ["history: pageSize 0"] = Get("/api/verifications?pageSize=0", "pageSize"),
        ["history: pageSize 100000"] = Get("/api/verifications?pageSize=100000", "pageSize"),
        ["history: unknown verdict"] = Get("/api/verifications?verdict=MAYBE", "verdict"),
        ["history: injection as verdict"] = Get("/api/verifications?verdict=" + Uri.EscapeDataString("' OR 1=1; --"), "verdict"),
        ["history: id is not a GUID"] = Get("/api/verifications/42", "id"),
        ["history: unknown id"] = Get($"/api/verifications/{Guid0}", "id", HttpStatusCode.NotFound),

        // GET /api/evidence/search
        ["search: no q"] = Get("/api/evidence/search", "q"),
        ["search: whitespace q"] = Get("/api/evidence/search?q=%20%20%09", "q"),
        ["search: 2001-character q"] = Get($"/api/evidence/search?q={new string('q', 2001)}", "q"),
        ["search: NUL in q"] = Get("/api/evidence/search?q=sea%00level", "q"),
        ["search: k 0"] = Get("/api/evidence/search?q=sea&k=0", "k"),
        ["search: k 101"] = Get("/api/evidence/search?q=sea&k=101", "k"),
        ["search: k is text"] = Get("/api/evidence/search?q=sea&k=many", "k"),
        ["search: minSimilarity 2"] = Get("/api/evidence/search?q=sea&minSimilarity=2", "minSimilarity"),
        ["search: minSimilarity NaN"] = Get("/api/evidence/search?q=sea&minSimilarity=NaN", "minSimilarity"),

        // GET /api/ingestions
        ["jobs: id is not a GUID"] = Get("/api/ingestions/latest", "id"),
        ["jobs: unknown id"] = Get($"/api/ingestions/{Guid0}", "id", HttpStatusCode.NotFound),
        ["jobs: limit 0"] = Get("/api/ingestions?limit=0", "limit"),
        ["jobs: limit is text"] = Get("/api/ingestions?limit=all", "limit"),

        // POST /api/ingestions (with the API key): every query field, the file's encoding, its lines, its size.
        ["upload: unknown format"] = Upload("?format=yaml", "format"),
        ["upload: injection as format"] = Upload("?format=" + Uri.EscapeDataString("jsonl'; DROP TABLE evidence; --"), "format"),
        ["upload: no format and no hint"] = new("api", HttpMethod.Post, "/api/ingestions",
            () => Raw("{\"text\": \"A sentence.\"}"u8.ToArray(), "application/octet-stream"), HttpStatusCode.BadRequest, "format"),
        ["upload: 101-character source"] = Upload($"?format=jsonl&source={new string('s', 101)}", "source"),
        ["upload: whitespace source"] = Upload("?format=jsonl&source=%20%20", "source"),
        ["upload: control character in source"] = Upload("?format=jsonl&source=a%07b", "source"),
        ["upload: 501-character title"] = Upload($"?format=jsonl&title={new string('t', 501)}", "title"),
        ["upload: NUL in title"] = Upload("?format=jsonl&title=a%00b", "title"),
        ["upload: unknown model"] = Upload("?format=jsonl&model=no-such-model", "model"),
        ["upload: injection as model"] = Upload("?format=jsonl&model=" + Uri.EscapeDataString("x' OR '1'='1"), "model"),
        ["upload: empty file"] = Upload("?format=jsonl", "file", body: ""),
        ["upload: invalid UTF-8"] = new("api", HttpMethod.Post, "/api/ingestions?format=jsonl",
            () => Raw([.. "{\"text\": \"fine\"}\n{\"text\": \"bad "u8, 0xFF, 0xFE, .. "\"}\n"u8], "application/x-ndjson"), HttpStatusCode.BadRequest, "file"),
        ["upload: every JSON line bad"] = Upload("?format=jsonl", "line 1: text",
            body: "{\"text\": \"\"}\n{\"text\": 42}\nnot json\n{\"text\": \"nul \\u0000\"}\n[1, 2]"),
        ["upload: CSV with an unclosed quote"] = Upload("?format=csv", "line 2: text",
            body: "id,text\n1,\"An unclosed quote swallows\n2,every line after it.\n"),
        ["upload: CSV with text after a closing quote"] = Upload("?format=csv", "line 2: text", body: "id,text\n1,\"closed\" and then more\n"),
        ["upload: CSV without a text column"] = Upload("?format=csv", "line 1: text", body: "id,body\n1,A sentence.\n"),
        ["upload: plain text of whitespace"] = Upload("?format=text", "line 1: text", body: " \n\t\n "),
        ["upload: 50 MB raw body"] = new("api", HttpMethod.Post, "/api/ingestions?format=jsonl",
            () => Raw(FiftyMegabytes.Value, "application/x-ndjson"), HttpStatusCode.RequestEntityTooLarge, "file"),
        ["upload: 50 MB raw body, client waits for 100 Continue"] = new("api", HttpMethod.Post, "/api/ingestions?format=jsonl",
            () => Raw(FiftyMegabytes.Value, "application/x-ndjson"), HttpStatusCode.RequestEntityTooLarge, "file", ExpectContinue: true),
        ["upload: 50 MB raw body, chunked"] = new("api", HttpMethod.Post, "/api/ingestions?format=jsonl",
            () => Chunked(FiftyMegabytes.Value, "application/x-ndjson"), HttpStatusCode.RequestEntityTooLarge, "file"),
        ["upload: 50 MB multipart file"] = new("api", HttpMethod.Post, "/api/ingestions?format=jsonl",
            () => Multipart(FiftyMegabytes.Value, "big.jsonl"), HttpStatusCode.RequestEntityTooLarge, "file"),

        // The inference service's public endpoints.
        ["embeddings: input is a number"] = Inference("/v1/embeddings", """{"input": 42}""", "input"),
        ["embeddings: no input"] = Inference("/v1/embeddings", "{}", "input"),
        ["embeddings: empty list"] = Inference("/v1/embeddings", """{"input": []}""", "input"),
        ["embeddings: empty text"] = Inference("/v1/embeddings", """{"input": ["fine", ""]}""", "input[1]"),
        ["embeddings: 20001-character text"] = Inference("/v1/embeddings", $"{{\"input\": \"{new string('e', 20_001)}\"}}", "input[0]"),
        ["embeddings: 2049 texts"] = Inference("/v1/embeddings", "{\"input\": [" + string.Join(',', Enumerable.Repeat("\"e\"", 2049)) + "]}", "input"),
        ["embeddings: unknown encoding"] = Inference("/v1/embeddings", """{"input": "x", "encoding_format": "hex"}""", "encoding_format"),
        ["embeddings: absurd dimensions"] = Inference("/v1/embeddings", """{"input": "x", "dimensions": -7}""", "dimensions"),
        ["embeddings: dimensions is text"] = Inference("/v1/embeddings", """{"input": "x", "dimensions": "many"}""", "$.dimensions"),
        ["embeddings: unknown model"] = Inference("/v1/embeddings", """{"input": "x", "model": "'; DROP TABLE models; --"}""", "model", HttpStatusCode.NotFound),
        ["nli: no pairs"] = Inference("/v1/nli", "{}", "pairs"),
        ["nli: empty premise"] = Inference("/v1/nli", """{"pairs": [{"premise": "", "hypothesis": "H."}]}""", "pairs[0].premise"),
        ["nli: missing hypothesis"] = Inference("/v1/nli", """{"pairs": [{"premise": "P."}]}""", "pairs[0].hypothesis"),
        ["nli: pairs is an object"] = Inference("/v1/nli", """{"pairs": {"premise": "P.", "hypothesis": "H."}}""", "$.pairs"),
        ["models: batch size -1"] = Inference("/v1/models/all-minilm-l6-v2/settings", """{"batchSize": -1}""", "batchSize"),
        ["models: batch size is text"] = Inference("/v1/models/all-minilm-l6-v2/settings", """{"batchSize": "big"}""", "$.batchSize"),
        ["models: unknown model warm-up"] = Inference("/v1/models/no-such-model/warmup", "{}", "model", HttpStatusCode.NotFound),

        // A member the request does not have is refused, not ignored ("top_k" would otherwise mean k = 10), on every JSON body.
        ["verify: unknown member top_k"] = Verify("""{"claim": "Sea levels rise.", "top_k": 3}""", "$.top_k"),
        ["batch: unknown member"] = Batch("""{"claims": ["Sea levels rise."], "k": 3}""", "$.k"),
        ["sweeps: unknown member"] = Admin("/api/sweeps", """{"model": "all-minilm-l6-v2", "batch": 8}""", "$.batch"),
        ["sweeps: unknown member when applying"] = Admin($"/api/sweeps/{Guid0}/apply", """{"size": 8}""", "$.size"),
        ["profiles: unknown member"] = Admin("/api/profiles", """{"sample": false, "seconds": 3}""", "$.seconds"),
        ["perf runs: unknown member"] = Admin("/api/perf-runs", """{"claims": 5, "targets": {"p50": 60}}""", "$.targets.p50"),
        ["embeddings: unknown member"] = Inference("/v1/embeddings", """{"input": "x", "top_k": 3}""", "$.top_k"),
        ["nli: unknown member in a pair"] = Inference("/v1/nli", """{"pairs": [{"premise": "P.", "hypothesis": "H.", "label": "x"}]}""", "$.pairs[0].label"),
        ["models: unknown settings member"] = Inference("/v1/models/all-minilm-l6-v2/settings", """{"batch_size": 4}""", "$.batch_size"),
        ["models: unknown tuned-batch-size member"] = Inference("/v1/models/all-minilm-l6-v2/tuned-batch-size", """{"size": 4}""", "$.size"),
        ["inference sweeps: unknown member"] = Inference("/v1/sweeps", """{"model": "all-minilm-l6-v2", "texts": ["a"], "steps": 3}""", "$.steps"),
        ["inference profiles: unknown member"] = Inference("/v1/profiles", """{"models": ["all-minilm-l6-v2"], "seconds": 1}""", "$.seconds"),
    };

    private static BadInput Verify(string json, string field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new("api", HttpMethod.Post, "/api/verify", () => new StringContent(json, Encoding.UTF8, "application/json"), status, field);

    private static BadInput Batch(string json, string field) =>
        new("api", HttpMethod.Post, "/api/verify/batch", () => new StringContent(json, Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, field);

    private static BadInput Admin(string path, string json, string field) =>
        new("api", HttpMethod.Post, path, () => new StringContent(json, Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, field);

    private static BadInput Get(string path, string field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new("api", HttpMethod.Get, path, () => null, status, field);

    private static BadInput Upload(string query, string field, string body = """{"text": "A perfectly good sentence."}""") =>
        new("api", HttpMethod.Post, "/api/ingestions" + query, () => new StringContent(body, Encoding.UTF8, "application/octet-stream"),
            HttpStatusCode.BadRequest, field);

    private static BadInput Inference(string path, string json, string field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new("inference", HttpMethod.Post, path, () => new StringContent(json, Encoding.UTF8, "application/json"), status, field);

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>A body whose length is not announced, so the server must count while it reads.</summary>
    private static StreamContent Chunked(byte[] bytes, string contentType)
    {
        var content = new StreamContent(new UnsizedStream(bytes));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string fileName) => new() { { new ByteArrayContent(bytes), "file", fileName } };

    private sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
