namespace TruthGraph.Web.Services;

/// <summary>
/// How an evidence sentence's origin is named for a reader. Lines uploaded without an id get a content hash
/// (<c>sha256:…</c>) as their id: stable for deduplication, meaningless to a person, so the document title stands in
/// for it, or the source alone.
/// </summary>
public static class EvidenceNames
{
    public const string ContentIdPrefix = "sha256:";

    public static bool IsContentId(string externalId) => externalId.StartsWith(ContentIdPrefix, StringComparison.Ordinal);

    /// <summary>"source · document title", "source · id" for an id someone chose, else the source alone.</summary>
    public static string Origin(string source, string externalId, string? documentTitle) =>
        documentTitle is { Length: > 0 } title ? $"{source} · {title}"
        : IsContentId(externalId) ? source
        : $"{source} · {externalId}";
}
