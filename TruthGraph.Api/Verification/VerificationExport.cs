using System.Globalization;
using nietras.SeparatedValues;
using TruthGraph.ServiceDefaults.Datasets;

namespace TruthGraph.Api.Verification;

/// <summary>One exported verification: the stored result and the verdict a user said it should have had, if any.</summary>
public sealed record ExportedVerification(VerificationResult Verification, Verdict? UserLabel);

/// <summary>Writes stored verifications as CSV (one row per claim, for a spreadsheet) or JSON (everything, for a program).</summary>
public static class VerificationExport
{
    public const int MaxRows = 10_000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly IReadOnlyList<string> CsvColumns =
        ["id", "created_at", "claim", "verdict", "confidence", "user_label", "reason", "deciding_evidence", "evidence_count", "nli_model", "total_ms", "trace_id"];

    public static string ToCsv(IReadOnlyList<ExportedVerification> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var (result, label) in rows)
            {
                using var row = writer.NewRow();
                row["id"].Set(result.Id.ToString());
                row["created_at"].Set(result.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
                row["claim"].Set(SpreadsheetText.Safe(result.Claim));
                row["verdict"].Set(VerdictNames.ToText(result.Verdict));
                row["confidence"].Set(result.Confidence.ToString("0.####", CultureInfo.InvariantCulture));
                row["user_label"].Set(label is { } l ? VerdictNames.ToText(l) : "");
                row["reason"].Set(result.Explanation?.Reason ?? "");
                row["deciding_evidence"].Set(SpreadsheetText.Safe(string.Join(" | ", result.Evidence.Where(e => e.Deciding).Select(e => e.Text))));
                row["evidence_count"].Set(result.Evidence.Count.ToString(CultureInfo.InvariantCulture));
                row["nli_model"].Set(result.Models.Nli);
                row["total_ms"].Set(result.Timings is { } t ? t.TotalMs.ToString("0.0", CultureInfo.InvariantCulture) : "");
                row["trace_id"].Set(result.TraceId ?? "");
            }
            if (rows.Count == 0)
            {
                // Sep writes its header with the first row; an empty export still names its columns.
                text.Write(string.Join(',', CsvColumns) + Environment.NewLine);
            }
        }
        return text.ToString();
    }

    public static string ToJson(IReadOnlyList<ExportedVerification> rows) => JsonSerializer.Serialize(rows, JsonOptions);
}
