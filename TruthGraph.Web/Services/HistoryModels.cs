using System.Globalization;

namespace TruthGraph.Web.Services;

/// <summary>Which stored verifications the History page lists and exports; every part optional.</summary>
public sealed record HistoryFilter(string? Verdict = null, string? Text = null, DateTime? From = null, DateTime? To = null)
{
    /// <summary>The API's query-string form (<c>&amp;verdict=…&amp;q=…&amp;from=…&amp;to=…</c>, dates inclusive), empty when nothing is set.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Verdict))
        {
            parts.Add($"verdict={Uri.EscapeDataString(Verdict)}");
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add($"q={Uri.EscapeDataString(Text.Trim())}");
        }
        if (From is { } from)
        {
            parts.Add($"from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
        if (To is { } to)
        {
            parts.Add($"to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
        return string.Concat(parts.Select(p => "&" + p));
    }
}

/// <summary>A file the API produced, passed on to the browser.</summary>
public sealed record ExportedFile(byte[] Content, string ContentType, string FileName);

/// <summary>Body of <c>POST /api/verifications/{id}/feedback</c>.</summary>
public sealed record VerdictFeedbackRequestBody(string ExpectedVerdict, string? Comment);

/// <summary>A stored "this verdict is wrong" label, as the API returns it.</summary>
public sealed record VerdictFeedbackView(Guid Id, Guid VerificationId, string ExpectedVerdict, string? Comment, DateTimeOffset CreatedAt);
