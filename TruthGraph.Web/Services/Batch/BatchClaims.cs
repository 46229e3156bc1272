using nietras.SeparatedValues;

namespace TruthGraph.Web.Services.Batch;

/// <summary>A line that is not sent, and why, by its line number in what the user pasted or uploaded.</summary>
public sealed record SkippedLine(int LineNumber, string Reason);

/// <summary>The claims a batch will verify, in order, and the lines left out.</summary>
public sealed record BatchInput(IReadOnlyList<string> Claims, IReadOnlyList<SkippedLine> Skipped);

/// <summary>
/// Reads a batch: pasted text or a .txt file holds one claim per line; a .csv file holds them in its <c>claim</c> column
/// (or its only column), with a header row. Blank lines are ignored; a claim over the API's limit is left out and named,
/// rather than failing the whole batch at the API.
/// </summary>
public static class BatchClaims
{
    public const int MaxClaims = 1_000;

    /// <summary>The API's limit on one claim (VerifyRequestValidator); copied, as the claim input's is.</summary>
    public const int MaxClaimLength = 2_000;

    public static BatchInput FromLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return Collect(lines.Select((line, i) => (LineNumber: i + 1, Text: line)));
    }

    public static BatchInput FromCsv(string csv)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(csv);
        var names = reader.Header.ColNames.Select(n => n.Trim().ToLowerInvariant()).ToList();
        var column = names.IndexOf("claim");
        if (column < 0 && names.Count != 1)
        {
            return new BatchInput([], [new SkippedLine(1, "The CSV header has no \"claim\" column (and more than one column).")]);
        }
        var rows = new List<(int, string)>();
        foreach (var row in reader)
        {
            rows.Add((row.LineNumberFrom, row.ColCount > Math.Max(column, 0) ? row[Math.Max(column, 0)].ToString() : ""));
        }
        return Collect(rows);
    }

    private static BatchInput Collect(IEnumerable<(int LineNumber, string Text)> lines)
    {
        var claims = new List<string>();
        var skipped = new List<SkippedLine>();
        foreach (var (lineNumber, raw) in lines)
        {
            var claim = raw.Trim();
            if (claim.Length == 0)
            {
                continue;
            }
            if (claim.Length > MaxClaimLength)
            {
                skipped.Add(new SkippedLine(lineNumber, $"It has {claim.Length:N0} characters; a claim may have at most {MaxClaimLength:N0}."));
            }
            else if (claims.Count == MaxClaims)
            {
                skipped.Add(new SkippedLine(lineNumber, $"A batch holds at most {MaxClaims:N0} claims."));
            }
            else
            {
                claims.Add(claim);
            }
        }
        return new BatchInput(claims, skipped);
    }
}
