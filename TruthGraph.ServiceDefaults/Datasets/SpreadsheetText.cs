namespace TruthGraph.ServiceDefaults.Datasets;

/// <summary>Text that a stranger typed, made safe for a CSV cell that someone will open in a spreadsheet.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A cell starting with = + - @ (or a tab or carriage return) would run as a formula when the file is opened in a
    /// spreadsheet, so such text gets a leading apostrophe, which spreadsheets show as text and hide.
    /// </summary>
    public static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
