namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>--name value</c> pairs of the API's developer commands (bench-ingest, eval). Hand-written because the commands
/// take a handful of plain options and run outside the web host; a parser library would be more code than this.
/// </summary>
public static class CommandArgs
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    options[pending] = "true"; // a flag with no value
                }
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                options[pending] = arg;
                pending = null;
            }
            else
            {
                options[$"${options.Count(o => o.Key.StartsWith('$'))}"] = arg; // positional
            }
        }
        if (pending is not null)
        {
            options[pending] = "true";
        }
        return options;
    }

    /// <summary>
    /// The API key a command sends: <c>--api-key</c>, else <c>Security__ApiKey</c> (the variable the services read),
    /// else <c>TRUTHGRAPH_API_KEY</c>; null when none is set.
    /// </summary>
    public static string? ApiKey(IReadOnlyDictionary<string, string> options) =>
        new[] { options.GetValueOrDefault("api-key"), Environment.GetEnvironmentVariable("Security__ApiKey"), Environment.GetEnvironmentVariable("TRUTHGRAPH_API_KEY") }
            .FirstOrDefault(key => !string.IsNullOrEmpty(key));
}
