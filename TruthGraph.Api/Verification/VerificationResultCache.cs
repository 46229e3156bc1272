using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace TruthGraph.Api.Verification;

/// <summary>
/// Remembers results by claim text, search settings, corpus version, model ids and the NLI model's revision: a new
/// corpus version, a different model, or the same model redeployed with another adapter, thresholds or calibration can
/// never serve an old answer. Hit ratio is exported as a metric and kept for the status page.
/// </summary>
public sealed class VerificationResultCache : IDisposable
{
    private readonly MemoryCache _cache;
    private long _hits;
    private long _misses;

    public VerificationResultCache(IOptions<VerificationOptions> options)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ResultCacheSize });
        VerificationTelemetry.Meter.CreateObservableGauge("truthgraph.verify.cache.hit_ratio", () => HitRatio,
            description: "Share of verification lookups answered from the result cache since start");
    }

    public double HitRatio
    {
        get
        {
            var hits = Interlocked.Read(ref _hits);
            var total = hits + Interlocked.Read(ref _misses);
            return total == 0 ? 0 : (double)hits / total;
        }
    }

    public static string KeyFor(string claim, int topK, double minSimilarity, long corpusVersion, ModelIds models, string? nliRevision)
    {
        // Whitespace and case do not change what a claim says; everything else does.
        var normalized = string.Join(' ', claim.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var material = $"{normalized}\u001f{topK}\u001f{minSimilarity:R}\u001f{corpusVersion}\u001f{models.Embedding}\u001f{models.Nli}\u001f{nliRevision}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public bool TryGet(string key, out VerificationResult result)
    {
        var hit = _cache.TryGetValue(key, out result!);
        Interlocked.Increment(ref hit ? ref _hits : ref _misses);
        VerificationTelemetry.CacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
        return hit;
    }

    public void Set(string key, VerificationResult result) =>
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _cache.Dispose();
}
