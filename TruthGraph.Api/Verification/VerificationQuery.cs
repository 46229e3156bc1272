using System.Globalization;

namespace TruthGraph.Api.Verification;

/// <summary>
/// Which stored verifications a history page or an export covers: a verdict, words of the claim, and a time window
/// (from inclusive, to exclusive). Every part is optional.
/// </summary>
public sealed record VerificationQuery(Verdict? Verdict = null, string? Text = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public const int MaxTextLength = 200;

    /// <summary>
    /// Reads the query-string form (<c>verdict</c>, <c>q</c>, <c>from</c>, <c>to</c> as ISO 8601 dates or times; a
    /// date alone for <c>to</c> means the end of that day) and adds a message per bad field to <paramref name="errors"/>.
    /// </summary>
    public static VerificationQuery Parse(string? verdict, string? q, string? from, string? to, IDictionary<string, string[]> errors)
    {
        Verdict? parsedVerdict = null;
        if (!string.IsNullOrEmpty(verdict))
        {
            if (VerdictNames.TryParse(verdict, out var v))
            {
                parsedVerdict = v;
            }
            else
            {
                errors["verdict"] = ["verdict must be SUPPORTED, REFUTED, DISPUTED or NOT_ENOUGH_INFO."];
            }
        }
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text is { Length: > MaxTextLength })
        {
            errors["q"] = [$"q may have at most {MaxTextLength} characters."];
        }
        var fromTime = ParseTime(from, "from", endOfDay: false, errors);
        var toTime = ParseTime(to, "to", endOfDay: true, errors);
        if (fromTime is { } f && toTime is { } t && f >= t)
        {
            errors["to"] = ["to must be later than from."];
        }
        return new VerificationQuery(parsedVerdict, text, fromTime, toTime);
    }

    private static DateTimeOffset? ParseTime(string? value, string field, bool endOfDay, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        errors[field] = [$"{field} must be a date (2026-12-03) or an ISO 8601 time (2026-12-03T14:00:00Z)."];
        return null;
    }
}
