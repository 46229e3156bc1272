using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using TruthGraph.ServiceDefaults.Datasets;

namespace TruthGraph.Web.Services.Batch;

/// <summary>A batch's results as CSV (one row per claim) or JSON (the API's full answers), built in the dashboard for download.</summary>
public static class BatchExport
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToCsv(IReadOnlyList<VerificationView> results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var result in results)
            {
                using var row = writer.NewRow();
                row["claim"].Set(SpreadsheetText.Safe(result.Claim));
                row["verdict"].Set(result.Verdict);
                row["confidence"].Set(result.Confidence.ToString("0.####", CultureInfo.InvariantCulture));
                row["reason"].Set(result.Explanation?.Reason ?? "");
                row["deciding_evidence"].Set(SpreadsheetText.Safe(string.Join(" | ", result.Evidence.Where(e => e.Deciding).Select(e => e.Text))));
                row["verification_id"].Set(result.Id.ToString());
            }
        }
        return text.ToString();
    }

    public static string ToJson(IReadOnlyList<VerificationView> results) => JsonSerializer.Serialize(results, JsonOptions);
}
